import { describe, expect, it } from 'vitest';
import { scheduleDesk } from '../support/schedule';
import { TestClock } from '../support/desk';
import { wallMomentOf } from '../../shared/domain/calendar';

const ZONE = 'Africa/Casablanca';

describe('recurring sessions', () => {
  it('books one row per occurrence, refuses the whole series when one clashes, and cancels only from one on', async () => {
    const t = await scheduleDesk();
    try {
      const rose = await t.register();
      const hawa = await t.register({ firstName: 'Hawa' });
      await t.ok('appointments.book', t.booking(hawa, '2026-12-14T10:00'));
      const weekly = { rule: 'weekly' as const, count: 4 };
      expect(await t.call('appointments.book', t.booking(rose, '2026-11-30T10:00', { repeat: weekly }))).toEqual({
        ok: false,
        error: { code: 'appointments.clash', params: { clashes: 'psychologist', day: '2026-12-14' }, fields: { psychologistId: 'appointments.clash' } },
      });
      const { db } = t.desk.requireSession();
      expect(db.prepare('SELECT count(*) AS n FROM appointments WHERE visitor_id = ?').get(rose)).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM appointment_series').get()).toEqual({ n: 0 });

      const series = await t.ok('appointments.book', t.booking(rose, '2026-11-30T11:00', { repeat: weekly }));
      expect(series.map((a) => wallMomentOf(a.startsAt, ZONE))).toEqual(['2026-11-30T11:00', '2026-12-07T11:00', '2026-12-14T11:00', '2026-12-21T11:00']);
      expect(new Set(series.map((a) => a.seriesId)).size).toBe(1);
      // Moving one leaves the others where they are.
      await t.ok('appointments.reschedule', { id: series[0].id, startsAt: '2026-11-30T14:00', minutes: 45, reason: 'Earlier bus' });
      const cancelled = await t.ok('appointments.cancelSeriesFrom', { id: series[1].id, cancelledBy: 'visitor', reason: 'Found work in Tangier' });
      expect(cancelled.map((a) => a.id)).toEqual(series.slice(1).map((a) => a.id));
      const after = await t.ok('appointments.ofVisitor', { visitorId: rose });
      expect(after.map((a) => [wallMomentOf(a.startsAt, ZONE), a.status]).reverse()).toEqual([
        ['2026-11-30T14:00', 'scheduled'],
        ['2026-12-07T11:00', 'cancelled'],
        ['2026-12-14T11:00', 'cancelled'],
        ['2026-12-21T11:00', 'cancelled'],
      ]);
      // Her profile, for the desk: when, where, what became of it; not the kind of session.
      expect(after.every((a) => a.kindKey === null && a.kindName === null)).toBe(true);
      await t.as('psychologist');
      expect((await t.ok('appointments.ofVisitor', { visitorId: rose })).every((a) => a.kindKey === 'followUp')).toBe(true);
      await t.as('desk');

      const fortnightly = await t.ok('appointments.book', t.booking(rose, '2026-11-30T15:00', { repeat: { rule: 'fortnightly', until: '2026-12-28' } }));
      expect(fortnightly.map((a) => wallMomentOf(a.startsAt, ZONE).slice(0, 10))).toEqual(['2026-11-30', '2026-12-14', '2026-12-28']);
      expect(await t.call('appointments.book', t.booking(rose, '2026-12-01T15:00', { repeat: { rule: 'weekly', count: 3, until: '2027-01-01' } }))).toEqual({
        ok: false,
        error: { code: 'call.invalidInput', fields: { 'repeat.count': 'appointments.repeatNeedsEnd' } },
      });
    } finally {
      t.close();
    }
  });

  it('keeps a weekly 10:00 at 10:00 on the wall clock across both of Ramadan’s clock changes', async () => {
    const t = await scheduleDesk(new TestClock(new Date('2026-02-01T09:00:00.000Z')));
    try {
      const rose = await t.register();
      const series = await t.ok('appointments.book', t.booking(rose, '2026-02-02T10:00', { repeat: { rule: 'weekly', count: 10 } }));
      expect(series.map((a) => wallMomentOf(a.startsAt, ZONE).slice(11))).toEqual(Array.from({ length: 10 }, () => '10:00'));
      // UTC+1 before, UTC+0 during Ramadan, UTC+1 after: the instants move, the wall clock does not.
      expect(series.map((a) => a.startsAt.slice(11, 16))).toEqual(['09:00', '09:00', '10:00', '10:00', '10:00', '10:00', '10:00', '09:00', '09:00', '09:00']);
      // And her hours are the wall clock's too: 09:00 is bookable during Ramadan, 08:30 is not.
      const hawa = await t.register({ firstName: 'Hawa' });
      await t.ok('appointments.book', t.booking(hawa, '2026-02-24T09:00'));
      expect(await t.call('appointments.book', t.booking(hawa, '2026-02-25T08:30'))).toMatchObject({ ok: false, error: { code: 'appointments.outsideHours' } });
    } finally {
      t.close();
    }
  });
});

describe('the desk’s lists', () => {
  it('calls tomorrow only the visitors who consented to phone contact, with their phone and language', async () => {
    const t = await scheduleDesk();
    try {
      const rose = await t.register({ phone: '0612345678', languages: ['ary', 'fr'] }, true);
      const hawa = await t.register({ firstName: 'Hawa', phone: '0698765432' }, false);
      const awa = await t.register({ firstName: 'Awa' }, true);
      const later = await t.register({ firstName: 'Fanta', phone: '0611111111' }, true);
      const [booked] = await t.ok('appointments.book', t.booking(rose, '2026-11-30T10:00'));
      await t.ok('appointments.book', t.booking(hawa, '2026-11-30T11:00'));
      await t.ok('appointments.book', t.booking(awa, '2026-11-30T14:00'));
      await t.ok('appointments.book', t.booking(later, '2026-12-01T10:00'));
      const calls = await t.ok('appointments.reminders', {});
      expect(calls.map((c) => [c.appointment.id, c.phone, c.language])).toEqual([[booked.id, '+212612345678', 'ar']]);
      expect((await t.ok('appointments.reminders', { day: '2026-12-01' })).map((c) => c.appointment.visitorId)).toEqual([later]);
      const { db } = t.desk.requireSession();
      expect(db.prepare(`SELECT count(*) AS n FROM audit WHERE action = 'appointments.reminders'`).get()).toEqual({ n: 2 });
    } finally {
      t.close();
    }
  });

  it('finds the next free slots with an interpreter when the psychologist does not speak her language', async () => {
    const t = await scheduleDesk();
    try {
      const rose = await t.register({ interpreterNeeded: true, interpreterLanguage: 'bm' });
      const query = { visitorId: rose, kindId: t.followUp, placeId: t.place.id, limit: 3 };
      // Salma speaks French only; Mariam interprets Bambara on Tuesdays: Tuesday 09:00 is the first.
      const withSalma = await t.ok('appointments.findSlots', { ...query, psychologistId: t.psychologists.salma });
      expect(withSalma.map((s) => [wallMomentOf(s.startsAt, ZONE), s.interpreterId])).toEqual([
        ['2026-12-01T09:00', t.interpreter.id],
        ['2026-12-01T09:15', t.interpreter.id],
        ['2026-12-01T09:30', t.interpreter.id],
      ]);
      // Anyone: Khadija speaks Bambara herself, from Monday 09:00, no interpreter needed.
      const anyone = await t.ok('appointments.findSlots', query);
      expect(anyone[0]).toMatchObject({ psychologistId: t.psychologists.khadija, interpreterId: null, roomId: t.rooms[0] });
      expect(wallMomentOf(anyone[0].startsAt, ZONE)).toBe('2026-11-30T09:00');
      // Booked without a language, the one on her profile is taken.
      const slot = withSalma[0];
      const [booked] = await t.ok('appointments.book', {
        ...t.booking(rose, wallMomentOf(slot.startsAt, ZONE)),
        interpreterId: slot.interpreterId,
        roomId: slot.roomId,
      });
      expect(booked).toMatchObject({ interpreterLanguage: 'bm', interpreterId: t.interpreter.id, interpreterName: 'Mariam' });
      const hawa = await t.register({ firstName: 'Hawa', interpreterNeeded: true, interpreterLanguage: 'bm' });
      const next = await t.ok('appointments.findSlots', { ...query, visitorId: hawa, psychologistId: t.psychologists.salma, limit: 1 });
      expect(next.map((s) => wallMomentOf(s.startsAt, ZONE))).toEqual(['2026-12-01T09:45']);
      // An interpreter who does not speak the language is refused.
      const wolof = await t.register({ firstName: 'Ndeye', interpreterNeeded: true, interpreterLanguage: 'wo' });
      expect(await t.call('appointments.book', { ...t.booking(wolof, '2026-12-01T14:00'), interpreterId: t.interpreter.id })).toEqual({
        ok: false,
        error: { code: 'appointments.interpreterLanguage', fields: { interpreterId: 'appointments.interpreterLanguage' } },
      });
    } finally {
      t.close();
    }
  });

  it('skips a time when her psychologist, the visitor or the room is held, by whomever, and takes the room left free', async () => {
    const t = await scheduleDesk();
    try {
      const [rose, hawa, awa] = [await t.register(), await t.register({ firstName: 'Hawa' }), await t.register({ firstName: 'Awa' })];
      // Salma is with Hawa at 09:00; Rose is with Khadija at 10:00; Khadija has the first room at 11:00 with Awa.
      await t.ok('appointments.book', t.booking(hawa, '2026-11-30T09:00', { roomId: t.rooms[0] }));
      await t.ok('appointments.book', t.booking(rose, '2026-11-30T10:00', { psychologistId: t.psychologists.khadija, roomId: t.rooms[0] }));
      await t.ok('appointments.book', t.booking(awa, '2026-11-30T11:00', { psychologistId: t.psychologists.khadija, roomId: t.rooms[0] }));
      const slots = await t.ok('appointments.findSlots', { visitorId: rose, kindId: t.followUp, placeId: t.place.id, psychologistId: t.psychologists.salma, limit: 3 });
      expect(slots.map((s) => [wallMomentOf(s.startsAt, ZONE), s.roomId])).toEqual([
        ['2026-11-30T10:45', t.rooms[1]],
        ['2026-11-30T11:00', t.rooms[1]],
        ['2026-11-30T11:15', t.rooms[1]],
      ]);
      // Anyone: Khadija is free until Rose's 10:00, in the room Salma does not use.
      const anyone = await t.ok('appointments.findSlots', { visitorId: rose, kindId: t.followUp, placeId: t.place.id, limit: 2 });
      expect(anyone.map((s) => [wallMomentOf(s.startsAt, ZONE), s.psychologistId, s.roomId])).toEqual([
        ['2026-11-30T09:00', t.psychologists.khadija, t.rooms[1]],
        ['2026-11-30T09:15', t.psychologists.khadija, t.rooms[1]],
      ]);
    } finally {
      t.close();
    }
  });

  it('prints a discreet card, and shows the day and the week by place or psychologist', async () => {
    const t = await scheduleDesk();
    try {
      const rose = await t.register();
      const [a] = await t.ok('appointments.book', t.booking(rose, '2026-11-30T10:00'));
      await t.ok('appointments.book', t.booking(rose, '2026-12-02T10:00', { psychologistId: t.psychologists.khadija }));
      const card = await t.ok('appointments.card', { id: a.id, language: 'ar' });
      expect(card).toEqual({
        startsWall: '2026-11-30T10:00',
        placeName: t.place.cardName,
        placeAddress: 'Nador',
        visitorCode: a.visitorCode,
        organisationName: 'Association Tadamon – Nador',
      });
      expect(JSON.stringify(card)).not.toMatch(/écoute|psych|listen|violence/i);
      // The hospital's cell is "Cellule d'écoute" to the staff, and only "Hôpital Al-Hassani" on her card.
      await t.as('psychologist');
      const hospital = (await t.ok('places.list', {}))[1];
      expect(hospital.name).toMatch(/écoute/);
      const [there] = await t.ok('appointments.book', t.booking(rose, '2026-12-03T10:00', { placeId: hospital.id, overrideReason: 'At the hospital this week' }));
      expect((await t.ok('appointments.card', { id: there.id, language: 'fr' })).placeName).toBe('Hôpital Al-Hassani');
      await t.as('desk');
      const { db } = t.desk.requireSession();
      expect(db.prepare(`SELECT entity_id, detail FROM audit WHERE action = 'appointments.card'`).all()).toEqual([
        { entity_id: String(a.id), detail: 'ar' },
        { entity_id: String(there.id), detail: 'fr' },
      ]);
      const week = await t.ok('appointments.range', { from: '2026-11-30', to: '2026-12-06', placeId: t.place.id });
      expect(week).toHaveLength(2);
      expect(await t.ok('appointments.range', { from: '2026-11-30', to: '2026-11-30' })).toHaveLength(1);
      expect(await t.ok('appointments.range', { from: '2026-11-30', to: '2026-12-06', psychologistId: t.psychologists.khadija })).toHaveLength(1);
      await t.as('psychologist');
      expect((await t.ok('appointments.myDay', { day: '2026-11-30' })).map((x) => x.id)).toEqual([a.id]);
    } finally {
      t.close();
    }
  });
});
