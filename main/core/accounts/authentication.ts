import type { SessionUser } from '../../../shared/domain/accounts';
import { appendAudit } from '../audit/service';
import type { Db } from '../db/database';
import type { Desk } from '../desk';
import { AppError, isAppError } from '../errors';
import { wipe } from '../vault/crypto';
import { normaliseRecoveryKey } from '../vault/recovery-key';
import { normaliseLogin, tagOf } from '../vault/vault';
import { ensureEscrow, secretFromEscrow } from './escrow';
import { checkNewPassword } from './password-policy';
import { findUser, findUserByLogin, listUsers, toSessionUser, updateUserFields } from './service';
import type { ThrottleKey } from './throttle';

/**
 * Logging in, the recovery key, and one's own password. Each runs inside the desk's
 * queue (the router's), so no lock can come between the derivation and its use; each
 * counts the attempt as failed before the slow derivation starts, so attempts made at
 * once, or a process killed in the middle, are all counted.
 */

function refuseWhileThrottled(desk: Desk, key: ThrottleKey, now: Date): void {
  const seconds = desk.throttle.retryAfter(key, now);
  if (seconds > 0) {
    desk.throttle.recordRefusal(key, now, 'auth.throttled');
    throw new AppError('auth.throttled', { params: { seconds } });
  }
}

/** Runs an attempt counted as failed until it succeeds; a failure of another kind is relabelled. */
async function attempt<T>(desk: Desk, key: ThrottleKey, now: Date, failure: string, work: (id: string) => Promise<T>): Promise<T> {
  refuseWhileThrottled(desk, key, now);
  const id = desk.throttle.recordAttempt(key, now, failure);
  try {
    return await work(id);
  } catch (error) {
    if (isAppError(error) && error.code !== failure) desk.throttle.relabel(id, now, error.code);
    throw error;
  }
}

/** Failed and refused attempts made while the desk was locked go into the audit log now. */
function flushPendingAttempts(desk: Desk, db: Db, now: Date): void {
  const pending = desk.throttle.takePending(now);
  if (pending.length === 0) return;
  const vault = desk.vault.read();
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
      desk.throttle.succeeded(key, attemptId, now);
      desk.beginSession({ db, dataKey: unlocked.dataKey, userSecret: unlocked.userSecret, user: toSessionUser(user) });
    } catch (error) {
      db?.close();
      wipe(unlocked.dataKey, unlocked.userSecret);
      throw error;
    }
    const session = desk.requireSession();
    // A secret whose escrow a crash kept from being written gets it now.
    if (session.userSecret) ensureEscrow(session.db, unlocked.vault, session.user.id, session.userSecret, now);
    flushPendingAttempts(desk, session.db, now);
    updateUserFields(session.db, session.user.id, { lastLoginAt: now.toISOString() }, now);
    const action = previous && previous === session.user.login ? 'auth.unlock' : 'auth.login';
    desk.audit({ action, entity: 'user', entityId: String(session.user.id), outcome: 'success' });
    desk.setDeskLanguage(session.user.language);
    return desk.refreshSessionUser();
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
    let db: Db | null = null;
    let userSecret: Buffer | null = null;
    try {
      db = desk.openDatabaseFor(keys.vault, keys.dataKey);
      const user = findUserByLogin(db, loginName);
      if (!user || user.status !== 'active') throw new AppError('recovery.unknownLogin', { fields: { login: 'recovery.unknownLogin' } });
      checkNewPassword(newPassword, user.login);
      userSecret = secretFromEscrow(db, keys.vault, user.id, keys.escrowPrivateKey, now);
      const body = await desk.vault.withPasswordSlot(keys.vault, keys.dataKey, { userId: user.id, login: user.login, password: newPassword, userSecret }, now);
      const openDb = db;
      openDb.transaction(() => {
        desk.writeVault(openDb, body, keys.dataKey);
        updateUserFields(openDb, user.id, { mustChangePassword: false, lastLoginAt: now.toISOString() }, now);
      })();
      desk.throttle.succeeded('recovery', attemptId, now);
      desk.throttle.succeeded(tagOf(keys.vault, user.login), null, now);
      desk.beginSession({ db, dataKey: keys.dataKey, userSecret, user: toSessionUser(user) });
    } catch (error) {
      db?.close();
      wipe(keys.dataKey, userSecret);
      throw error;
    } finally {
      wipe(keys.escrowPrivateKey);
    }
    flushPendingAttempts(desk, desk.requireSession().db, now);
    desk.audit({ action: 'auth.recover', entity: 'user', entityId: String(desk.requireSession().user.id), outcome: 'success' });
    return desk.refreshSessionUser();
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
    desk.throttle.succeeded(key, attemptId, now);
    return opened;
  });
  let userSecret = unlocked.userSecret;
  try {
    if (currentPassword === newPassword) throw new AppError('password.unchanged', { fields: { newPassword: 'password.unchanged' } });
    checkNewPassword(newPassword, user.login);
    const vault = desk.readVault(session.db);
    // Her first own password gives her a secret of her own, escrowed to the recovery key.
    // After a reset by an administrator her secret waits in escrow for the recovery key (see recover).
    userSecret = userSecret ?? ensureEscrow(session.db, vault, user.id, null, now);
    const secret = userSecret;
    await desk.withDataKey(async (dataKey) => {
      const body = await desk.vault.withPasswordSlot(vault, dataKey, { userId: user.id, login: user.login, password: newPassword, userSecret: secret }, now);
      desk.writeVault(session.db, body, dataKey);
    });
    updateUserFields(session.db, user.id, { mustChangePassword: false }, now);
  } catch (error) {
    wipe(userSecret);
    throw error;
  }
  if (session.userSecret !== userSecret) wipe(session.userSecret);
  session.userSecret = userSecret;
  return desk.refreshSessionUser();
}
