import { describe, expect, it } from 'vitest';
import { handlers } from '../../main/core/handlers';
import { PROCEDURE_NAMES, contract } from '../../shared/contract';
import { deskWithStaff, loginAs } from '../support/desk';

describe('the router', () => {
  it('has exactly one handler per procedure of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...PROCEDURE_NAMES].sort());
    for (const [name, procedure] of Object.entries(contract)) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(procedure.access === 'public' || procedure.access === 'session' || procedure.access === 'adminOrNewDesk' || procedure.access.length > 0).toBe(true);
    }
  });

  it('answers an unknown procedure with its own code, and audits it', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.desk);
      expect(await t.router.dispatch(t.desk, 'visitors.dropAll', {})).toEqual({ ok: false, error: { code: 'call.unknownProcedure' } });
      expect(await t.router.dispatch(t.desk, { toString: () => 'x' }, {})).toEqual({ ok: false, error: { code: 'call.unknownProcedure' } });
      expect(await t.router.dispatch(t.desk, '__proto__', {})).toEqual({ ok: false, error: { code: 'call.unknownProcedure' } });
      expect(await t.router.dispatch(t.desk, 'constructor', {})).toEqual({ ok: false, error: { code: 'call.unknownProcedure' } });
      t.desk.lock('button');
      await loginAs(t, t.staff.admin);
      const refused = await t.ok('audit.list', { outcome: 'refused', limit: 10 });
      expect(refused.entries.map((e) => e.action)).toContain('call.visitors.dropAll');
    } finally {
      t.close();
    }
  });

  it('answers a malformed payload with the paths of the wrong fields', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.admin);
      const result = await t.router.dispatch(t.desk, 'users.create', { login: '', displayName: 42, roles: ['superuser'] });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'call.invalidInput', fields: { login: 'required', displayName: 'required', 'roles.0': 'invalid' } },
      });
      expect(await t.router.dispatch(t.desk, 'settings.update', 'not an object')).toMatchObject({ ok: false, error: { code: 'call.invalidInput' } });
      expect(await t.router.dispatch(t.desk, 'settings.update', { idleLockMinutes: 0 })).toMatchObject({
        ok: false,
        error: { code: 'call.invalidInput', fields: { idleLockMinutes: 'idleLock.range' } },
      });
      expect(await t.router.dispatch(t.desk, 'settings.update', { timeZone: 'Mars/Olympus' })).toMatchObject({
        ok: false,
        error: { code: 'call.invalidInput', fields: { timeZone: 'timeZone.invalid' } },
      });
      expect((await t.ok('users.list', {})).map((u) => u.login)).not.toContain('');
    } finally {
      t.close();
    }
  });

  it('refuses a call the role does not allow, audits the refusal and changes nothing', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.desk);
      const refused = await t.call('users.create', { login: 'intruder', displayName: 'Intruder', roles: ['admin'], language: 'fr' });
      expect(refused).toEqual({ ok: false, error: { code: 'call.forbidden' } });
      // refused before parsing: a malformed payload gets the same answer and teaches nothing
      expect(await t.router.dispatch(t.desk, 'users.create', { nonsense: true })).toEqual({ ok: false, error: { code: 'call.forbidden' } });
      expect(await t.call('settings.update', { idleLockMinutes: 60 })).toEqual({ ok: false, error: { code: 'call.forbidden' } });
      t.desk.lock('button');
      await loginAs(t, t.staff.admin);
      expect((await t.ok('users.list', {})).map((u) => u.login)).not.toContain('intruder');
      expect((await t.ok('settings.get', {})).idleLockMinutes).toBe(5);
      const entries = (await t.ok('audit.list', { outcome: 'refused', limit: 10 })).entries;
      expect(entries.filter((e) => e.userLogin === t.staff.desk.login).map((e) => e.action)).toEqual(
        expect.arrayContaining(['users.create', 'settings.update']),
      );
      expect(entries.every((e) => e.detail === 'call.forbidden')).toBe(true);
    } finally {
      t.close();
    }
  });

  it('asks for a login before any session procedure', async () => {
    const t = await deskWithStaff();
    try {
      expect(await t.call('users.list', {})).toEqual({ ok: false, error: { code: 'auth.locked' } });
      expect(await t.call('account.me', {})).toEqual({ ok: false, error: { code: 'auth.locked' } });
      expect((await t.ok('app.status', {})).state.kind).toBe('locked');
    } finally {
      t.close();
    }
  });

  it('audits writes with the entity they touched, and failures with their code', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.admin);
      await t.ok('settings.update', { idleLockMinutes: 10 });
      await t.call('users.disable', { id: 999 });
      const entries = (await t.ok('audit.list', { limit: 5 })).entries;
      expect(entries[0]).toMatchObject({ action: 'users.disable', entity: 'user', entityId: '999', outcome: 'failure', detail: 'users.notFound' });
      expect(entries[1]).toMatchObject({ action: 'settings.update', entity: 'settings', outcome: 'success' });
    } finally {
      t.close();
    }
  });
});
