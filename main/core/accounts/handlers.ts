import type { HandlersFor } from '../router';
import { AppError } from '../errors';
import {
  countActiveAdmins,
  generateOneTimePassword,
  getUser,
  insertUser,
  listUsers,
  setRoles,
  updateUserFields,
} from './service';
import type { Desk } from '../desk';
import type { UserWithOneTimePassword } from '../../../shared/contract/users';
import { rolesChangeDetail } from '../../../shared/domain/audit';
import { mayChangeRolesOf } from '../../../shared/domain/policy';

/** Gives a user a fresh one-time password slot; she must replace it at her next login. */
async function issueOneTimePassword(desk: Desk, userId: number): Promise<UserWithOneTimePassword> {
  const session = desk.requireSession();
  const now = desk.now();
  const user = getUser(session.db, userId);
  const oneTimePassword = generateOneTimePassword();
  // No secret in this slot: whoever knows the one-time password must not reach the user's secret.
  await desk.vault.setPasswordSlot(session.dataKey, { userId, login: user.login, password: oneTimePassword, userSecret: null }, now);
  updateUserFields(session.db, userId, { mustChangePassword: true, status: 'active' }, now);
  return { user: getUser(session.db, userId), oneTimePassword };
}

export const appHandlers: HandlersFor<'app.status' | 'app.setDeskLanguage' | 'setup.create'> = {
  'app.status': (_input, { desk }) => desk.status(),
  'app.setDeskLanguage': ({ language }, { desk }) => {
    desk.setDeskLanguage(language);
    return null;
  },
  'setup.create': (input, { desk }) => desk.setup(input),
};

export const authHandlers: HandlersFor<'auth.login' | 'auth.lock' | 'auth.recover'> = {
  'auth.login': ({ login, password }, { desk }) => desk.login(login, password),
  'auth.lock': ({ reason }, { desk }) => {
    desk.lock(reason);
    return null;
  },
  'auth.recover': ({ recoveryKey, login, newPassword }, { desk }) => desk.recover(recoveryKey, login, newPassword),
};

export const accountHandlers: HandlersFor<'account.me' | 'account.changePassword' | 'account.setLanguage'> = {
  'account.me': (_input, { desk }) => desk.refreshSessionUser(),
  'account.changePassword': async ({ currentPassword, newPassword }, ctx) => {
    ctx.setAuditEntityId(ctx.desk.requireSession().user.id);
    return ctx.desk.changeOwnPassword(currentPassword, newPassword);
  },
  'account.setLanguage': ({ language }, { desk, setAuditEntityId }) => {
    const session = desk.requireSession();
    setAuditEntityId(session.user.id);
    updateUserFields(session.db, session.user.id, { language }, desk.now());
    desk.setDeskLanguage(language);
    return desk.refreshSessionUser();
  },
};

export const usersHandlers: HandlersFor<
  'users.list' | 'users.create' | 'users.update' | 'users.disable' | 'users.enable' | 'users.resetPassword'
> = {
  'users.list': (_input, { desk }) => listUsers(desk.requireSession().db),

  'users.create': async (input, { desk, setAuditEntityId, setAuditDetail }) => {
    const { db } = desk.requireSession();
    const id = db.transaction(() =>
      insertUser(db, { ...input, mustChangePassword: true, secretEscrow: null }, desk.now()),
    )();
    setAuditEntityId(id);
    setAuditDetail(rolesChangeDetail([], input.roles));
    try {
      return await issueOneTimePassword(desk, id);
    } catch (error) {
      // The account is worthless without a slot: take it back out rather than leave half a user.
      db.transaction(() => {
        db.prepare('DELETE FROM user_roles WHERE user_id = ?').run(id);
        db.prepare('DELETE FROM users WHERE id = ?').run(id);
      })();
      throw error;
    }
  },

  'users.update': ({ id, displayName, roles }, { desk, setAuditEntityId, setAuditDetail }) => {
    const { db, user: me } = desk.requireSession();
    setAuditEntityId(id);
    if (roles && !mayChangeRolesOf(me, { id })) {
      throw new AppError('users.cannotChangeOwnRoles', { fields: { roles: 'users.cannotChangeOwnRoles' } });
    }
    const user = getUser(db, id);
    const rolesChange = roles && roles.join(',') !== user.roles.join(',') ? roles : null;
    db.transaction(() => {
      if (rolesChange && user.roles.includes('admin') && !rolesChange.includes('admin') && user.status === 'active' && countActiveAdmins(db, id) === 0) {
        throw new AppError('users.lastAdmin', { fields: { roles: 'users.lastAdmin' } });
      }
      if (displayName !== undefined) updateUserFields(db, id, { displayName }, desk.now());
      if (rolesChange) setRoles(db, id, rolesChange);
    })();
    if (rolesChange) setAuditDetail(rolesChangeDetail(user.roles, rolesChange));
    if (id === desk.currentUser?.id) desk.refreshSessionUser();
    return getUser(db, id);
  },

  'users.disable': ({ id }, { desk, setAuditEntityId }) => {
    const session = desk.requireSession();
    setAuditEntityId(id);
    if (id === session.user.id) throw new AppError('users.cannotDisableSelf');
    const user = getUser(session.db, id);
    if (user.status === 'disabled') throw new AppError('users.alreadyDisabled');
    if (user.roles.includes('admin') && countActiveAdmins(session.db, id) === 0) throw new AppError('users.lastAdmin');
    // The slot goes first: from this instant her password opens nothing.
    desk.vault.removePasswordSlot(session.dataKey, id);
    updateUserFields(session.db, id, { status: 'disabled' }, desk.now());
    return getUser(session.db, id);
  },

  'users.enable': async ({ id }, { desk, setAuditEntityId }) => {
    const { db } = desk.requireSession();
    setAuditEntityId(id);
    if (getUser(db, id).status !== 'disabled') throw new AppError('users.notDisabled');
    return issueOneTimePassword(desk, id);
  },

  'users.resetPassword': async ({ id }, { desk, setAuditEntityId }) => {
    const { db } = desk.requireSession();
    setAuditEntityId(id);
    if (getUser(db, id).status === 'disabled') throw new AppError('users.alreadyDisabled');
    return issueOneTimePassword(desk, id);
  },
};
