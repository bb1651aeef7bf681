import { describe, expect, it } from 'vitest';
import { FREE_ATTEMPTS, MAX_DELAY_SECONDS, delaySecondsAfter } from '../../main/core/accounts/throttle';
import { ADMIN, deskWithStaff, loginAs, openTestDesk, type TestDesk } from '../support/desk';

describe('first run', () => {
  it('has no default account: the folder starts in setup and nobody can log in', async () => {
    const t = openTestDesk();
    try {
      expect(t.desk.status().state).toEqual({ kind: 'setup' });
      expect(await t.call('auth.login', { login: 'admin', password: 'admin' })).toMatchObject({ ok: false, error: { code: 'data.notInitialized' } });
    } finally {
      t.close();
    }
  });

  it('creates the first administrator, logs her in and shows the recovery key once', async () => {
    const t = openTestDesk();
    try {
      const result = await t.ok('setup.create', { ...ADMIN, language: 'ar' });
      expect(result.user).toMatchObject({ login: ADMIN.login, roles: ['admin'], language: 'ar', mustChangePassword: false });
      expect(result.recoveryKey).toMatch(/^(\w{4}-){7}\w{4}$/);
      expect(t.desk.status().state.kind).toBe('open');
      expect(t.desk.status().deskLanguage).toBe('ar');
      expect(await t.call('setup.create', { ...ADMIN, language: 'fr' })).toMatchObject({ ok: false, error: { code: 'data.alreadyInitialized' } });
    } finally {
      t.close();
    }
  });

  it("asks the organisation's name at the first run, and keeps it for the slips", async () => {
    const t = openTestDesk();
    try {
      expect(await t.call('setup.create', { ...ADMIN, organisationName: '   ', language: 'fr' })).toMatchObject({
        ok: false,
        error: { code: 'call.invalidInput', fields: { organisationName: 'required' } },
      });
      expect(t.desk.status().state).toEqual({ kind: 'setup' });
      await t.ok('setup.create', { ...ADMIN, language: 'fr' });
      expect((await t.ok('settings.get', {})).organisationName).toBe(ADMIN.organisationName);
    } finally {
      t.close();
    }
  });

  it('refuses a weak first password and leaves the folder empty', async () => {
    const t = openTestDesk();
    try {
      expect(await t.call('setup.create', { ...ADMIN, password: 'short', language: 'fr' })).toMatchObject({
        ok: false,
        error: { code: 'call.invalidInput', fields: { password: 'password.tooShort' } },
      });
      expect(await t.call('setup.create', { ...ADMIN, password: 'password123', language: 'fr' })).toMatchObject({
        ok: false,
        error: { code: 'password.tooCommon', fields: { password: 'password.tooCommon' } },
      });
      expect(t.desk.status().state).toEqual({ kind: 'setup' });
    } finally {
      t.close();
    }
  });
});

describe('passwords', () => {
  it('refuses the login itself as a password', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.admin);
      const created = await t.ok('users.create', { login: 'khadija.benali', displayName: 'Khadija', roles: ['desk'], language: 'fr' });
      t.desk.lock('button');
      await t.ok('auth.login', { login: 'khadija.benali', password: created.oneTimePassword });
      const same = await t.call('account.changePassword', { currentPassword: created.oneTimePassword, newPassword: 'Khadija.Benali' });
      expect(same).toMatchObject({ ok: false, error: { code: 'password.sameAsLogin', fields: { newPassword: 'password.sameAsLogin' } } });
    } finally {
      t.close();
    }
  });

  it('follows ASVS: 8 characters, long and Unicode passphrases with spaces, no truncation, no common ones', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.desk);
      const current = t.staff.desk.password;
      const tooShort = await t.call('account.changePassword', { currentPassword: current, newPassword: 'seven77' });
      expect(tooShort).toMatchObject({ ok: false, error: { code: 'call.invalidInput', fields: { newPassword: 'password.tooShort' } } });
      const common = await t.call('account.changePassword', { currentPassword: current, newPassword: 'Azerty123' });
      expect(common).toMatchObject({ ok: false, error: { code: 'password.tooCommon', fields: { newPassword: 'password.tooCommon' } } });

      // 200 characters of Arabic, spaces and emoji; a password differing only in its last character must fail.
      const long = `${'كلمة سر طويلة جدا 🌙 '.repeat(10)}end`;
      await t.ok('account.changePassword', { currentPassword: current, newPassword: long });
      t.desk.lock('button');
      expect(await t.call('auth.login', { login: t.staff.desk.login, password: `${long.slice(0, -1)}x` })).toMatchObject({ ok: false, error: { code: 'auth.invalidCredentials' } });
      await t.ok('auth.login', { login: t.staff.desk.login, password: long });
      // the composed and decomposed forms of the same letters are the same password
      await t.ok('account.changePassword', { currentPassword: long, newPassword: 'café crème au lait' });
      t.desk.lock('button');
      await t.ok('auth.login', { login: 'FATIMA', password: 'cafe\u0301 cre\u0300me au lait' });
    } finally {
      t.close();
    }
  });

  it('gives the same answer for an unknown login and a wrong password', async () => {
    const t = await deskWithStaff();
    try {
      const unknown = await t.call('auth.login', { login: 'nobody', password: 'whatever it is' });
      const wrong = await t.call('auth.login', { login: ADMIN.login, password: 'whatever it is' });
      expect(unknown).toEqual(wrong);
      expect(unknown).toMatchObject({ ok: false, error: { code: 'auth.invalidCredentials' } });
    } finally {
      t.close();
    }
  });

  it('keeps the old password when the current one is mistyped during a change', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.psychologist);
      const result = await t.call('account.changePassword', { currentPassword: 'not my password', newPassword: 'a brand new passphrase' });
      expect(result).toMatchObject({ ok: false, error: { code: 'auth.wrongCurrentPassword', fields: { currentPassword: 'auth.wrongCurrentPassword' } } });
      t.desk.lock('button');
      await loginAs(t, t.staff.psychologist);
    } finally {
      t.close();
    }
  });
});

describe('throttling', () => {
  it('doubles the delay after a few free mistakes, up to a ceiling', () => {
    expect(delaySecondsAfter(FREE_ATTEMPTS - 1)).toBe(0);
    expect(delaySecondsAfter(FREE_ATTEMPTS)).toBe(1);
    expect(delaySecondsAfter(FREE_ATTEMPTS + 3)).toBe(8);
    expect(delaySecondsAfter(100)).toBe(MAX_DELAY_SECONDS);
  });

  it('20 rapid failures: the delay grows, survives a restart, and the last administrator gets back in', async () => {
    const first = await deskWithStaff();
    const { staff } = first;
    let t: TestDesk = first;
    try {
      const delays: number[] = [];
      for (let attempt = 0; attempt < 20; attempt++) {
        // A rapid retry, before the delay is over, is refused without being tried.
        if (attempt > 0 && delays[attempt - 1] > 0) {
          const rapid = await t.call('auth.login', { login: ADMIN.login, password: ADMIN.password });
          expect(rapid).toMatchObject({ ok: false, error: { code: 'auth.throttled', params: { seconds: delays[attempt - 1] } } });
          // then the guesser waits it out, so the next try counts
          t.clock.advance(delays[attempt - 1] * 1000);
        }
        const result = await t.call('auth.login', { login: ADMIN.login, password: `guess number ${attempt}` });
        expect(result).toMatchObject({ ok: false, error: { code: 'auth.invalidCredentials' } });
        delays.push(result.ok ? -1 : Number(result.error.params?.seconds ?? 0));
      }
      expect(delays.slice(0, FREE_ATTEMPTS - 1).every((d) => d === 0)).toBe(true);
      for (let i = FREE_ATTEMPTS; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]);
      expect(Math.max(...delays)).toBe(MAX_DELAY_SECONDS);

      // Right password too early: refused without even trying it.
      const early = await t.call('auth.login', { login: ADMIN.login, password: ADMIN.password });
      expect(early).toMatchObject({ ok: false, error: { code: 'auth.throttled' } });

      // A restart does not reset the delay.
      t = t.restart();
      const afterRestart = await t.call('auth.login', { login: ADMIN.login, password: ADMIN.password });
      expect(afterRestart).toMatchObject({ ok: false, error: { code: 'auth.throttled' } });

      // Other users are not held up by the administrator's delay.
      await loginAs(t, staff.desk);
      t.desk.lock('button');

      // After the ceiling, the last administrator gets in, and the count starts afresh.
      t.clock.advance(MAX_DELAY_SECONDS * 1000);
      await t.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
      const page = await t.ok('audit.list', { action: 'auth.login', outcome: 'failure', limit: 100 });
      expect(page.entries.length).toBeGreaterThanOrEqual(10);
      expect(page.entries.every((e) => e.userLogin === ADMIN.login)).toBe(true);
      const refused = await t.ok('audit.list', { action: 'auth.login', outcome: 'refused', limit: 100 });
      expect(refused.entries.length).toBeGreaterThanOrEqual(2);
      t.desk.lock('button');
      expect(await t.call('auth.login', { login: ADMIN.login, password: 'one more typo' })).toMatchObject({ ok: false, error: { code: 'auth.invalidCredentials', params: { seconds: 0 } } });
    } finally {
      t.close();
    }
  });
});

describe('accounts administration', () => {
  it('a new user must replace her one-time password before anything else', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.admin);
      const created = await t.ok('users.create', { login: 'khadija', displayName: 'Khadija', roles: ['desk', 'psychologist'], language: 'fr' });
      expect(created.user.mustChangePassword).toBe(true);
      expect(created.oneTimePassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
      expect(await t.call('users.create', { login: 'Khadija', displayName: 'Other', roles: ['desk'], language: 'fr' })).toMatchObject({
        ok: false,
        error: { code: 'users.loginTaken', fields: { login: 'users.loginTaken' } },
      });
      t.desk.lock('button');
      const user = await t.ok('auth.login', { login: 'khadija', password: created.oneTimePassword });
      expect(user.mustChangePassword).toBe(true);
      expect(await t.call('settings.get', {})).toMatchObject({ ok: false, error: { code: 'auth.passwordChangeRequired' } });
      const changed = await t.ok('account.changePassword', { currentPassword: created.oneTimePassword, newPassword: 'khadija picks her own' });
      expect(changed.mustChangePassword).toBe(false);
      expect((await t.ok('settings.get', {})).timeZone).toBe('Africa/Casablanca');
      // The one-time password is gone.
      t.desk.lock('button');
      expect(await t.call('auth.login', { login: 'khadija', password: created.oneTimePassword })).toMatchObject({ ok: false });
    } finally {
      t.close();
    }
  });

  it('disabling removes the keyslot: the password opens nothing; enabling gives a new one-time password', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.admin);
      const disabled = await t.ok('users.disable', { id: t.staff.desk.id });
      expect(disabled.status).toBe('disabled');
      expect(t.desk.vault.hasPasswordSlot(t.staff.desk.id)).toBe(false);
      expect(await t.call('users.disable', { id: t.staff.desk.id })).toMatchObject({ ok: false, error: { code: 'users.alreadyDisabled' } });
      t.desk.lock('button');
      expect(await t.call('auth.login', { login: t.staff.desk.login, password: t.staff.desk.password })).toMatchObject({ ok: false, error: { code: 'auth.invalidCredentials' } });
      await loginAs(t, t.staff.admin);
      const enabled = await t.ok('users.enable', { id: t.staff.desk.id });
      expect(enabled.user).toMatchObject({ status: 'active', mustChangePassword: true });
      t.desk.lock('button');
      await t.ok('auth.login', { login: t.staff.desk.login, password: enabled.oneTimePassword });
    } finally {
      t.close();
    }
  });

  it('a reset gives a one-time password the administrator never learns the replacement of', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.admin);
      const reset = await t.ok('users.resetPassword', { id: t.staff.psychologist.id });
      t.desk.lock('button');
      expect(await t.call('auth.login', t.staff.psychologist)).toMatchObject({ ok: false, error: { code: 'auth.invalidCredentials' } });
      await t.ok('auth.login', { login: t.staff.psychologist.login, password: reset.oneTimePassword });
      await t.ok('account.changePassword', { currentPassword: reset.oneTimePassword, newPassword: 'only salma knows this' });
      t.desk.lock('button');
      await t.ok('auth.login', { login: t.staff.psychologist.login, password: 'only salma knows this' });
    } finally {
      t.close();
    }
  });

  it('never leaves the desk without an active administrator', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.admin);
      const adminId = t.staff.admin.id;
      expect(await t.call('users.disable', { id: adminId })).toMatchObject({ ok: false, error: { code: 'users.cannotDisableSelf' } });
      expect(await t.call('users.update', { id: adminId, roles: ['desk'] })).toMatchObject({ ok: false, error: { code: 'users.cannotChangeOwnRoles' } });
      expect((await t.ok('users.update', { id: adminId, displayName: 'Amina B.' })).displayName).toBe('Amina B.');
      expect(t.desk.currentUser?.displayName).toBe('Amina B.');
      // A second administrator may take the role from the first, never from herself.
      await t.ok('users.update', { id: t.staff.desk.id, roles: ['desk', 'admin'] });
      t.desk.lock('button');
      await loginAs(t, t.staff.desk);
      expect((await t.ok('users.update', { id: adminId, roles: ['desk'] })).roles).toEqual(['desk']);
      expect(await t.call('users.update', { id: t.staff.desk.id, roles: ['desk'] })).toMatchObject({ ok: false, error: { code: 'users.cannotChangeOwnRoles' } });
      expect((await t.ok('users.list', {})).filter((u) => u.roles.includes('admin')).map((u) => u.id)).toEqual([t.staff.desk.id]);
    } finally {
      t.close();
    }
  });

  it('nobody changes her own roles, and every change of roles is audited with the roles before and after', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.admin);
      const adminId = t.staff.admin.id;
      const [last] = (await t.ok('audit.list', { limit: 1 })).entries;
      // She cannot make herself a psychologist (and so read violence types), even with her other roles kept.
      expect(await t.call('users.update', { id: adminId, roles: ['psychologist', 'admin'] })).toEqual({
        ok: false,
        error: { code: 'users.cannotChangeOwnRoles', fields: { roles: 'users.cannotChangeOwnRoles' } },
      });
      expect(await t.call('users.update', { id: adminId, roles: ['admin'], displayName: 'Amina B.' })).toMatchObject({
        ok: false,
        error: { code: 'users.cannotChangeOwnRoles' },
      });
      expect(t.desk.currentUser?.roles).toEqual(['admin']);
      expect((await t.ok('users.list', {})).find((u) => u.id === adminId)).toMatchObject({ roles: ['admin'], displayName: ADMIN.displayName });
      expect(await t.call('intakes.disclosure', { intakeId: 1 })).toMatchObject({ ok: false, error: { code: 'call.forbidden' } });

      await t.ok('users.update', { id: t.staff.desk.id, roles: ['desk', 'psychologist'] });
      await t.ok('users.update', { id: t.staff.desk.id, displayName: 'Fatima Z.' });
      await t.ok('users.update', { id: t.staff.desk.id, roles: ['psychologist', 'desk'] });
      await t.ok('users.update', { id: t.staff.desk.id, roles: ['desk'] });
      const created = await t.ok('users.create', { login: 'nadia', displayName: 'Nadia', roles: ['desk'], language: 'fr' });

      const entries = (await t.ok('audit.list', { limit: 50 })).entries.filter((e) => e.id > last.id && e.action.startsWith('users.')).reverse();
      expect(entries.map((e) => ({ action: e.action, entityId: e.entityId, outcome: e.outcome, detail: e.detail }))).toEqual([
        { action: 'users.update', entityId: String(adminId), outcome: 'failure', detail: 'users.cannotChangeOwnRoles' },
        { action: 'users.update', entityId: String(adminId), outcome: 'failure', detail: 'users.cannotChangeOwnRoles' },
        { action: 'users.update', entityId: String(t.staff.desk.id), outcome: 'success', detail: 'roles: desk → desk,psychologist' },
        // A new name, or the same roles sent again, changes no role.
        { action: 'users.update', entityId: String(t.staff.desk.id), outcome: 'success', detail: null },
        { action: 'users.update', entityId: String(t.staff.desk.id), outcome: 'success', detail: null },
        { action: 'users.update', entityId: String(t.staff.desk.id), outcome: 'success', detail: 'roles: desk,psychologist → desk' },
        { action: 'users.create', entityId: String(created.user.id), outcome: 'success', detail: 'roles: none → desk' },
      ]);
    } finally {
      t.close();
    }
  });

  it('saves each user her language', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.desk);
      expect((await t.ok('account.setLanguage', { language: 'ar' })).language).toBe('ar');
      t.desk.lock('button');
      const again = await t.ok('auth.login', { login: t.staff.desk.login, password: t.staff.desk.password });
      expect(again.language).toBe('ar');
      expect(t.desk.status().deskLanguage).toBe('ar');
    } finally {
      t.close();
    }
  });
});

describe('locking', () => {
  it('wipes the keys and closes the database; the lock screen remembers who was there', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.desk);
      const session = t.desk.requireSession();
      const { dataKey, db } = session;
      await t.ok('auth.lock', { reason: 'shortcut' });
      expect(dataKey.equals(Buffer.alloc(32))).toBe(true);
      expect(db.open).toBe(false);
      expect(t.desk.status().state).toEqual({ kind: 'locked', lastLogin: t.staff.desk.login });
      expect(await t.call('settings.get', {})).toMatchObject({ ok: false, error: { code: 'auth.locked' } });
      await loginAs(t, t.staff.desk);
      await t.ok('auth.lock', { reason: 'switchUser' });
      expect(t.desk.status().state).toEqual({ kind: 'locked', lastLogin: null });
      await loginAs(t, t.staff.admin);
      const actions = (await t.ok('audit.list', { limit: 10 })).entries.map((e) => `${e.action}:${e.detail ?? ''}`);
      expect(actions).toEqual(expect.arrayContaining(['auth.unlock:', 'auth.lock:shortcut', 'auth.lock:switchUser']));
    } finally {
      t.close();
    }
  });
});

describe('recovery key', () => {
  it('sets a new administrator password and gives her own secret back', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.admin);
      const secretBefore = Buffer.from(t.desk.requireSession().userSecret ?? Buffer.alloc(0));
      expect(secretBefore.length).toBe(32);
      t.desk.lock('button');
      const user = await t.ok('auth.recover', { recoveryKey: t.recoveryKey.toLowerCase(), login: ADMIN.login, newPassword: 'after the recovery key' });
      expect(user.login).toBe(ADMIN.login);
      expect(t.desk.requireSession().userSecret?.equals(secretBefore)).toBe(true);
      t.desk.lock('button');
      expect(await t.call('auth.login', { login: ADMIN.login, password: ADMIN.password })).toMatchObject({ ok: false });
      await t.ok('auth.login', { login: ADMIN.login, password: 'after the recovery key' });
      expect((await t.ok('audit.list', { action: 'auth.recover', limit: 5 })).entries[0]).toMatchObject({ outcome: 'success', userLogin: ADMIN.login });
    } finally {
      t.close();
    }
  });

  it("gives a psychologist her own secret back after a reset, when she types a new password beside the recovery key", async () => {
    const t = await deskWithStaff();
    try {
      const psychologist = t.staff.psychologist;
      await loginAs(t, psychologist);
      const secret = Buffer.from(t.desk.requireSession().userSecret ?? Buffer.alloc(0));
      expect(secret).toHaveLength(32);
      await loginAs(t, t.staff.admin);
      const reset = await t.ok('users.resetPassword', { id: psychologist.id });
      await t.ok('auth.login', { login: psychologist.login, password: reset.oneTimePassword });
      await t.ok('account.changePassword', { currentPassword: reset.oneTimePassword, newPassword: 'a password of her own again' });
      // After a reset her secret waits in escrow: neither the one-time password nor her next one carries it.
      expect(t.desk.requireSession().userSecret).toBeNull();

      const recovered = await t.ok('auth.recover', { recoveryKey: t.recoveryKey, login: psychologist.login, newPassword: 'she typed this one herself' });
      expect(recovered).toMatchObject({ login: psychologist.login, mustChangePassword: false });
      expect(t.desk.requireSession().userSecret?.equals(secret)).toBe(true);
      await t.desk.lock('button');
      await t.ok('auth.login', { login: psychologist.login, password: 'she typed this one herself' });
      expect(t.desk.requireSession().userSecret?.equals(secret)).toBe(true);
    } finally {
      t.close();
    }
  });

  it('a mistyped recovery key is named as such; a wrong one is refused; neither changes anything', async () => {
    const t = await deskWithStaff();
    try {
      const typo = t.recoveryKey.slice(0, 10) + (t.recoveryKey[10] === '7' ? '8' : '7') + t.recoveryKey.slice(11);
      expect(await t.call('auth.recover', { recoveryKey: typo, login: ADMIN.login, newPassword: 'after the recovery key' })).toMatchObject({
        ok: false,
        error: { code: 'recovery.malformed', fields: { recoveryKey: 'recovery.malformed' } },
      });
      const { generateRecoveryKey } = await import('../../main/core/vault/recovery-key');
      expect(await t.call('auth.recover', { recoveryKey: generateRecoveryKey(), login: ADMIN.login, newPassword: 'after the recovery key' })).toMatchObject({
        ok: false,
        error: { code: 'recovery.wrongKey' },
      });
      expect(await t.call('auth.recover', { recoveryKey: t.recoveryKey, login: 'nobody', newPassword: 'after the recovery key' })).toMatchObject({
        ok: false,
        error: { code: 'recovery.unknownLogin', fields: { login: 'recovery.unknownLogin' } },
      });
      await loginAs(t, t.staff.admin);
      await loginAs(t, t.staff.desk);
    } finally {
      t.close();
    }
  });
});
