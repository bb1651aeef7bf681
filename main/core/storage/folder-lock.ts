import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors';

const LOCK_FILE = 'guichet.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process at a time may hold a data folder: the desk app or an admin command,
 * never both, so that the vault and the database have a single writer. A lock left by
 * a process that died is taken over.
 */
export class FolderLock {
  private constructor(private readonly file: string) {}

  static acquire(folder: string, _options: { nativeBinding?: string } = {}): FolderLock {
    const file = join(folder, LOCK_FILE);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(file, 'wx', 0o600);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return new FolderLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new AppError('storage.writeFailed', { params: { reason: (error as NodeJS.ErrnoException).code ?? 'unknown' } });
        }
        const holder = Number.parseInt(readFileSafe(file), 10);
        if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
          throw new AppError('data.inUse');
        }
        rmSync(file, { force: true });
      }
    }
    throw new AppError('data.inUse');
  }

  release(): void {
    rmSync(this.file, { force: true });
  }
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
