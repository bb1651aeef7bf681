import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, VAULT_FILE } from '../../main/core/desk';
import { FREE_ATTEMPTS } from '../../main/core/accounts/throttle';
import { handlers } from '../../main/core/handlers';
import { createRouter } from '../../main/core/router';
import { sealVault } from '../../main/core/vault/vault-file';
import type { DeskEvent } from '../../shared/contract';
import { ADMIN, deskWithStaff, loginAs, openTestDesk, tempDataDir, TestClock } from '../support/desk';

/**
 * One call at a time: a lock that arrives while a call waits on Argon2id (the shell's
 * idle timer, the OS screen lock, suspend) must wait for it, and never wipe a key that
 * call is still using. Before, the vault was then sealed with an all-zero key and no
 * password, nor the recovery key, opened the desk again.
 */

/** Starts a call, then locks as the shell does while it is still deriving its key. */
async function lockDuring<T>(start: () => Promise<T>, lock: () => Promise<void>): Promise<T> {
  const call = start();
  const [result] = await Promise.all([call, lock()]);
  return result;
}

/** The audit log's last entries, oldest first: [action, outcome, detail]. */
async function lastEntries(t: Awaited<ReturnType<typeof deskWithStaff>>, count: number) {
  await loginAs(t, t.staff.admin);
  const { entries } = await t.ok('audit.list', { limit: count + 1 });
  // the newest is this very login
  return entries.slice(1).reverse().map((e) => [e.action, e.outcome, e.detail]);
}

describe('a lock in the middle of a call', () => {
  it('waits for a password change, which then holds: the new password opens the desk, the old one does not', async () => {
    const events: DeskEvent[] = [];
    const t = await deskWithStaff();
    t.close();
    // The same folder again, with an event handler as the shell's.
    const desk = openTestDesk(t.dir, t.clock, { onEvent: (event) => events.push(event) });
    try {
      await loginAs(desk, t.staff.admin);
      const result = await lockDuring(
        () => desk.call('account.changePassword', { currentPassword: ADMIN.password, newPassword: 'changed while locking' }),
        () => {
          const locking = desk.desk.lock('idle');
          // The window is told at once, while the derivation still runs.
          expect(events).toEqual([{ type: 'locked', reason: 'idle' }]);
          expect(desk.desk.currentUser).not.toBeNull();
          return locking;
        },
      );
      expect(result.ok).toBe(true);
      expect(desk.desk.currentUser).toBeNull();
      expect(await desk.call('auth.login', { login: ADMIN.login, password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'auth.invalidCredentials' } });
      await desk.ok('auth.login', { login: ADMIN.login, password: 'changed while locking' });
      const { entries } = await desk.ok('audit.list', { limit: 4 });
      // The change was made, and audited, before the lock took the keys.
      expect(entries.slice(1, 4).reverse().map((e) => [e.action, e.outcome, e.detail])).toEqual([
        ['account.changePassword', 'success', null],
        ['auth.lock', 'success', 'idle'],
        ['auth.login', 'failure', 'auth.invalidCredentials'],
      ]);
      expect((await desk.ok('audit.verify', {})).intact).toBe(true);
    } finally {
      desk.close();
    }
  });

  it('waits for a reset, a new user and an enable: every one-time password given works, and nothing else changed', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.admin);
      const reset = await lockDuring(() => t.ok('users.resetPassword', { id: t.staff.desk.id }), () => t.desk.lock('screenLock'));
      expect(await lastEntries(t, 2)).toEqual([
        ['users.resetPassword', 'success', null],
        ['auth.lock', 'success', 'screenLock'],
      ]);
      const created = await lockDuring(
        () => t.ok('users.create', { login: 'nadia', displayName: 'Nadia', roles: ['desk'], language: 'fr' }),
        () => t.desk.lock('suspend'),
      );
      expect(await lastEntries(t, 2)).toEqual([
        ['users.create', 'success', 'roles: none → desk'],
        ['auth.lock', 'success', 'suspend'],
      ]);
      await t.ok('users.disable', { id: t.staff.psychologist.id });
      const enabled = await lockDuring(() => t.ok('users.enable', { id: t.staff.psychologist.id }), () => t.desk.lock('idle'));
      expect(await lastEntries(t, 2)).toEqual([
        ['users.enable', 'success', null],
        ['auth.lock', 'success', 'idle'],
      ]);

      for (const [login, password] of [
        [t.staff.desk.login, reset.oneTimePassword],
        ['nadia', created.oneTimePassword],
        [t.staff.psychologist.login, enabled.oneTimePassword],
        [ADMIN.login, ADMIN.password],
      ]) {
        expect(await t.call('auth.login', { login, password }), login).toMatchObject({ ok: true, value: { login } });
      }
      await t.ok('auth.recover', { recoveryKey: t.recoveryKey, login: ADMIN.login, newPassword: 'the recovery key still works' });
      expect((await t.ok('audit.verify', {})).intact).toBe(true);
    } finally {
      t.close();
    }
  });

  it('never seals the vault with a wiped key', async () => {
    const t = await deskWithStaff();
    try {
      const vault = t.desk.vault.read();
      expect(() => sealVault(vault, Buffer.alloc(32))).toThrow('vault.keyWiped');
    } finally {
      t.close();
    }
  });
});

describe('what a lock leaves undone', () => {
  it('a login queued before the screen locked does not open the desk after it', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.admin);
      // A slow call in flight, a login waiting behind it, then the OS screen lock.
      const change = t.call('account.changePassword', { currentPassword: ADMIN.password, newPassword: 'changed before the lock' });
      const queued = t.call('auth.login', { login: t.staff.desk.login, password: t.staff.desk.password });
      const locked = t.desk.lock('screenLock');
      expect((await change).ok).toBe(true);
      expect(await queued).toEqual({ ok: false, error: { code: 'auth.locked' } });
      await locked;
      expect(t.desk.currentUser).toBeNull();
    } finally {
      t.close();
    }
  });

  it('a write that fails after its handler has run leaves the vault as it was, and the password too', async () => {
    const t = await deskWithStaff();
    t.close();
    // The real handler, then a failure before the call commits (as a full disk under the audit entry would).
    const failing = createRouter(
      {
        ...handlers,
        'account.changePassword': async (input, ctx) => {
          await handlers['account.changePassword'](input, ctx);
          throw new Error('a fault after the handler');
        },
      },
      () => undefined,
    );
    const desk = openTestDesk(t.dir, t.clock);
    try {
      const before = readFileSync(`${t.dir}/${VAULT_FILE}`);
      await loginAs(desk, t.staff.admin);
      const result = await failing.dispatch(desk.desk, 'account.changePassword', { currentPassword: ADMIN.password, newPassword: 'never in force' });
      expect(result).toEqual({ ok: false, error: { code: 'call.internal' } });
      expect(readFileSync(`${t.dir}/${VAULT_FILE}`).equals(before)).toBe(true);
      await desk.desk.lock('button');
      expect(await desk.call('auth.login', { login: ADMIN.login, password: 'never in force' })).toMatchObject({ ok: false });
      await desk.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
      const failures = (await desk.ok('audit.list', { action: 'account.changePassword', outcome: 'failure' })).entries;
      expect(failures).toMatchObject([{ outcome: 'failure', detail: 'call.internal' }]);
    } finally {
      desk.close();
    }
  });
});

describe('calls made at once', () => {
  it('two logins: the first session is locked and audited before the second one opens', async () => {
    const t = await deskWithStaff();
    try {
      const [first, second] = await Promise.all([
        t.call('auth.login', { login: t.staff.desk.login, password: t.staff.desk.password }),
        t.call('auth.login', { login: ADMIN.login, password: ADMIN.password }),
      ]);
      expect(first).toMatchObject({ ok: true, value: { login: t.staff.desk.login } });
      expect(second).toMatchObject({ ok: true, value: { login: ADMIN.login } });
      expect(t.desk.currentUser?.login).toBe(ADMIN.login);
      const entries = (await t.ok('audit.list', { limit: 5 })).entries.reverse();
      expect(entries.slice(-3).map((e) => [e.action, e.userLogin, e.detail])).toEqual([
        ['auth.login', t.staff.desk.login, null],
        ['auth.lock', t.staff.desk.login, 'switchUser'],
        ['auth.login', ADMIN.login, null],
      ]);
    } finally {
      t.close();
    }
  });

  it('forty wrong passwords at once: the free attempts are checked, every other one is throttled', async () => {
    const t = await deskWithStaff();
    try {
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => t.call('auth.login', { login: ADMIN.login, password: `guess ${i}` })),
      );
      const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
      expect(codes.filter((c) => c === 'auth.invalidCredentials')).toHaveLength(FREE_ATTEMPTS);
      expect(codes.filter((c) => c === 'auth.throttled')).toHaveLength(40 - FREE_ATTEMPTS);
    } finally {
      t.close();
    }
  });

  it('two first-run setups: one desk is made, the other is refused and removes nothing of it', async () => {
    const clock = new TestClock();
    const t = openTestDesk(tempDataDir(), clock);
    try {
      const [a, b] = await Promise.all([
        t.call('setup.create', { login: 'amina', displayName: 'Amina', password: 'the first of two setups', language: 'fr', organisationName: 'Tadamon' }),
        t.call('setup.create', { login: 'karim', displayName: 'Karim', password: 'the second of two setups', language: 'ar', organisationName: 'Tadamon' }),
      ]);
      expect(a.ok).toBe(true);
      expect(b).toMatchObject({ ok: false, error: { code: 'data.alreadyInitialized' } });
      expect(existsSync(`${t.dir}/${DATABASE_FILE}`) && existsSync(`${t.dir}/${VAULT_FILE}`)).toBe(true);
      await t.desk.lock('button');
      const again = t.restart();
      try {
        await again.ok('auth.login', { login: 'amina', password: 'the first of two setups' });
        expect(await again.call('auth.login', { login: 'karim', password: 'the second of two setups' })).toMatchObject({ ok: false });
        expect(readFileSync(`${t.dir}/${VAULT_FILE}`, 'utf8')).toContain('guichet-vault');
      } finally {
        again.close();
      }
    } finally {
      t.close();
    }
  });
});
