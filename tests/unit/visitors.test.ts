import { describe, expect, it } from 'vitest';
import type { VisitorFieldsInput } from '../../shared/domain/visitors';
import { deskWithStaff, loginAs, type TestDesk } from '../support/desk';

const ALL_CONSENTS = { dataProcessing: true, referrals: true, phoneContact: true, reporting: true };
const NO_CONSENTS = { dataProcessing: false, referrals: false, phoneContact: false, reporting: false };

function aissatou(extra: Partial<VisitorFieldsInput> = {}): VisitorFieldsInput {
  return { firstName: 'Aïssatou', lastName: 'Diallo', sex: 'female', birthYear: 1994, nationality: 'GN', languages: ['fr', 'ff'], phone: '06 12 34 56 78', ...extra };
}

async function atDesk() {
  const t = await deskWithStaff();
  await loginAs(t, t.staff.desk);
  return t;
}

async function register(t: TestDesk, fields: VisitorFieldsInput, consents = ALL_CONSENTS) {
  return t.ok('visitors.register', { fields, consents });
}

describe('registration', () => {
  it('gives each visitor a pseudonymous code with the desk prefix, the year and a sequence', async () => {
    const t = await atDesk();
    try {
      const first = await register(t, aissatou());
      const second = await register(t, { sex: 'male', birthYear: 1990 }, NO_CONSENTS);
      expect(first.code).toBe('NDR-2026-0001');
      expect(second.code).toBe('NDR-2026-0002');
      const profile = await t.ok('visitors.get', { id: first.id });
      expect(profile.visitor.fields).toMatchObject({ firstName: 'Aïssatou', phone: '+212612345678', nationality: 'GN' });
      expect(profile.consents.dataProcessing?.granted).toBe(true);
    } finally {
      t.close();
    }
  });

  it('two registrations racing still get two different codes', async () => {
    const t = await atDesk();
    try {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => register(t, { sex: 'female', birthYear: 1980 + i }, NO_CONSENTS)));
      expect(new Set(results.map((r) => r.code)).size).toBe(20);
    } finally {
      t.close();
    }
  });

  it('refuses a birth year in the future or more than 110 years ago, an empty sex and an unparseable phone, and saves nothing', async () => {
    const t = await atDesk();
    try {
      expect(await t.call('visitors.register', { fields: aissatou({ birthYear: 2027 }), consents: ALL_CONSENTS })).toMatchObject({
        ok: false,
        error: { code: 'call.invalidInput', fields: { 'fields.birthYear': 'birthYear.future' } },
      });
      expect(await t.call('visitors.register', { fields: aissatou({ birthYear: 1915 }), consents: ALL_CONSENTS })).toMatchObject({
        ok: false,
        error: { fields: { 'fields.birthYear': 'birthYear.tooOld' } },
      });
      expect(await t.call('visitors.register', { fields: { ...aissatou(), sex: undefined } as never, consents: ALL_CONSENTS })).toMatchObject({
        ok: false,
        error: { fields: { 'fields.sex': 'required' } },
      });
      expect(await t.call('visitors.register', { fields: aissatou({ phone: 'call me maybe' }), consents: ALL_CONSENTS })).toMatchObject({
        ok: false,
        error: { fields: { 'fields.phone': 'phone.invalid' } },
      });
      expect((await t.ok('visitors.recent', {})).length).toBe(0);
    } finally {
      t.close();
    }
  });

  it("judges the birth year and the code's year by the desk's calendar, not UTC's, around New Year", async () => {
    const t = await atDesk();
    try {
      // 23:30 UTC on 31 December is already 00:30 on 1 January in Casablanca (UTC+1).
      t.clock.current = new Date('2026-12-31T23:30:00.000Z');
      const baby = await t.ok('visitors.register', { fields: { sex: 'female', birthYear: 2027 }, consents: NO_CONSENTS });
      expect(baby.code).toBe('NDR-2027-0001');
    } finally {
      t.close();
    }
  });

  it('refuses a 10,000-character name or note with a clear field error', async () => {
    const t = await atDesk();
    try {
      const long = 'a'.repeat(10_000);
      expect(await t.call('visitors.register', { fields: aissatou({ firstName: long }), consents: ALL_CONSENTS })).toMatchObject({
        ok: false,
        error: { code: 'call.invalidInput', fields: { 'fields.firstName': 'tooLong' } },
      });
      const { id } = await register(t, aissatou());
      expect(
        await t.call('intakes.record', { visitorId: id, visitDate: '2026-11-29', needs: [], urgency: 'low', orientation: 'none', deskNotes: long }),
      ).toMatchObject({ ok: false, error: { fields: { deskNotes: 'tooLong' } } });
    } finally {
      t.close();
    }
  });

  it('keeps HTML and script payloads as inert text, and strips direction overrides and zero-width characters', async () => {
    const t = await atDesk();
    try {
      const { id } = await register(t, aissatou({ firstName: '<img src=x onerror=alert(1)>', lastName: 'Di\u202Eollad\u200B', alias: '<script>alert(1)</script>' }));
      const profile = await t.ok('visitors.get', { id });
      expect(profile.visitor.fields.firstName).toBe('<img src=x onerror=alert(1)>');
      expect(profile.visitor.fields.lastName).toBe('Diollad');
      expect((await t.ok('visitors.search', { query: 'diollad' })).items.map((v) => v.id)).toEqual([id]);
      expect((await t.ok('visitors.search', { query: '<script>' })).items.map((v) => v.id)).toEqual([id]);
    } finally {
      t.close();
    }
  });

  it('without consent to data processing, keeps only the minimum', async () => {
    const t = await atDesk();
    try {
      const refused = await t.call('visitors.register', { fields: aissatou(), consents: NO_CONSENTS });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'visitors.consentRequired', fields: { 'fields.firstName': 'consent.dataProcessingRequired', 'fields.phone': 'consent.dataProcessingRequired' } },
      });
      const minimal = await register(t, { sex: 'female', birthYear: 1990, nationality: 'ML' }, NO_CONSENTS);
      expect(minimal.code).toMatch(/^NDR-2026-/);
    } finally {
      t.close();
    }
  });
});

describe('history and names', () => {
  it('records who changed which field when', async () => {
    const t = await atDesk();
    try {
      const { id } = await register(t, aissatou());
      await t.ok('visitors.update', { id, fields: aissatou({ phone: '+221 77 123 45 67', childrenCount: 2 }) });
      const { changes } = await t.ok('visitors.get', { id });
      expect(changes.map((c) => c.field).sort()).toEqual(['childrenCount', 'phone']);
      expect(changes.find((c) => c.field === 'phone')).toMatchObject({ oldValue: '+212612345678', newValue: '+221771234567', changedBy: t.staff.desk.login });
    } finally {
      t.close();
    }
  });

  it('lists show code, alias or initials, age and nationality, never names; opening a profile and revealing a name are audited', async () => {
    const t = await atDesk();
    try {
      const { id } = await register(t, aissatou());
      const [item] = (await t.ok('visitors.search', { query: 'aissatou' })).items;
      expect(item).toMatchObject({ id, initials: 'A. D.', age: 32, nationality: 'GN' });
      expect(JSON.stringify(item)).not.toContain('Diallo');
      expect(await t.ok('visitors.revealName', { id })).toEqual({ firstName: 'Aïssatou', lastName: 'Diallo' });
      await t.ok('visitors.get', { id });
      t.desk.lock('button');
      await loginAs(t, t.staff.admin);
      const reads = (await t.ok('audit.list', { limit: 20 })).entries.filter((e) => e.entity === 'visitor');
      expect(reads.map((e) => e.action)).toEqual(expect.arrayContaining(['visitors.revealName', 'visitors.get', 'visitors.register']));
    } finally {
      t.close();
    }
  });
});
