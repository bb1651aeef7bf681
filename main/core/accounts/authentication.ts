import type { SessionUser, UserSummary } from '../../../shared/domain/accounts';
import type { VaultFile } from '../vault/vault-file';
import { appendAudit } from '../audit/service';
import type { Db } from '../db/database';
import type { Desk } from '../desk';
import { AppError, isAppError } from '../errors';
import { wipe } from '../vault/crypto';
import { normaliseRecoveryKey } from '../vault/recovery-key';
import { normaliseLogin, tagOf } from '../vault/vault';
import { recordNotesSecretAtLogin } from '../notes/secret';
import { ensureEscrow, secretFromEscrow } from './escrow';
import { checkNewPassword } from './password-policy';
import { findUser, findUserByLogin, getUser, listUsers, toSessionUser, updateUserFields } from './service';
import type { PendingAttempt, ThrottleKey } from './throttle';

/**
 * Logging in, the recovery key, and one's own password. Each runs inside the desk's
 * queue (the router's), so no lock can come between the derivation and its use; each
 * counts the attempt as failed before the slow derivation starts, so attempts made at
 * once, or a process killed in the middle, are all counted.
 */

export function refuseWhileThrottled(desk: Desk, key: ThrottleKey, now: Date): void {
  const seconds = desk.throttle.retryAfter(key, now);
  if (seconds > 0) {
    desk.throttle.recordRefusal(key, now, 'auth.throttled');
    throw new AppError('auth.throttled', { params: { seconds } });
  }
}

/** Runs an attempt counted as failed until it succeeds; a failure of another kind is relabelled. */
export async function attempt<T>(desk: Desk, key: ThrottleKey, now: Date, failure: string, work: (id: string) => Promise<T>): Promise<T> {
  refuseWhileThrottled(desk, key, now);
  const id = desk.throttle.recordAttempt(key, now, failure);
  try {
    return await work(id);
  } catch (error) {
    if (isAppError(error) && error.code !== failure) desk.throttle.relabel(id, now, error.code);
    throw error;
  }
}

/**
 * Failed and refused attempts made while the desk was locked go into the audit log,
 * in the caller's transaction; they leave throttle.json once it has committed.
 */
function auditPendingAttempts(desk: Desk, db: Db, vault: VaultFile, now: Date, current: string | null): PendingAttempt[] {
  // The attempt that is succeeding now is no failure (takeBack removes it).
  const pending = desk.throttle.pending(now).filter((p) => p.id !== current);
  if (pending.length === 0) return [];
  // A tag names a user only when no colleague shares it.
  const byTag = new Map<string, number | null>();
  for (const user of listUsers(db)) {
    const tag = String(tagOf(vault, user.login));
    byTag.set(tag, byTag.has(tag) ? null : user.id);
  }
  for (const entry of pending) {
    const userId = entry.key === 'recovery' ? null : (byTag.get(entry.key) ?? null);
    appendAudit(db, {
      at: entry.at,
      userId,
      action: entry.key === 'recovery' ? 'auth.recover' : 'auth.login',
      entity: 'user',
      entityId: userId?.toString() ?? null,
      outcome: entry.outcome,
      detail: entry.detail,
    });
  }
  return pending;
}

/**
 * An attempt that succeeded is no failure. The tag's counter is cleared only when no
 * colleague shares the tag: otherwise her own login would wipe the failures of guesses at
 * a colleague's password. Bookkeeping beside the vault: on a full disk it may fail, and
 * the attempt then stays counted.
 */
export function takeBack(desk: Desk, key: ThrottleKey, attemptId: string | null, now: Date, vault: VaultFile): void {
  const sole = key === 'recovery' || vault.slots.filter((s) => s.kind === 'password' && s.tag === key).length <= 1;
  try {
    desk.throttle.succeeded(key, attemptId, now, { sole });
  } catch {
    // counted until the disk has room again
  }
}

/**
 * The session begins only once its writes (the escrow a crash kept from being written,
 * the waiting attempts, the last login, the audit entry) have committed, in one
 * transaction: a full disk leaves the desk locked, not open without a trace.
 */
function beginAudited(
  desk: Desk,
  opened: { db: Db; vault: VaultFile; dataKey: Buffer; userSecret: Buffer | null; user: UserSummary },
  action: 'auth.login' | 'auth.unlock' | 'auth.recover',
  now: Date,
  currentAttempt: string,
  write: () => void = () => undefined,
): SessionUser {
  const { db, vault, user } = opened;
  const recorded = db.transaction(() => {
    if (opened.userSecret) ensureEscrow(db, vault, user.id, opened.userSecret, now);
    recordNotesSecretAtLogin(db, user.id, opened.userSecret, now);
    const attempts = auditPendingAttempts(desk, db, vault, now, currentAttempt);
    updateUserFields(db, user.id, { lastLoginAt: now.toISOString() }, now);
    appendAudit(db, { at: now.toISOString(), userId: user.id, action, entity: 'user', entityId: String(user.id), outcome: 'success' });
    // Last, so that only a failed commit can leave the vault ahead of the database (which is accepted).
    write();
    return attempts;
  })();
  desk.beginSession({ db, dataKey: opened.dataKey, userSecret: opened.userSecret, user: toSessionUser(getUser(db, user.id)) });
  // Bookkeeping beside the vault: on a full disk it waits for the next login, which is harmless.
  try {
    desk.throttle.forget(recorded, now);
  } catch {
    // the attempts are entered again at the next login
  }
  try {
    desk.setDeskLanguage(user.language);
  } catch {
    // the login screen keeps its language
  }
  return desk.refreshSessionUser();
}

export async function login(desk: Desk, loginName: string, password: string): Promise<SessionUser> {
  desk.requireUsableFolder();
  const previous = desk.currentUser?.login ?? desk.lastLogin;
  desk.lockNow('switchUser');
  const now = desk.now();
  const key = desk.vault.tagFor(loginName);
  return attempt(desk, key, now, 'auth.invalidCredentials', async (attemptId) => {
    const unlocked = await desk.vault.unlockWithPassword(loginName, password);
    if (!unlocked) throw new AppError('auth.invalidCredentials', { params: { seconds: desk.throttle.retryAfter(key, now) } });
    let db: Db | null = null;
    try {
      db = desk.openDatabaseFor(unlocked.vault, unlocked.dataKey);
      const user = unlocked.slot.userId ? findUser(db, unlocked.slot.userId) : null;
      // A slot opens only for its own login; the check against the account is a second lock on the same door.
      if (!user || user.status !== 'active' || normaliseLogin(user.login) !== normaliseLogin(loginName)) {
        throw new AppError('auth.invalidCredentials', { params: { seconds: desk.throttle.retryAfter(key, now) } });
      }
      const action = previous && previous === user.login ? 'auth.unlock' : 'auth.login';
      const signedIn = beginAudited(desk, { db, vault: unlocked.vault, dataKey: unlocked.dataKey, userSecret: unlocked.userSecret, user }, action, now, attemptId);
      takeBack(desk, key, attemptId, now, unlocked.vault);
      return signedIn;
    } catch (error) {
      if (!desk.currentUser) {
        db?.close();
        wipe(unlocked.dataKey, unlocked.userSecret);
      }
      throw error;
    }
  });
}

/**
 * Break-glass, with the organisation's recovery key: the person who forgot her password
 * types a new one herself, and gets back her own private secret from its escrow.
 */
export async function recover(desk: Desk, recoveryKey: string, loginName: string, newPassword: string): Promise<SessionUser> {
  desk.requireUsableFolder();
  // A typo the key's own check catches is no attempt at guessing: it is not counted.
  if (!normaliseRecoveryKey(recoveryKey)) throw new AppError('recovery.malformed', { fields: { recoveryKey: 'recovery.malformed' } });
  desk.lockNow('switchUser');
  const now = desk.now();
  return attempt(desk, 'recovery', now, 'recovery.wrongKey', async (attemptId) => {
    let keys;
    try {
      keys = await desk.vault.unlockWithRecoveryKey(recoveryKey);
    } catch (error) {
      if (isAppError(error) && error.code === 'recovery.wrongKey') throw new AppError(error.code, { fields: { recoveryKey: error.code } });
      throw error;
    }
    // The right key is no failed attempt, whatever is refused after it (an unknown login, a weak new password).
    takeBack(desk, 'recovery', attemptId, now, keys.vault);
    let db: Db | null = null;
    let userSecret: Buffer | null = null;
    try {
      db = desk.openDatabaseFor(keys.vault, keys.dataKey);
      const user = findUserByLogin(db, loginName);
      if (!user || user.status !== 'active') throw new AppError('recovery.unknownLogin', { fields: { login: 'recovery.unknownLogin' } });
      checkNewPassword(newPassword, user.login);
      const openDb = db;
      userSecret = openDb.transaction(() => secretFromEscrow(openDb, keys.vault, user.id, keys.escrowPrivateKey, now))();
      const secret = userSecret;
      const body = await desk.vault.withPasswordSlot(keys.vault, keys.dataKey, { userId: user.id, login: user.login, password: newPassword, userSecret: secret }, now);
      // Her slot, her escrow and the audit entry: the vault file first, the database after (see Desk.writeVault).
      const signedIn = beginAudited(desk, { db, vault: keys.vault, dataKey: keys.dataKey, userSecret: secret, user }, 'auth.recover', now, attemptId, () => {
        desk.writeVault(openDb, body, keys.dataKey);
        updateUserFields(openDb, user.id, { mustChangePassword: false }, now);
      });
      takeBack(desk, tagOf(keys.vault, user.login), null, now, keys.vault);
      return signedIn;
    } catch (error) {
      if (!desk.currentUser) {
        db?.close();
        wipe(keys.dataKey, userSecret);
      }
      throw error;
    } finally {
      wipe(keys.escrowPrivateKey);
    }
  });
}

/** The session user replaces her own password (her one-time password, or one she knows). */
export async function changeOwnPassword(desk: Desk, currentPassword: string, newPassword: string): Promise<SessionUser> {
  const session = desk.requireSession();
  const now = desk.now();
  const { user } = session;
  const key = desk.vault.tagFor(user.login);
  const unlocked = await attempt(desk, key, now, 'auth.wrongCurrentPassword', async (attemptId) => {
    const opened = await desk.vault.unlockWithPassword(user.login, currentPassword);
    if (!opened || opened.slot.userId !== user.id) {
      if (opened) wipe(opened.dataKey, opened.userSecret);
      throw new AppError('auth.wrongCurrentPassword', { fields: { currentPassword: 'auth.wrongCurrentPassword' } });
    }
    wipe(opened.dataKey);
    takeBack(desk, key, attemptId, now, opened.vault);
    return opened;
  });
  let userSecret = unlocked.userSecret;
  try {
    if (currentPassword === newPassword) throw new AppError('password.unchanged', { fields: { newPassword: 'password.unchanged' } });
    checkNewPassword(newPassword, user.login);
    // The vault her slot was just opened in, its MAC verified: the escrow is sealed to its recovery key.
    const vault = desk.requireFresh(session.db, unlocked.vault);
    // Her first own password gives her a secret of her own, escrowed to the recovery key.
    // After a reset by an administrator her secret waits in escrow for the recovery key (see recover).
    userSecret = userSecret ?? ensureEscrow(session.db, vault, user.id, null, now);
    const secret = userSecret;
    await desk.withDataKey(async (dataKey) => {
      const body = await desk.vault.withPasswordSlot(vault, dataKey, { userId: user.id, login: user.login, password: newPassword, userSecret: secret }, now);
      desk.stageVault(body, dataKey);
    });
    updateUserFields(session.db, user.id, { mustChangePassword: false }, now);
  } catch (error) {
    wipe(userSecret);
    throw error;
  }
  if (session.userSecret !== userSecret) wipe(session.userSecret);
  session.userSecret = userSecret;
  // Her first own secret: colleagues may now hand notes over to her.
  recordNotesSecretAtLogin(session.db, user.id, userSecret, now);
  return desk.refreshSessionUser();
}
