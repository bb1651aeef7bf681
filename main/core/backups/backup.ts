import { readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openKeyed, schemaVersion, type Db } from '../db/database';
import { vacuumInto } from '../db/copy';
import { LATEST_VERSION } from '../db/migrations';
import { readMeta } from '../db/meta';
import { AppError } from '../errors';
import { randomBytes, wipe } from '../vault/crypto';
import { normaliseRecoveryKey } from '../vault/recovery-key';
import { dataKeyOfSlot, openSlotPrivateKey } from '../vault/vault';
import { parseVault, verifyVaultMac, type VaultFile } from '../vault/vault-file';
import { BACKUP_EXTENSION, driveError, extractPayload, readBackupHeader, removeQuietly, throwIfCancelled, writeBackupFile, type OnProgress, type OpenForWrite } from './file';
import { buildHeader, newFileKey, unwrapFileKey, verifyHeaderMac, type BackupManifest, type ParsedHeader } from './format';
import { activeAdministratorIds, recordCounts } from './service';
import { runSqliteWork, type OffThread } from './off-thread';

export const BACKUP_FOLDER = 'Guichet-backups';
/** Work files in the data folder while a backup is made or checked; removed at the next start. */
export const WORK_PREFIX = '.backup-work-';

export type BackupSecret = { kind: 'password'; login: string; password: string } | { kind: 'recovery'; recoveryKey: string };

/** `guichet-<desk>-20261201T214300Z.guichet-backup`: sorts by time, names its desk. */
export function backupFileName(deskId: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return `guichet-${deskId.slice(0, 8)}-${stamp}${BACKUP_EXTENSION}`;
}

export function workDir(dataDir: string): string {
  return join(dataDir, `${WORK_PREFIX}${randomBytes(6).toString('hex')}`);
}

export interface CreatedBackup {
  path: string;
  bytes: number;
  manifest: BackupManifest;
}

/**
 * A backup of the desk in `dataDir` into `targetDir`: a consistent snapshot of the
 * database (still SQLCipher-encrypted), the vault, the file written and renamed, then read
 * back from the drive and verified in full. Only then is it returned.
 */
export async function createBackup(options: {
  dataDir: string;
  /** A connection to the desk's database, used only for the snapshot. */
  db: Db;
  dataKey: Buffer;
  vaultPath: string;
  appVersion: string;
  now: Date;
  targetDir: string;
  onProgress?: OnProgress;
  signal?: AbortSignal;
  openForWrite?: OpenForWrite;
  freeBytes?: (dir: string) => Promise<number>;
  nativeBinding?: string;
  /** The app: the snapshot and the check run in a worker thread, on connections of their own to `dbPath`. */
  offThread?: OffThread & { dbPath: string };
}): Promise<CreatedBackup> {
  const work = workDir(options.dataDir);
  const snapshot = join(work, 'snapshot.db');
  const fileKey = newFileKey();
  try {
    await options.onProgress?.({ stage: 'snapshot', done: 0, total: 1 });
    await mkdir(work, { mode: 0o700 });
    if (options.offThread) await runSqliteWork({ op: 'snapshot', dbPath: options.offThread.dbPath, out: snapshot, key: options.dataKey, nativeBinding: options.nativeBinding }, options.offThread);
    else vacuumInto(options.db, snapshot);
    throwIfCancelled(options.signal);
    // Read after the snapshot: a vault newer than its database is accepted, an older one not.
    const vaultBytes = readFileSync(options.vaultPath);
    const vault = parseVault(vaultBytes.toString('utf8'));
    const facts = snapshotFacts(snapshot, options.dataKey, vault, options.nativeBinding);
    const snapshotBytes = statSync(snapshot).size;
    const manifest: BackupManifest = {
      appVersion: options.appVersion,
      schemaVersion: facts.schemaVersion,
      deskId: vault.vaultId,
      createdAt: options.now.toISOString(),
      counts: facts.counts,
      newestRecordAt: facts.newestRecordAt,
      files: [
        { name: 'vault.json', bytes: vaultBytes.length },
        { name: 'guichet.db', bytes: snapshotBytes },
      ],
    };
    const slots = vault.slots.filter((s) => s.kind === 'recovery' || (s.userId !== null && facts.adminIds.includes(s.userId)));
    const { bytes: header, header: parsedHeader } = buildHeader(manifest, { vaultId: vault.vaultId, tagSalt: vault.tagSalt, slots }, fileKey);
    await options.onProgress?.({ stage: 'snapshot', done: 1, total: 1 });
    const written = await writeBackupFile({
      dir: options.targetDir,
      name: backupFileName(vault.vaultId, options.now),
      header,
      fileKey,
      salt: parsedHeader.payload.salt,
      parts: [vaultBytes, snapshot],
      plainBytes: vaultBytes.length + snapshotBytes,
      onProgress: options.onProgress,
      signal: options.signal,
      openForWrite: options.openForWrite,
      freeBytes: options.freeBytes,
    });
    await removeQuietly(work);
    try {
      // Read back from the drive: what counts is what is there, not what was meant.
      const parsed = await readBackupHeader(written.path);
      verifyHeaderMac(parsed, fileKey);
      await checkBackupContents({ path: written.path, parsed, fileKey, dataKey: options.dataKey, dataDir: options.dataDir, onProgress: options.onProgress, signal: options.signal, nativeBinding: options.nativeBinding, offThread: options.offThread });
      // An open file outlives its name: a drive pulled out or its folder removed during the check leaves nothing verified behind.
      const onDrive = await stat(written.path).catch((error: unknown) => {
        throw driveError(error);
      });
      if (onDrive.size !== written.bytes) throw new AppError('backup.damaged');
    } catch (error) {
      await removeQuietly(written.path);
      throw error;
    }
    return { path: written.path, bytes: written.bytes, manifest };
  } finally {
    wipe(fileKey);
    await removeQuietly(work);
  }
}

function snapshotFacts(path: string, dataKey: Buffer, vault: VaultFile, nativeBinding?: string) {
  const db = openKeyed(path, dataKey, { fileMustExist: true, nativeBinding });
  try {
    if (readMeta(db, 'vault_id') !== vault.vaultId) throw new AppError('vault.mismatch');
    return { schemaVersion: schemaVersion(db), ...recordCounts(db), adminIds: activeAdministratorIds(db) };
  } finally {
    db.close();
  }
}

/**
 * Extracts the payload into a work folder and checks it as the manifest says: the vault
 * is the desk's and opens with the data key, the database opens, passes
 * `integrity_check` and holds the counts the manifest announces. The work folder is
 * kept for a restore (`keep`), removed otherwise.
 */
export async function checkBackupContents(options: {
  path: string;
  parsed: ParsedHeader;
  fileKey: Buffer;
  /** Known when the desk checks its own new backup; else unsealed from the backup's vault. */
  dataKey?: Buffer;
  privateKey?: { slotId: string; key: Buffer };
  dataDir: string;
  keep?: boolean;
  onProgress?: OnProgress;
  signal?: AbortSignal;
  nativeBinding?: string;
  offThread?: OffThread;
}): Promise<{ work: string; vault: VaultFile; dataKey: Buffer }> {
  const { manifest, keys } = options.parsed.header;
  if (manifest.schemaVersion > LATEST_VERSION) throw new AppError('backup.fromNewerSchema', { params: { found: manifest.schemaVersion, supported: LATEST_VERSION } });
  const work = workDir(options.dataDir);
  let dataKey: Buffer | null = null;
  try {
    await extractPayload({ path: options.path, parsed: options.parsed, fileKey: options.fileKey, outDir: work, onProgress: options.onProgress, signal: options.signal });
    let vault: VaultFile;
    try {
      vault = parseVault(await readFile(join(work, 'vault.json'), 'utf8'));
    } catch {
      throw new AppError('backup.contentsInvalid');
    }
    if (vault.vaultId !== keys.vaultId || vault.vaultId !== manifest.deskId) throw new AppError('backup.contentsInvalid');
    if (options.dataKey) dataKey = Buffer.from(options.dataKey);
    else if (options.privateKey) {
      const slot = vault.slots.find((s) => s.id === options.privateKey?.slotId);
      dataKey = slot ? dataKeyOfSlot(vault, slot, options.privateKey.key) : null;
    }
    if (!dataKey) throw new AppError('backup.contentsInvalid');
    try {
      verifyVaultMac(vault, dataKey);
    } catch {
      throw new AppError('backup.contentsInvalid');
    }
    const checked = await runSqliteWork({ op: 'check', path: join(work, 'guichet.db'), key: dataKey, nativeBinding: options.nativeBinding }, options.offThread);
    if (checked.op !== 'check' || checked.problems > 0) throw new AppError('backup.contentsInvalid');
    let db: Db;
    try {
      db = openKeyed(join(work, 'guichet.db'), dataKey, { fileMustExist: true, nativeBinding: options.nativeBinding });
    } catch {
      throw new AppError('backup.contentsInvalid');
    }
    try {
      if (readMeta(db, 'vault_id') !== vault.vaultId || schemaVersion(db) !== manifest.schemaVersion) throw new AppError('backup.contentsInvalid');
      const { counts, newestRecordAt } = recordCounts(db);
      if (JSON.stringify(counts) !== JSON.stringify(manifest.counts) || newestRecordAt !== manifest.newestRecordAt) throw new AppError('backup.contentsInvalid');
    } finally {
      db.close();
    }
    const result = { work, vault, dataKey };
    dataKey = null;
    return result;
  } catch (error) {
    wipe(dataKey);
    await removeQuietly(work);
    throw error;
  } finally {
    if (!options.keep) await removeQuietly(work);
  }
}

/**
 * The file key from a secret: the recovery key opens the recovery slot; a login and
 * password open the slot of the administrator she was when the backup was made.
 */
export async function unlockBackup(parsed: ParsedHeader, secret: BackupSecret): Promise<{ fileKey: Buffer; slotId: string; userId: number | null; privateKey: Buffer }> {
  const { keys } = parsed.header;
  // A mistyped recovery key is told apart from another desk's, as at login.
  if (secret.kind === 'recovery' && !normaliseRecoveryKey(secret.recoveryKey)) throw new AppError('recovery.malformed', { fields: { recoveryKey: 'recovery.malformed' } });
  for (const { slot } of keys.slots) {
    const privateKey = await openSlotPrivateKey(keys, slot, secret.kind === 'password' ? { kind: 'password', login: secret.login, password: secret.password } : { kind: 'recovery', recoveryKey: secret.recoveryKey });
    if (!privateKey) continue;
    const fileKey = unwrapFileKey(parsed, slot.id, privateKey);
    if (!fileKey) {
      wipe(privateKey);
      throw new AppError('backup.tampered');
    }
    try {
      verifyHeaderMac(parsed, fileKey);
    } catch (error) {
      wipe(fileKey, privateKey);
      throw error;
    }
    return { fileKey, slotId: slot.id, userId: slot.userId, privateKey };
  }
  throw new AppError(secret.kind === 'password' ? 'backup.wrongPassword' : 'backup.wrongRecoveryKey');
}

/** A full check of a backup file with a secret: the header, every chunk, the database inside. */
export async function verifyBackup(options: { path: string; secret: BackupSecret; dataDir: string; onProgress?: OnProgress; signal?: AbortSignal; nativeBinding?: string }) {
  const parsed = await readBackupHeader(options.path);
  const unlocked = await unlockBackup(parsed, options.secret);
  try {
    const checked = await checkBackupContents({ path: options.path, parsed, fileKey: unlocked.fileKey, privateKey: { slotId: unlocked.slotId, key: unlocked.privateKey }, dataDir: options.dataDir, ...pick(options) });
    wipe(checked.dataKey);
    return { manifest: parsed.header.manifest, fileBytes: parsed.fileBytes, userId: unlocked.userId };
  } finally {
    wipe(unlocked.fileKey, unlocked.privateKey);
  }
}

function pick(o: { onProgress?: OnProgress; signal?: AbortSignal; nativeBinding?: string }) {
  return { onProgress: o.onProgress, signal: o.signal, nativeBinding: o.nativeBinding };
}
