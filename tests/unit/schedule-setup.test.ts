import { describe, expect, it } from 'vitest';
import { deskWithStaff, loginAs } from '../support/desk';

describe('places, interpreters, session kinds and plans', () => {
  it('lists the two pre-filled places with their room and hours, and the four session kinds', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.desk);
      const places = await t.ok('places.list', {});
      expect(places.map((p) => [p.rooms.length, p.hours.length])).toEqual([
        [1, 5],
        [1, 5],
      ]);
      expect((await t.ok('appointments.kinds', {})).map((k) => [k.key, k.defaultMinutes])).toEqual([
        ['firstListening', 60],
        ['followUp', 45],
        ['crisis', 30],
        ['maternalHealth', 45],
      ]);
      expect(await t.call('places.create', { name: 'X', rooms: [{ name: 'A' }], hours: [] })).toEqual({ ok: false, error: { code: 'call.forbidden' } });
      t.desk.lock('button');
      await loginAs(t, t.staff.admin);
      const place = await t.ok('places.create', {
        name: 'Antenne de Selouane',
        rooms: [{ name: 'Bureau 1' }],
        hours: [{ weekday: 3, opens: '10:00', closes: '13:00' }],
      });
      const updated = await t.ok('places.update', { ...place, rooms: [...place.rooms, { name: 'Bureau 2', active: true }] });
      expect(updated.rooms.map((r) => r.name)).toEqual(['Bureau 1', 'Bureau 2']);
      const interpreter = await t.ok('interpreters.save', { name: 'Aïcha', kind: 'mediator', languages: ['bm', 'fr'], phone: '0612345678' });
      expect(interpreter).toMatchObject({ languages: ['bm', 'fr'], phone: '+212612345678', active: true });
      expect((await t.ok('interpreters.list', {})).map((i) => i.id)).toEqual([interpreter.id]);
      const kind = await t.ok('appointments.saveKind', { name: 'Groupe de parole', defaultMinutes: 90 });
      expect(kind).toMatchObject({ key: null, name: 'Groupe de parole', defaultMinutes: 90 });
    } finally {
      t.close();
    }
  });

  it('lets a psychologist set her own plan and languages, and refuses anyone else’s (audited)', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.psychologist);
      const own = { userId: t.staff.psychologist.id };
      const view = await t.ok('availability.setPlan', {
        owner: own,
        plan: [
          { placeId: 1, weekday: 1, starts: '09:00', ends: '17:00' },
          { weekday: 1, starts: '12:00', ends: '13:00', kind: 'break' },
        ],
      });
      expect(view.plan).toHaveLength(2);
      expect((await t.ok('availability.setLanguages', { userId: own.userId, languages: ['fr', 'ar'] })).languages).toEqual(['ar', 'fr']);
      expect(await t.call('availability.setPlan', { owner: { userId: t.staff.admin.id }, plan: [] })).toEqual({
        ok: false,
        error: { code: 'availability.notYours' },
      });
      expect(await t.call('availability.addException', { kind: 'publicHoliday', day: '2026-12-18' })).toEqual({
        ok: false,
        error: { code: 'availability.notYours' },
      });
      const { db } = t.desk.requireSession();
      expect(db.prepare(`SELECT outcome, detail FROM audit WHERE action = 'availability.setPlan' ORDER BY id`).all()).toEqual([
        { outcome: 'success', detail: null },
        { outcome: 'failure', detail: 'availability.notYours' },
      ]);
      const leave = await t.ok('availability.addException', { owner: own, kind: 'leave', day: '2026-12-07' });
      expect(leave.exceptions.map((e) => [e.kind, e.day, e.userId])).toEqual([['leave', '2026-12-07', own.userId]]);
      const psychologists = await t.ok('availability.psychologists', {});
      expect(psychologists.map((p) => [p.id, p.languages])).toEqual([[own.userId, ['ar', 'fr']]]);
    } finally {
      t.close();
    }
  });
});
