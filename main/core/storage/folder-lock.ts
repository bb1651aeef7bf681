import { closeSync, constants, fchmodSync, fstatSync, ftruncateSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../errors';

export const LOCK_FILE = 'guichet.lock';

/** The first 16 bytes of every SQLite database file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface FolderLockOptions {
  /** The path of an Electron-ABI build of the SQLite module, when running under Electron. */
  nativeBinding?: string;
}

/** Lock files this process holds, by device and inode, so that a second acquire here is refused too. */
const heldHere = new Set<string>();

function fileKey(stats: { dev: bigint; ino: bigint }): string {
  return `${stats.dev}:${stats.ino}`;
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'unknown';
}

/**
 * Creates the lock file (mode 0600) if it is missing, and empties a lock left by a
 * version that wrote its pid in it: SQLite would refuse that text as "not a
 * database". Truncating in place keeps the inode, so a process that holds the file
 * keeps its lock; a file this version uses is never written and stays empty, so it
 * is never truncated. The descriptor is closed before SQLite takes its lock: on
 * Unix, closing any descriptor of a file drops every lock the process has on it.
 */
function prepareLockFile(file: string): string {
  let fd: number | null = null;
  try {
    fd = openSync(file, constants.O_RDWR | constants.O_CREAT, 0o600);
    const stats = fstatSync(fd, { bigint: true });
    if (process.platform !== 'win32' && (Number(stats.mode) & 0o777) !== 0o600) fchmodSync(fd, 0o600);
    if (stats.size > 0n) {
      const head = Buffer.alloc(SQLITE_HEADER.length);
      const read = readSync(fd, head, 0, head.length, 0);
      if (read < head.length || !head.equals(SQLITE_HEADER)) ftruncateSync(fd, 0);
    }
    return fileKey(stats);
  } catch (error) {
    throw new AppError('storage.writeFailed', { params: { reason: reasonOf(error) } });
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * One process at a time may hold a data folder: the desk app or an admin command,
 * never both, so that the vault and the database have a single writer.
 *
 * The lock is one the operating system holds on an open file, so the kernel drops it
 * when the process dies, however it dies: a pid written in a file could not tell a
 * crashed holder from a live one (a pid is reused), and creating and deleting the
 * file raced between processes starting together. SQLite already takes such locks
 * (fcntl on Unix, LockFileEx on Windows) on every platform we ship, so the lock is an
 * empty, unencrypted SQLite file held in an open write transaction: another process,
 * or another acquire in this one, is refused at once with `data.inUse`.
 *
 * The file is never deleted, not even on release: a process that had opened it just
 * before could then lock the deleted file while a third locks a new one. Nothing
 * else may open it while it is held: on Unix, closing any descriptor of the file
 * would drop the process's lock.
 */
export class FolderLock {
  private constructor(
    private db: Database.Database | null,
    private readonly key: string,
  ) {}

  static acquire(folder: string, options: FolderLockOptions = {}): FolderLock {
    const file = join(folder, LOCK_FILE);
    // Checked by stat, before opening the file: opening and closing it would drop our own lock.
    const existing = statSync(file, { bigint: true, throwIfNoEntry: false });
    if (existing && heldHere.has(fileKey(existing))) throw new AppError('data.inUse');
    const key = prepareLockFile(file);
    if (heldHere.has(key)) throw new AppError('data.inUse');

    let db: Database.Database | null = null;
    try {
      db = new Database(file, {
        fileMustExist: true,
        timeout: 0,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      });
      db.pragma('busy_timeout=0');
      // Keep the lock even outside a transaction, and journal in memory: the transaction
      // writes nothing, but SQLite would still create (and in exclusive mode keep) a -journal file.
      db.pragma('locking_mode=EXCLUSIVE');
      db.pragma('journal_mode=MEMORY');
      // RESERVED, not EXCLUSIVE: the pragmas above already hold a SHARED lock (exclusive mode
      // keeps it), and two processes holding SHARED that both ask for EXCLUSIVE refuse each
      // other (seen in 1 round of 15 under load). Only one process can hold RESERVED, and
      // asking for it never waits on the other's SHARED: exactly one wins.
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      db?.close();
      const code = reasonOf(error);
      if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) throw new AppError('data.inUse');
      throw new AppError('storage.writeFailed', { params: { reason: code } });
    }
    heldHere.add(key);
    return new FolderLock(db, key);
  }

  /** Ends the transaction and closes the file, which lets the lock go; the file stays. */
  release(): void {
    const db = this.db;
    if (!db) return;
    this.db = null;
    try {
      if (db.inTransaction) db.exec('ROLLBACK');
    } catch {
      // Closing rolls back as well.
    }
    try {
      db.close();
    } finally {
      heldHere.delete(this.key);
    }
  }
}
