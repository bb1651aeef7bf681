import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language, type Role, type SessionUser } from '../../shared/domain/accounts';
import type { DeskEvent } from '../../shared/contract';
import { rolesChangeDetail } from '../../shared/domain/audit';
import type { DeskStatus, SetupResult } from '../../shared/contract/app';
import { checkNewPassword } from './accounts/password-policy';
import {
  findUser,
  findUserByLogin,
  getUser,
  insertUser,
  listUsers,
  secretEscrowOf,
  toSessionUser,
  updateUserFields,
} from './accounts/service';
import { LoginThrottle } from './accounts/throttle';
import { appendAudit, type AuditRecord } from './audit/service';
import { openDatabase, type Db } from './db/database';
import { AppError, isAppError } from './errors';
import { readSettings } from './settings/service';
import { writeFileAtomic } from './storage/atomic-write';
import { FolderLock } from './storage/folder-lock';
import { openSealedToPublicKey, randomBytes, sealToPublicKey, wipe, type SealedToPublicKey } from './vault/crypto';
import { calibrateKdf, type KdfCost } from './vault/kdf';
import { VaultStore } from './vault/vault';

export const DATABASE_FILE = 'guichet.db';
export const VAULT_FILE = 'vault.json';
export const THROTTLE_FILE = 'throttle.json';
export const DESK_FILE = 'desk.json';

export interface DeskOptions {
  dataDir: string;
  appVersion?: string;
  /** The clock; tests move it to see delays and idle locks. */
  now?: () => Date;
  /** Argon2id cost for a new vault; calibrated to ~0.5 s on this machine when absent. */
  kdfCost?: KdfCost;
  /** An Electron-ABI build of the SQLite module, when running inside Electron. */
  nativeBinding?: string;
  /** Told when the desk locks, so the shell can hide the screen at once. */
  onEvent?: (event: DeskEvent) => void;
}

export interface OpenSession {
  db: Db;
  dataKey: Buffer;
  /** The user's private secret (her notes key); null until she sets her own password. */
  userSecret: Buffer | null;
  user: SessionUser;
}

export type LockReason = 'button' | 'shortcut' | 'idle' | 'switchUser' | 'screenLock' | 'suspend' | 'shutdown';

/** A write cut short by a crash leaves its temporary file behind (the real file is intact). */
function removeLeftoverTemporaryFiles(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    if (/^\.(vault|throttle|desk)\.json\.[0-9a-f]+\.tmp$/.test(name)) rmSync(join(dataDir, name), { force: true });
  }
}

function escrowAad(vaultId: string, userId: number): string {
  return `guichet-escrow|${vaultId}|${userId}`;
}

/**
 * One reception desk: its data folder, and who (if anyone) has it open right now.
 * Unlocking opens the database with the data key from the user's slot; locking
 * closes it and wipes every key from memory.
 */
export class Desk {
  readonly vault: VaultStore;
  private readonly throttle: LoginThrottle;
  private readonly folderLock: FolderLock;
  private session: OpenSession | null = null;
  private lastLogin: string | null = null;
  private closed = false;

  private constructor(private readonly options: DeskOptions) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    this.folderLock = FolderLock.acquire(options.dataDir);
    removeLeftoverTemporaryFiles(options.dataDir);
    this.vault = new VaultStore(this.path(VAULT_FILE));
    this.throttle = new LoginThrottle(this.path(THROTTLE_FILE));
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
  private folderProblem(): 'empty' | 'vault.missing' | 'vault.corrupt' | 'db.missing' | null {
    const hasVault = existsSync(this.path(VAULT_FILE));
    const hasDb = existsSync(this.path(DATABASE_FILE));
    if (!hasVault && !hasDb) return 'empty';
    if (!hasVault) return 'vault.missing';
    if (!hasDb) return 'db.missing';
    try {
      this.vault.read();
    } catch (error) {
      return isAppError(error) && error.code === 'vault.missing' ? 'vault.missing' : 'vault.corrupt';
    }
    return null;
  }

  requireSession(): OpenSession {
    if (!this.session) throw new AppError('auth.locked');
    return this.session;
  }

  get currentUser(): SessionUser | null {
    return this.session?.user ?? null;
  }

  deskLanguage(): Language {
    try {
      const { language } = JSON.parse(readFileSync(this.path(DESK_FILE), 'utf8')) as { language?: string };
      if (LANGUAGES.includes(language as Language)) return language as Language;
    } catch {
      // no preference yet
    }
    return DEFAULT_LANGUAGE;
  }

  setDeskLanguage(language: Language): void {
    if (language !== this.deskLanguage()) writeFileAtomic(this.path(DESK_FILE), JSON.stringify({ language }));
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

  // ── first run ──────────────────────────────────────────────────────────────

  async setup(input: { login: string; displayName: string; password: string; language: Language }): Promise<SetupResult> {
    if (this.folderProblem() !== 'empty') throw new AppError('data.alreadyInitialized');
    checkNewPassword(input.password, input.login, 'password');
    const now = this.now();
    const cost = this.options.kdfCost ?? (await calibrateKdf());
    const adminId = 1;
    const made = await this.vault.create({ userId: adminId, login: input.login, password: input.password }, cost, now);
    let db: Db | null = null;
    try {
      db = openDatabase(this.path(DATABASE_FILE), made.dataKey, { create: true, nativeBinding: this.options.nativeBinding });
      const escrow = sealToPublicKey(made.escrowPublicKey, made.userSecret, escrowAad(made.body.vaultId, adminId));
      const openDb = db;
      openDb.transaction(() => {
        const insertMeta = openDb.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        insertMeta.run('vault_id', made.body.vaultId);
        insertMeta.run('created_at', now.toISOString());
        insertUser(
          openDb,
          {
            id: adminId,
            login: input.login,
            displayName: input.displayName,
            roles: ['admin'],
            language: input.language,
            mustChangePassword: false,
            secretEscrow: JSON.stringify(escrow),
          },
          now,
        );
        appendAudit(openDb, {
          at: now.toISOString(),
          userId: adminId,
          action: 'setup.create',
          entity: 'user',
          entityId: String(adminId),
          outcome: 'success',
          detail: rolesChangeDetail([], ['admin']),
        });
        appendAudit(openDb, { at: now.toISOString(), userId: adminId, action: 'auth.login', entity: 'user', entityId: String(adminId), outcome: 'success' });
      })();
      this.vault.write(made.body, made.dataKey);
    } catch (error) {
      // Only what this call created is removed: the folder was empty when it began.
      db?.close();
      for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, VAULT_FILE]) {
        rmSync(this.path(file), { force: true });
      }
      wipe(made.dataKey, made.userSecret);
      throw error;
    }
    const user = toSessionUser(getUser(db, adminId));
    this.session = { db, dataKey: made.dataKey, userSecret: made.userSecret, user };
    this.setDeskLanguage(input.language);
    return { user, recoveryKey: made.recoveryKey };
  }

  // ── login, lock, recovery ──────────────────────────────────────────────────

  private throttled(lookup: string, now: Date): void {
    const seconds = this.throttle.retryAfter(lookup, now);
    if (seconds > 0) {
      this.throttle.recordRefusal(lookup, now, 'auth.throttled');
      throw new AppError('auth.throttled', { params: { seconds } });
    }
  }

  async login(login: string, password: string): Promise<SessionUser> {
    const problem = this.folderProblem();
    if (problem === 'empty') throw new AppError('data.notInitialized');
    if (problem) throw new AppError(problem);
    const previous = this.session?.user.login ?? this.lastLogin;
    if (this.session) this.lock('switchUser');
    const now = this.now();
    const lookup = this.vault.lookupFor(login);
    this.throttled(lookup, now);
    const unlocked = await this.vault.unlockWithPassword(login, password);
    if (!unlocked) {
      this.throttle.recordFailure(lookup, now, 'auth.invalidCredentials');
      throw new AppError('auth.invalidCredentials', { params: { seconds: this.throttle.retryAfter(lookup, now) } });
    }
    const db = this.openDatabase(unlocked.dataKey, () => wipe(unlocked.dataKey, unlocked.userSecret));
    const user = unlocked.slot.userId ? findUser(db, unlocked.slot.userId) : null;
    if (!user || user.status !== 'active') {
      db.close();
      wipe(unlocked.dataKey, unlocked.userSecret);
      this.throttle.recordFailure(lookup, now, 'auth.invalidCredentials');
      throw new AppError('auth.invalidCredentials');
    }
    this.throttle.recordSuccess(lookup);
    this.session = { db, dataKey: unlocked.dataKey, userSecret: unlocked.userSecret, user: toSessionUser(user) };
    this.flushPendingAttempts();
    updateUserFields(db, user.id, { lastLoginAt: now.toISOString() }, now);
    const action = previous && previous === user.login ? 'auth.unlock' : 'auth.login';
    this.audit({ action, entity: 'user', entityId: String(user.id), outcome: 'success' });
    this.setDeskLanguage(user.language);
    return this.refreshSessionUser();
  }

  private openDatabase(dataKey: Buffer, onFailure: () => void): Db {
    let db: Db | null = null;
    try {
      db = openDatabase(this.path(DATABASE_FILE), dataKey, { create: false, nativeBinding: this.options.nativeBinding });
      const row = db.prepare(`SELECT value FROM meta WHERE key = 'vault_id'`).get() as { value: string } | undefined;
      if (row?.value !== this.vault.read().vaultId) throw new AppError('vault.mismatch');
      return db;
    } catch (error) {
      db?.close();
      onFailure();
      throw error;
    }
  }

  /** Failed and refused attempts made while the desk was locked go into the audit log now. */
  private flushPendingAttempts(): void {
    const session = this.requireSession();
    const pending = this.throttle.takePending();
    if (pending.length === 0) return;
    const users = new Map(listUsers(session.db).map((u) => [this.vault.lookupFor(u.login), u.id]));
    for (const attempt of pending) {
      appendAudit(session.db, {
        at: attempt.at,
        userId: users.get(attempt.lookup) ?? null,
        action: attempt.lookup === 'recovery' ? 'auth.recover' : 'auth.login',
        entity: 'user',
        entityId: users.get(attempt.lookup)?.toString() ?? null,
        outcome: attempt.outcome,
        detail: attempt.detail,
      });
    }
  }

  lock(reason: LockReason): void {
    const session = this.session;
    if (!session) return;
    try {
      this.audit({ action: 'auth.lock', entity: 'user', entityId: String(session.user.id), outcome: 'success', detail: reason });
    } finally {
      this.session = null;
      this.lastLogin = reason === 'switchUser' ? null : session.user.login;
      session.db.close();
      wipe(session.dataKey, session.userSecret);
    }
    if (reason === 'idle' || reason === 'screenLock' || reason === 'suspend' || reason === 'shutdown') {
      this.options.onEvent?.({ type: 'locked', reason });
    }
  }

  /** Locks and lets the data folder go; the desk object is done. */
  close(): void {
    if (this.closed) return;
    this.lock('shutdown');
    this.folderLock.release();
    this.closed = true;
  }

  /**
   * Break-glass, with the organisation's recovery key: sets a new password for an
   * administrator and gives her back her own secret from its escrow.
   */
  async recover(recoveryKey: string, login: string, newPassword: string): Promise<SessionUser> {
    const problem = this.folderProblem();
    if (problem === 'empty') throw new AppError('data.notInitialized');
    if (problem) throw new AppError(problem);
    if (this.session) this.lock('switchUser');
    const now = this.now();
    const lookup = 'recovery';
    this.throttled(lookup, now);
    let unlocked;
    try {
      unlocked = await this.vault.unlockWithRecoveryKey(recoveryKey);
    } catch (error) {
      if (isAppError(error) && error.code === 'recovery.wrongKey') this.throttle.recordFailure(lookup, now, error.code);
      if (isAppError(error) && (error.code === 'recovery.wrongKey' || error.code === 'recovery.malformed')) {
        throw new AppError(error.code, { fields: { recoveryKey: error.code } });
      }
      throw error;
    }
    const keys = unlocked;
    const db = this.openDatabase(keys.dataKey, () => wipe(keys.dataKey, keys.escrowPrivateKey));
    let userSecret: Buffer | null = null;
    try {
      const user = findUserByLogin(db, login);
      if (!user || user.status !== 'active' || !user.roles.includes('admin' satisfies Role)) {
        throw new AppError('recovery.notAnAdministrator', { fields: { login: 'recovery.notAnAdministrator' } });
      }
      checkNewPassword(newPassword, user.login);
      const vaultId = this.vault.read().vaultId;
      const escrow = secretEscrowOf(db, user.id);
      userSecret = escrow
        ? openSealedToPublicKey(keys.escrowPrivateKey, keys.escrowPublicKey, JSON.parse(escrow) as SealedToPublicKey, escrowAad(vaultId, user.id))
        : null;
      if (!userSecret) {
        userSecret = randomBytes(32);
        updateUserFields(db, user.id, { secretEscrow: JSON.stringify(sealToPublicKey(keys.escrowPublicKey, userSecret, escrowAad(vaultId, user.id))) }, now);
      }
      await this.vault.setPasswordSlot(keys.dataKey, { userId: user.id, login: user.login, password: newPassword, userSecret }, now);
      updateUserFields(db, user.id, { mustChangePassword: false, lastLoginAt: now.toISOString() }, now);
      this.throttle.recordSuccess(lookup);
      this.throttle.recordSuccess(this.vault.lookupFor(user.login));
      wipe(keys.escrowPrivateKey);
      this.session = { db, dataKey: keys.dataKey, userSecret, user: toSessionUser(user) };
    } catch (error) {
      db.close();
      wipe(keys.dataKey, keys.escrowPrivateKey, userSecret);
      throw error;
    }
    this.flushPendingAttempts();
    this.audit({ action: 'auth.recover', entity: 'user', entityId: String(this.requireSession().user.id), outcome: 'success' });
    return this.refreshSessionUser();
  }

  // ── the session user's own password ────────────────────────────────────────

  async changeOwnPassword(currentPassword: string, newPassword: string): Promise<SessionUser> {
    const session = this.requireSession();
    const now = this.now();
    const { user } = session;
    const lookup = this.vault.lookupFor(user.login);
    this.throttled(lookup, now);
    const unlocked = await this.vault.unlockWithPassword(user.login, currentPassword);
    if (!unlocked || unlocked.slot.userId !== user.id) {
      if (unlocked) wipe(unlocked.dataKey, unlocked.userSecret);
      this.throttle.recordFailure(lookup, now, 'auth.wrongCurrentPassword');
      throw new AppError('auth.wrongCurrentPassword', { fields: { currentPassword: 'auth.wrongCurrentPassword' } });
    }
    wipe(unlocked.dataKey);
    this.throttle.recordSuccess(lookup);
    if (currentPassword === newPassword) {
      wipe(unlocked.userSecret);
      throw new AppError('password.unchanged', { fields: { newPassword: 'password.unchanged' } });
    }
    checkNewPassword(newPassword, user.login);
    let userSecret = unlocked.userSecret;
    if (!userSecret && !secretEscrowOf(session.db, user.id)) {
      // Her first own password: she gets her own secret now, escrowed to the recovery key.
      userSecret = randomBytes(32);
      const vault = this.vault.read();
      const sealed = sealToPublicKey(Buffer.from(vault.recoveryPublicKey, 'base64'), userSecret, escrowAad(vault.vaultId, user.id));
      updateUserFields(session.db, user.id, { secretEscrow: JSON.stringify(sealed) }, now);
    }
    await this.vault.setPasswordSlot(session.dataKey, { userId: user.id, login: user.login, password: newPassword, userSecret }, now);
    updateUserFields(session.db, user.id, { mustChangePassword: false }, now);
    if (session.userSecret !== userSecret) wipe(session.userSecret);
    session.userSecret = userSecret;
    return this.refreshSessionUser();
  }
}
