import { chmodSync, closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { openKeyed } from '../db/database';
import { isAppError } from '../errors';
import { fsyncFolder } from '../storage/atomic-write';

/**
 * The files of a data-key rotation. The database is copied (`VACUUM INTO`) beside itself,
 * the copy re-encrypted under the new key, the vault written with the new key, and only
 * then the copy renamed over the old file. A kill before the vault is written leaves a
 * copy that the old key does not need (it is removed at the next unlock); a kill after
 * leaves a copy the new key opens and the old file it does not (the next unlock finishes
 * the swap). So the old key or the new one always opens the desk.
 */
export function nextDatabasePath(databasePath: string): string {
  return `${databasePath}.next`;
}

/** The database file and the files SQLite keeps beside it. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function opensWith(path: string, key: Buffer, nativeBinding?: string): boolean {
  try {
    openKeyed(path, key, { fileMustExist: true, nativeBinding }).close();
    return true;
  } catch (error) {
    if (isAppError(error) || (error as { code?: string }).code?.startsWith('SQLITE_')) return false;
    throw error;
  }
}

/**
 * Puts the re-encrypted copy in place of the database. The old file's WAL goes first:
 * it belongs to the old file (whose content the copy already holds), and SQLite would
 * otherwise replay it into the new one.
 */
export function swapInNextDatabase(databasePath: string): void {
  const next = nextDatabasePath(databasePath);
  if (process.platform !== 'win32') chmodSync(next, 0o600);
  rmSync(`${databasePath}-wal`, { force: true });
  rmSync(`${databasePath}-shm`, { force: true });
  renameSync(next, databasePath);
  rmSync(`${next}-journal`, { force: true });
  fsyncFolder(dirname(databasePath));
}

/** At unlock, with the key the vault gave: finishes or discards a rotation a kill interrupted. */
export function finishInterruptedRotation(databasePath: string, key: Buffer, nativeBinding?: string): void {
  const next = nextDatabasePath(databasePath);
  if (!existsSync(next)) return;
  if (opensWith(databasePath, key, nativeBinding)) {
    removeDatabaseFiles(next);
    return;
  }
  if (opensWith(next, key, nativeBinding)) swapInNextDatabase(databasePath);
}
