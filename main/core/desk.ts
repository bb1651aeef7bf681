import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Language, SessionUser } from '../../shared/domain/accounts';
import type { DeskEvent } from '../../shared/contract';
import type { DeskStatus } from '../../shared/contract/app';
import { getUser, toSessionUser } from './accounts/service';
import { LoginThrottle } from './accounts/throttle';
import { appendAudit, type AuditRecord } from './audit/service';
import { CallQueue } from './call-queue';
import { openDatabase, type Db } from './db/database';
import { readMeta, recordedVaultGeneration, recordVaultGeneration } from './db/meta';
import { AppError, isAppError } from './errors';
import { readDeskLanguage, writeDeskLanguage } from './settings/desk-language';
import { readSettings } from './settings/service';
import { FolderLock } from './storage/folder-lock';
import { finishInterruptedRotation } from './keys/rotation-files';
import { finishInterruptedRestore } from './backups/restore';
import { cleanLeftovers } from './backups/leftovers';
import { copyOf, wipe } from './vault/crypto';
import type { KdfCost } from './vault/kdf';
import { VaultStore } from './vault/vault';
import type { VaultBody, VaultFile } from './vault/vault-file';

export const DATABASE_FILE = 'guichet.db';
export const VAULT_FILE = 'vault.json';
export const THROTTLE_FILE = 'throttle.json';
export const DESK_FILE = 'desk.json';
/** Present only while a first-run setup writes the database and the vault. */
export const SETUP_MARKER = 'setup-in-progress';

export interface DeskOptions {
  dataDir: string;
  appVersion?: string;
  /** The clock; tests move it to see delays and idle locks. */
  now?: () => Date;
  /** Argon2id cost for a new vault; calibrated to ~0.5 s on this machine when absent. */
  kdfCost?: KdfCost;
  /** An Electron-ABI build of the SQLite module, when running inside Electron. */
  nativeBinding?: string;
  /** The built backup worker (`out/main/backup-worker.js`); from source the worker runs through tsx. */
  backupWorker?: string;
  /** Awaited at each step of a backup job: tests hold a job mid-way to see its progress (like `now`, never set by the app). */
  backupPace?: (progress: { stage: string; done: number; total: number }) => Promise<void>;
  /** Told when the desk locks, so the shell can hide the screen at once. */
  onEvent?: (event: DeskEvent) => void;
}

export interface OpenSession {
  db: Db;
  dataKey: Buffer;
  /** The user's private secret (her notes key); null until she has one in her slot. */
  userSecret: Buffer | null;
  user: SessionUser;
}

export type LockReason = 'button' | 'shortcut' | 'idle' | 'switchUser' | 'screenLock' | 'suspend' | 'shutdown' | 'restore';

/** Locks the renderer did not ask for itself: the window is told at once, to hide the screen. */
type AnnouncedReason = Extract<DeskEvent, { type: 'locked' }>['reason'];
const ANNOUNCED: readonly LockReason[] = ['idle', 'screenLock', 'suspend', 'shutdown'] satisfies AnnouncedReason[];
const isAnnounced = (reason: LockReason): reason is AnnouncedReason => ANNOUNCED.includes(reason);

/**
 * What a crash leaves behind: a temporary file (the real one is intact), or a first-run
 * setup cut short, whose database has no vault yet: the folder goes back to empty.
 */
function removeLeftovers(dataDir: string): void {
  const names = readdirSync(dataDir);
  for (const name of names) {
    if (/^\.(vault|throttle|desk|setup-in-progress)(\.json)?\.[0-9a-f]+\.tmp$/.test(name)) rmSync(join(dataDir, name), { force: true });
  }
  if (names.includes(SETUP_MARKER)) {
    for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, VAULT_FILE, SETUP_MARKER]) rmSync(join(dataDir, file), { force: true });
  }
}

/**
 * One reception desk: its data folder, who (if anyone) has it open right now, and the
 * queue that serves its calls one at a time. Unlocking opens the database with the data
 * key from the user's slot; locking waits for the call in flight, then closes the
 * database and wipes every key from memory.
 */
export class Desk {
  readonly vault: VaultStore;
  readonly throttle: LoginThrottle;
  private readonly folderLock: FolderLock;
  private readonly queue = new CallQueue();
  private session: OpenSession | null = null;
  /** The vault a call in progress will write when it commits (see stageVault). */
  private staged: { body: VaultBody; dataKey: Buffer } | null = null;
  /** Raised by every lock the shell asks for: calls queued before it are refused (see the router). */
  lockEpoch = 0;
  /** Who was last logged in, so that the same person unlocking is told apart from a new login. */
  lastLogin: string | null = null;
  private closed = false;
  private readonly lockListeners = new Set<() => void>();

  private constructor(private readonly options: DeskOptions) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    this.folderLock = FolderLock.acquire(options.dataDir, { nativeBinding: options.nativeBinding });
    try {
      removeLeftovers(options.dataDir);
      finishInterruptedRestore(options.dataDir);
      cleanLeftovers(options.dataDir);
      this.vault = new VaultStore(this.path(VAULT_FILE));
      this.throttle = new LoginThrottle(this.path(THROTTLE_FILE));
    } catch (error) {
      // A second acquire in this process is refused, so a desk that failed to open must not keep the folder.
      this.folderLock.release();
      throw error;
    }
  }

  /** Takes the data folder for this process; refuses with `data.inUse` when another holds it. */
  static open(options: DeskOptions): Desk {
    return new Desk(options);
  }

  path(file: string): string {
    return join(this.options.dataDir, file);
  }

  now(): Date {
    return this.options.now?.() ?? new Date();
  }

  get appVersion(): string {
    return this.options.appVersion ?? '0.0.0';
  }

  get kdfCost(): KdfCost | undefined {
    return this.options.kdfCost;
  }

  get nativeBinding(): string | undefined {
    return this.options.nativeBinding;
  }

  get backupPace(): DeskOptions['backupPace'] {
    return this.options.backupPace;
  }

  get backupWorker(): string | undefined {
    return this.options.backupWorker;
  }

  /** Runs one call of the router's, after the calls before it (see CallQueue). */
  serially<T>(work: () => T | Promise<T>): Promise<T> {
    return this.queue.run(work);
  }

  // ── state ──────────────────────────────────────────────────────────────────

  status(): DeskStatus {
    const deskLanguage = this.deskLanguage();
    const base = { deskLanguage, version: this.appVersion };
    if (this.session) {
      const settings = readSettings(this.session.db);
      return {
        ...base,
        state: { kind: 'open', user: this.session.user, idleLockMinutes: settings.idleLockMinutes, timeZone: settings.timeZone },
      };
    }
    const problem = this.folderProblem();
    if (problem === 'empty') return { ...base, state: { kind: 'setup' } };
    if (problem) return { ...base, state: { kind: 'broken', code: problem } };
    return { ...base, state: { kind: 'locked', lastLogin: this.lastLogin } };
  }

  /** 'empty' for a new folder; an error code when vault and database do not belong together. */
  folderProblem(): 'empty' | 'vault.missing' | 'vault.corrupt' | 'vault.tampered' | 'db.missing' | null {
    const hasVault = existsSync(this.path(VAULT_FILE));
    const hasDb = existsSync(this.path(DATABASE_FILE));
    if (!hasVault && !hasDb) return 'empty';
    if (!hasVault) return 'vault.missing';
    if (!hasDb) return 'db.missing';
    try {
      this.vault.read();
    } catch (error) {
      if (isAppError(error) && (error.code === 'vault.missing' || error.code === 'vault.tampered')) return error.code;
      return 'vault.corrupt';
    }
    return null;
  }

  /** Throws the folder's problem, if it has one, before anyone tries to unlock it. */
  requireUsableFolder(): void {
    const problem = this.folderProblem();
    if (problem === 'empty') throw new AppError('data.notInitialized');
    if (problem) throw new AppError(problem);
  }

  requireSession(): OpenSession {
    if (!this.session) throw new AppError('auth.locked');
    return this.session;
  }

  get currentUser(): SessionUser | null {
    return this.session?.user ?? null;
  }

  deskLanguage(): Language {
    return readDeskLanguage(this.path(DESK_FILE));
  }

  setDeskLanguage(language: Language): void {
    writeDeskLanguage(this.path(DESK_FILE), language);
  }

  audit(record: Omit<AuditRecord, 'at' | 'userId'> & { userId?: number | null }): void {
    const session = this.requireSession();
    appendAudit(session.db, { at: this.now().toISOString(), userId: session.user.id, ...record });
  }

  /** Re-reads the session user after a change to her account (name, roles, language). */
  refreshSessionUser(): SessionUser {
    const session = this.requireSession();
    session.user = toSessionUser(getUser(session.db, session.user.id));
    return session.user;
  }

  // ── keys ───────────────────────────────────────────────────────────────────

  /**
   * Runs `work` with a copy of the session's data key, wiped afterwards: whatever
   * happens to the session meanwhile, the work never holds a key someone else wipes.
   */
  async withDataKey<T>(work: (dataKey: Buffer) => T | Promise<T>): Promise<T> {
    const key = copyOf(this.requireSession().dataKey);
    try {
      return await work(key);
    } finally {
      wipe(key);
    }
  }

  /** The vault as it is on disk, refused when it is older than the one this database last saw. */
  readVault(db: Db): VaultFile {
    return this.requireFresh(db, this.vault.read());
  }

  requireFresh(db: Db, vault: VaultFile): VaultFile {
    if (vault.generation < recordedVaultGeneration(db)) throw new AppError('vault.stale');
    return vault;
  }

  /**
   * Inside a call: the vault to write once the call's audit entry is in, just before its
   * transaction commits (the router writes it). A failure anywhere before leaves the vault
   * as it was; only a failed commit can leave it ahead of the database, which is accepted.
   */
  stageVault(body: VaultBody, dataKey: Buffer): void {
    this.discardStagedVault();
    this.staged = { body, dataKey: copyOf(dataKey) };
  }

  /** The router's: writes what the call staged, in the call's transaction. */
  writeStagedVault(db: Db): void {
    const staged = this.staged;
    if (!staged) return;
    this.staged = null;
    try {
      this.writeVault(db, staged.body, staged.dataKey);
    } finally {
      wipe(staged.dataKey);
    }
  }

  discardStagedVault(): void {
    if (this.staged) wipe(this.staged.dataKey);
    this.staged = null;
  }

  /**
   * Writes the vault under the next generation, then records that generation in the
   * database (in the call's transaction). The file goes first: after a crash between
   * the two, the vault is newer than the database says, which is accepted.
   */
  writeVault(db: Db, body: VaultBody, dataKey: Buffer): VaultFile {
    const generation = Math.max(body.generation, recordedVaultGeneration(db)) + 1;
    const file = this.vault.write({ ...body, generation }, dataKey);
    recordVaultGeneration(db, generation);
    return file;
  }

  /**
   * Opens the database with a data key just unwrapped from `vault`: the vault must be the
   * database's own and not older than the last one it saw; a rotation cut short is
   * finished first. Closes what it opened on any failure; the caller wipes the key.
   */
  openDatabaseFor(vault: VaultFile, dataKey: Buffer): Db {
    finishInterruptedRotation(this.path(DATABASE_FILE), dataKey, vault.vaultId, this.options.nativeBinding);
    const db = openDatabase(this.path(DATABASE_FILE), dataKey, { create: false, nativeBinding: this.options.nativeBinding, now: this.now() });
    try {
      if (readMeta(db, 'vault_id') !== vault.vaultId) throw new AppError('vault.mismatch');
      if (vault.generation < recordedVaultGeneration(db)) throw new AppError('vault.stale');
      recordVaultGeneration(db, vault.generation);
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** The session starts: it owns these keys from now on, and wipes them when it locks. */
  beginSession(session: OpenSession): void {
    if (this.session) throw new AppError('call.internal');
    this.session = session;
  }

  /** After a rotation: the session goes on with the new database connection and key. */
  replaceSessionKey(db: Db, dataKey: Buffer): void {
    const session = this.requireSession();
    wipe(session.dataKey);
    session.db = db;
    session.dataKey = dataKey;
  }

  /** Ends a session whose database can no longer be used, without an audit entry; the keys are wiped. */
  dropSession(): void {
    const session = this.session;
    if (!session) return;
    this.discardStagedVault();
    this.session = null;
    try {
      if (session.db.open) session.db.close();
    } finally {
      wipe(session.dataKey, session.userSecret);
    }
  }

  // ── lock ───────────────────────────────────────────────────────────────────

  /**
   * Locks from outside the queue (the shell: idle, screen lock, suspend). The window is
   * told at once so the screen hides now; the keys go as soon as the call in flight ends,
   * before any call still waiting.
   */
  lock(reason: LockReason): Promise<void> {
    this.lockEpoch++;
    if (isAnnounced(reason)) this.options.onEvent?.({ type: 'locked', reason });
    return this.queue.run(() => this.lockNow(reason), { first: true });
  }

  /**
   * Locks from inside a call (a login replacing another session, the lock button). The
   * session is gone and its keys wiped even when its audit entry cannot be written (a
   * full disk); that failure is then thrown.
   */
  lockNow(reason: LockReason): void {
    const session = this.session;
    if (!session) return;
    for (const listener of this.lockListeners) listener();
    this.discardStagedVault();
    let failure: unknown = null;
    try {
      this.audit({ action: 'auth.lock', entity: 'user', entityId: String(session.user.id), outcome: 'success', detail: reason });
    } catch (error) {
      failure = error;
    } finally {
      this.session = null;
      this.lastLogin = reason === 'switchUser' ? null : session.user.login;
      try {
        session.db.close();
      } finally {
        wipe(session.dataKey, session.userSecret);
      }
    }
    if (failure) throw failure;
  }

  /** Told when a session ends (a backup in progress stops: its copy of the key goes with the session). */
  onLock(listener: () => void): void {
    this.lockListeners.add(listener);
  }

  /** Locks and lets the data folder go, after the call in flight; the desk object is done. */
  close(): Promise<void> {
    return this.queue.run(
      () => {
        if (this.closed) return;
        this.closed = true;
        try {
          if (this.session) this.options.onEvent?.({ type: 'locked', reason: 'shutdown' });
          this.lockNow('shutdown');
        } finally {
          this.folderLock.release();
        }
      },
      { first: true },
    );
  }
}
