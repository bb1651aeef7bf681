import { chmodSync, closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { openKeyed } from '../db/database';
import { readMeta } from '../db/meta';
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

/**
 * The vault id the file holds when this key opens it, or null when the key does not (a
 * wrong key, and nothing else: a busy or unreadable file is an error, never a reason to swap).
 */
function vaultIdWith(path: string, key: Buffer, nativeBinding?: string): string | null {
  let db;
  try {
    db = openKeyed(path, key, { fileMustExist: true, nativeBinding });
  } catch (error) {
    if (isAppError(error) && error.code === 'db.wrongKey') return null;
    throw error;
  }
  try {
    return readMeta(db, 'vault_id');
  } finally {
    db.close();
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

/**
 * At unlock, with the key the vault gave: finishes or discards a rotation a kill
 * interrupted. The copy is swapped in only when the key does not open the database and
 * does open the copy, and the copy belongs to this vault.
 */
export function finishInterruptedRotation(databasePath: string, key: Buffer, vaultId: string, nativeBinding?: string): void {
  const next = nextDatabasePath(databasePath);
  if (!existsSync(next)) return;
  if (vaultIdWith(databasePath, key, nativeBinding) !== null) {
    removeDatabaseFiles(next);
    return;
  }
  if (vaultIdWith(next, key, nativeBinding) === vaultId) swapInNextDatabase(databasePath);
}
