import { describe, expect, it } from 'vitest';
import { deskWithStaff, loginAs } from '../support/desk';

const ALL = { dataProcessing: true, referrals: true, phoneContact: true, reporting: true };

async function deskWithVisitors() {
  const t = await deskWithStaff();
  await loginAs(t, t.staff.desk);
  const ids: Record<string, number> = {};
  for (const [key, fields] of [
    ['aissatou', { firstName: 'Aïssatou', lastName: 'Diallo', sex: 'female', birthYear: 1994, phone: '0612345678' }],
    ['fatima', { firstName: 'فاطمة', lastName: 'عبد الرحمن', sex: 'female', birthYear: 1988, nationality: 'SD' }],
    ['ahmed', { firstName: 'أحمد', lastName: 'إبراهيم', sex: 'male', birthYear: 2001 }],
    ['grace', { firstName: 'Grace', alias: 'Mama Grace', sex: 'female', birthYear: 1979, phone: '+234 801 234 5678' }],
  ] as const) {
    ids[key] = (await t.ok('visitors.register', { fields, consents: ALL })).id;
  }
  return { ...t, ids };
}

describe('search', () => {
  it('finds by any fragment of code, name, alias or phone, in either script, whatever the case and accents', async () => {
    const t = await deskWithVisitors();
    try {
      const find = async (query: string) => (await t.ok('visitors.search', { query })).items.map((v) => v.id);
      expect(await find('AISSA')).toEqual([t.ids.aissatou]);
      expect(await find('iallo')).toEqual([t.ids.aissatou]);
      expect(await find('فاطم')).toEqual([t.ids.fatima]);
      // hamza and short vowels typed or not
      expect(await find('احمد')).toEqual([t.ids.ahmed]);
      expect(await find('ابراهيم')).toEqual([t.ids.ahmed]);
      expect(await find('mama gra')).toEqual([t.ids.grace]);
      expect(await find('0612 34')).toEqual([t.ids.aissatou]);
      expect(await find('+212 6 12 34 56 78')).toEqual([t.ids.aissatou]);
      expect(await find('2345678')).toEqual(expect.arrayContaining([t.ids.aissatou, t.ids.grace]));
      expect(await find('NDR-2026-0002')).toEqual([t.ids.fatima]);
      expect(await find('xyzzy')).toEqual([]);
    } finally {
      t.close();
    }
  });

  it('lists the most recent activity first, even when every visitor matches, and shows the page only', async () => {
    const t = await deskWithVisitors();
    try {
      const find = async (query: string, limit?: number) => (await t.ok('visitors.search', { query, limit })).items.map((v) => v.id);
      // Every code matches the desk's prefix: the last registered first.
      expect(await find('NDR-20')).toEqual([t.ids.grace, t.ids.ahmed, t.ids.fatima, t.ids.aissatou]);
      // An intake for the first one brings her to the top; an edit of another brings her above.
      t.clock.advance(60_000);
      await t.ok('intakes.record', { visitorId: t.ids.aissatou, visitDate: '2026-11-29', needs: ['legal'], urgency: 'low', orientation: 'informationOnly' });
      expect(await find('NDR-20')).toEqual([t.ids.aissatou, t.ids.grace, t.ids.ahmed, t.ids.fatima]);
      t.clock.advance(60_000);
      const fatima = await t.ok('visitors.get', { id: t.ids.fatima });
      await t.ok('visitors.update', { id: t.ids.fatima, fields: { ...fatima.visitor.fields, alias: 'Oum Ali' } });
      expect(await find('NDR')).toEqual([t.ids.fatima, t.ids.aissatou, t.ids.grace, t.ids.ahmed]);
      // The edit is searchable under her new place, and her old entry is gone (one result, not two).
      expect(await find('oum ali')).toEqual([t.ids.fatima]);
      expect(await find('فاطم')).toEqual([t.ids.fatima]);
      const entries = (words: string) =>
        t.desk.requireSession().db.prepare('SELECT count(*) FROM visitor_search WHERE visitor_search MATCH ?').pluck().get(words);
      expect([entries('"فاطمه"'), entries('"aissatou"'), entries('"ndr"')]).toEqual([1, 1, 4]);
      // Even when the desk's clock was moved back, what happened last comes first.
      t.clock.advance(-3 * 86_400_000);
      await t.ok('intakes.record', { visitorId: t.ids.ahmed, visitDate: '2026-11-26', needs: ['foodKit'], urgency: 'low', orientation: 'informationOnly' });
      expect(await find('NDR', 2)).toEqual([t.ids.ahmed, t.ids.fatima]);
      expect(await t.ok('visitors.search', { query: 'NDR', limit: 2 })).toMatchObject({ status: 'ok', more: true });
    } finally {
      t.close();
    }
  });

  it('answers punctuation or a single character at once with "too short", not an error', async () => {
    const t = await deskWithVisitors();
    try {
      for (const query of ['!', '—', 'a', '  ', '"*()', 'ab']) {
        expect(await t.ok('visitors.search', { query })).toEqual({ status: 'tooShort', items: [], total: 0 });
      }
      // FTS syntax typed by accident is searched for, not executed
      expect((await t.ok('visitors.search', { query: 'Diallo OR NEAR(' })).status).toBe('ok');
    } finally {
      t.close();
    }
  });

  it('warns of likely duplicates before a registration: same phone, similar name, close birth year', async () => {
    const t = await deskWithVisitors();
    try {
      const byPhone = await t.ok('visitors.checkDuplicates', { fields: { sex: 'female', phone: '+212612345678' } });
      expect(byPhone[0]).toMatchObject({ visitor: { id: t.ids.aissatou }, reasons: ['phone'] });
      const byName = await t.ok('visitors.checkDuplicates', { fields: { sex: 'female', firstName: 'Aissatu', lastName: 'Dialo', birthYear: 1995 } });
      expect(byName.map((c) => c.visitor.id)).toContain(t.ids.aissatou);
      expect(byName[0].reasons).toEqual(expect.arrayContaining(['name', 'birthYear']));
      expect(await t.ok('visitors.checkDuplicates', { fields: { sex: 'male', firstName: 'Zebulon' } })).toEqual([]);
    } finally {
      t.close();
    }
  });
});
