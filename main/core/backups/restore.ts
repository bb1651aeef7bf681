import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendAudit } from '../audit/service';
import { checkpoint } from '../db/copy';
import { openDatabase, schemaVersion } from '../db/database';
import { AppError } from '../errors';
import { fsyncFolder } from '../storage/atomic-write';
import { wipe } from '../vault/crypto';
import { checkBackupContents, unlockBackup, type BackupSecret } from './backup';
import { readBackupHeader, removeQuietly, type OnProgress } from './file';
import type { BackupManifest } from './format';
import type { OffThread } from './off-thread';

/**
 * A restore replaces the database and the vault together, under the data folder's own OS
 * lock (the folder itself stays: the running app holds its lock file, and Windows cannot
 * rename a folder with an open file in it). The restored pair is staged whole in
 * `restore-incoming/`, flushed, and marked `complete`; from then on the swap only rolls
 * forward: the old files (WAL and SHM first, so they are never beside the new database)
 * move to `restore-outgoing/`, the new ones move in, both folders go. A kill at any point
 * leaves either the old pair (no marker yet) or a state `finishInterruptedRestore` takes
 * to the new pair at the next start: never neither.
 */
/** The desk's pair, named here rather than imported: the desk calls finishInterruptedRestore as it opens. */
const DATABASE_FILE = 'guichet.db';
const VAULT_FILE = 'vault.json';
export const INCOMING = 'restore-incoming';
export const OUTGOING = 'restore-outgoing';
export const COMPLETE = 'complete';
const OLD_FIRST = [`${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, DATABASE_FILE, VAULT_FILE];
const NEW_FILES = [DATABASE_FILE, VAULT_FILE];

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Moves the old pair out and the staged pair in; every step is a rename within the folder. */
export function swapInRestore(dataDir: string, afterStep?: (step: string) => void): void {
  const incoming = join(dataDir, INCOMING);
  const outgoing = join(dataDir, OUTGOING);
  mkdirSync(outgoing, { recursive: true });
  // The database still to come decides whether what is in place is old: see the class comment.
  const newDbPending = existsSync(join(incoming, DATABASE_FILE));
  const newVaultPending = existsSync(join(incoming, VAULT_FILE));
  for (const name of OLD_FIRST) {
    const pending = name === VAULT_FILE ? newVaultPending : newDbPending;
    if (pending && existsSync(join(dataDir, name))) {
      renameSync(join(dataDir, name), join(outgoing, name));
      afterStep?.(`out:${name}`);
    }
  }
  fsyncFolder(dataDir);
  for (const name of NEW_FILES) {
    if (existsSync(join(incoming, name))) {
      renameSync(join(incoming, name), join(dataDir, name));
      afterStep?.(`in:${name}`);
    }
  }
  fsyncFolder(dataDir);
  afterStep?.('moved-in');
  rmSync(incoming, { recursive: true, force: true });
  afterStep?.('incoming-removed');
  rmSync(outgoing, { recursive: true, force: true });
  fsyncFolder(dataDir);
}

/** At start, before anything opens the database: a restore cut short is finished or forgotten. */
export function finishInterruptedRestore(dataDir: string): 'none' | 'finished' | 'discarded' {
  const incoming = join(dataDir, INCOMING);
  if (existsSync(join(incoming, COMPLETE))) {
    swapInRestore(dataDir);
    return 'finished';
  }
  if (existsSync(incoming)) {
    // Staging never ended: the old pair was never touched.
    rmSync(incoming, { recursive: true, force: true });
    rmSync(join(dataDir, OUTGOING), { recursive: true, force: true });
    return 'discarded';
  }
  if (existsSync(join(dataDir, OUTGOING))) rmSync(join(dataDir, OUTGOING), { recursive: true, force: true });
  return 'none';
}

export interface StagedRestore {
  manifest: BackupManifest;
  fileBytes: number;
  /** Whose secret opened it: the administrator's id in the backup, or null for the recovery key. */
  openedBy: number | null;
  work: string;
  dataKey: Buffer;
}

/** Opens a backup with a secret and checks it in full; its files wait in a work folder for `stageRestore`. */
export async function openForRestore(options: {
  path: string;
  secret: BackupSecret;
  dataDir: string;
  onProgress?: OnProgress;
  signal?: AbortSignal;
  nativeBinding?: string;
  offThread?: OffThread;
}): Promise<StagedRestore> {
  const parsed = await readBackupHeader(options.path);
  const unlocked = await unlockBackup(parsed, options.secret);
  try {
    const checked = await checkBackupContents({
      path: options.path,
      parsed,
      fileKey: unlocked.fileKey,
      privateKey: { slotId: unlocked.slotId, key: unlocked.privateKey },
      dataDir: options.dataDir,
      keep: true,
      onProgress: options.onProgress,
      signal: options.signal,
      nativeBinding: options.nativeBinding,
      offThread: options.offThread,
    });
    return { manifest: parsed.header.manifest, fileBytes: parsed.fileBytes, openedBy: unlocked.userId, work: checked.work, dataKey: checked.dataKey };
  } finally {
    wipe(unlocked.fileKey, unlocked.privateKey);
  }
}

/**
 * Brings the opened backup's database up to this version's schema, records the restore
 * in its own audit log, and stages the pair with its `complete` marker. Returns once the
 * swap can only roll forward.
 */
export function stageRestore(
  opened: StagedRestore,
  options: { dataDir: string; now: Date; fileName: string; nativeBinding?: string; afterStep?: (step: string) => void },
): void {
  const incoming = join(options.dataDir, INCOMING);
  rmSync(incoming, { recursive: true, force: true });
  const db = openDatabase(join(opened.work, DATABASE_FILE), opened.dataKey, { create: false, now: options.now, nativeBinding: options.nativeBinding });
  try {
    appendAudit(db, {
      at: options.now.toISOString(),
      userId: opened.openedBy,
      action: 'backups.restore',
      entity: 'backup',
      entityId: options.fileName,
      outcome: 'success',
      detail: `made: ${opened.manifest.createdAt}; schema: ${opened.manifest.schemaVersion} → ${schemaVersion(db)}`,
    });
    checkpoint(db);
  } finally {
    db.close();
  }
  options.afterStep?.('migrated');
  for (const name of readdirSync(opened.work)) {
    if (!NEW_FILES.includes(name)) rmSync(join(opened.work, name), { force: true });
  }
  for (const name of NEW_FILES) fsyncFile(join(opened.work, name));
  renameSync(opened.work, incoming);
  fsyncFolder(options.dataDir);
  options.afterStep?.('staged');
  writeFileSync(join(incoming, COMPLETE), '');
  fsyncFile(join(incoming, COMPLETE));
  fsyncFolder(incoming);
  options.afterStep?.('marked');
}

export async function discardOpened(opened: StagedRestore): Promise<void> {
  wipe(opened.dataKey);
  await removeQuietly(opened.work);
}

export function requireConfirmation(typed: string, expected: string): void {
  if (typed.trim().toLocaleUpperCase() !== expected.toLocaleUpperCase()) throw new AppError('backup.confirmationMismatch');
}
