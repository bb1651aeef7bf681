import type { HandlersFor } from '../router';
import { AppError } from '../errors';
import { rotateDataKey } from '../keys/rotation';
import { setUpDesk } from '../setup/first-run';
import { changeOwnPassword, login, recover } from './authentication';
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
import { endHandoversTo } from '../notes/service';

/** Gives a user a fresh one-time password slot; she must replace it at her next login. */
async function issueOneTimePassword(desk: Desk, userId: number): Promise<UserWithOneTimePassword> {
  const { db } = desk.requireSession();
  const now = desk.now();
  const user = getUser(db, userId);
  const oneTimePassword = generateOneTimePassword();
  await desk.withDataKey(async (dataKey) => {
    // No secret in this slot: whoever knows the one-time password must not reach the user's secret.
    const body = await desk.vault.withPasswordSlot(desk.readVault(db), dataKey, { userId, login: user.login, password: oneTimePassword, userSecret: null }, now);
    desk.stageVault(body, dataKey);
  });
  updateUserFields(db, userId, { mustChangePassword: true, status: 'active' }, now);
  return { user: getUser(db, userId), oneTimePassword };
}

export const appHandlers: HandlersFor<'app.status' | 'app.setDeskLanguage' | 'setup.create'> = {
  'app.status': (_input, { desk }) => desk.status(),
  'app.setDeskLanguage': ({ language }, { desk }) => {
    desk.setDeskLanguage(language);
    return null;
  },
  'setup.create': (input, { desk }) => setUpDesk(desk, input),
};

export const authHandlers: HandlersFor<'auth.login' | 'auth.lock' | 'auth.recover'> = {
  'auth.login': ({ login: loginName, password }, { desk }) => login(desk, loginName, password),
  'auth.lock': ({ reason }, { desk }) => {
    desk.lockNow(reason);
    return null;
  },
  'auth.recover': ({ recoveryKey, login: loginName, newPassword }, { desk }) => recover(desk, recoveryKey, loginName, newPassword),
};

export const accountHandlers: HandlersFor<'account.me' | 'account.changePassword' | 'account.setLanguage'> = {
  'account.me': (_input, { desk }) => desk.refreshSessionUser(),
  'account.changePassword': async ({ currentPassword, newPassword }, ctx) => {
    ctx.setAuditEntityId(ctx.desk.requireSession().user.id);
    return changeOwnPassword(ctx.desk, currentPassword, newPassword);
  },
  'account.setLanguage': ({ language }, { desk, setAuditEntityId }) => {
    const session = desk.requireSession();
    setAuditEntityId(session.user.id);
    updateUserFields(session.db, session.user.id, { language }, desk.now());
    desk.setDeskLanguage(language);
    return desk.refreshSessionUser();
  },
};

export const keysHandlers: HandlersFor<'keys.rotate'> = {
  'keys.rotate': (_input, { desk }) => rotateDataKey(desk),
};

export const usersHandlers: HandlersFor<
  'users.list' | 'users.create' | 'users.update' | 'users.disable' | 'users.enable' | 'users.resetPassword'
> = {
  'users.list': (_input, { desk }) => listUsers(desk.requireSession().db),

  'users.create': async (input, { desk, setAuditEntityId, setAuditDetail }) => {
    const { db } = desk.requireSession();
    // One transaction with its slot and audit entry (the router's): no half a user after a failure.
    const id = insertUser(db, { ...input, mustChangePassword: true, secretEscrow: null }, desk.now());
    setAuditEntityId(id);
    setAuditDetail(rolesChangeDetail([], input.roles));
    return issueOneTimePassword(desk, id);
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
      // No longer a psychologist: notes handed over to her stop following, and she loses those she was given.
      if (rolesChange && user.roles.includes('psychologist') && !rolesChange.includes('psychologist')) endHandoversTo(db, id, desk.now());
    })();
    if (rolesChange) setAuditDetail(rolesChangeDetail(user.roles, rolesChange));
    if (id === desk.currentUser?.id) desk.refreshSessionUser();
    return getUser(db, id);
  },

  'users.disable': async ({ id }, { desk, setAuditEntityId }) => {
    const session = desk.requireSession();
    setAuditEntityId(id);
    if (id === session.user.id) throw new AppError('users.cannotDisableSelf');
    const user = getUser(session.db, id);
    if (user.status === 'disabled') throw new AppError('users.alreadyDisabled');
    if (user.roles.includes('admin') && countActiveAdmins(session.db, id) === 0) throw new AppError('users.lastAdmin');
    updateUserFields(session.db, id, { status: 'disabled' }, desk.now());
    endHandoversTo(session.db, id, desk.now());
    // Her slot goes too, so her password opens nothing; a copy of the vault made before still
    // holds it, which only a rotation of the data key (offered next) makes useless.
    await desk.withDataKey((dataKey) => desk.stageVault(desk.vault.withoutPasswordSlot(desk.readVault(session.db), dataKey, id), dataKey));
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
