/** What the tamper, fault and kill tests of backups check after each case. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createBackup, WORK_PREFIX, type CreatedBackup } from '../../main/core/backups/backup';
import { PARTIAL_EXTENSION } from '../../main/core/backups/file';
import { VAULT_FILE } from '../../main/core/desk';
import { isAppError } from '../../main/core/errors';
import type { BackupDesk } from './backups';

type BackupOptions = Parameters<typeof createBackup>[0];

/** `backUp` of backups.ts with any of createBackup's hooks (progress too); the administrator must be logged in. */
export function backUpWith(t: BackupDesk, targetDir: string, extra: Partial<Pick<BackupOptions, 'onProgress' | 'signal' | 'openForWrite' | 'freeBytes'>> = {}): Promise<CreatedBackup> {
  const session = t.desk.requireSession();
  return createBackup({ dataDir: t.dir, db: session.db, dataKey: session.dataKey, vaultPath: t.desk.path(VAULT_FILE), appVersion: 'test', now: t.clock.now(), targetDir, ...extra });
}

/** The error code a call ends with, or 'ok'. Anything but an AppError fails the test. */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

/** The work folders a backup or a check left in the data folder. */
export function workFoldersIn(dataDir: string): string[] {
  return readdirSync(dataDir).filter((name) => name.startsWith(WORK_PREFIX));
}

/** Temporary files left on a drive (none when the folder itself is gone). */
export function partialsOn(drive: string): string[] {
  return existsSync(drive) ? readdirSync(drive).filter((name) => name.endsWith(PARTIAL_EXTENSION)) : [];
}

/** Every file under `dir`, at any depth, whose bytes hold `needle` in UTF-8 or UTF-16. */
export function filesHoldingDeep(dir: string, needle: string): string[] {
  if (!existsSync(dir)) return [];
  const needles = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stats = statSync(path);
    if (stats.isDirectory()) found.push(...filesHoldingDeep(path, needle));
    else if (stats.isFile() && needles.some((n) => readFileSync(path).includes(n))) found.push(path);
  }
  return found;
}
