import { describe, expect, it } from 'vitest';
import { scheduleDesk } from '../support/schedule';

const MONDAY = '2026-11-30';
const TUESDAY = '2026-12-01';

describe('booking without double booking', () => {
  it('books, then refuses each kind of clash with one error naming every one', async () => {
    const t = await scheduleDesk();
    try {
      const rose = await t.register();
      const hawa = await t.register({ firstName: 'Hawa' });
      const awa = await t.register({ firstName: 'Awa' });
      const [first] = await t.ok('appointments.book', t.booking(rose, `${TUESDAY}T10:00`, { interpreterLanguage: 'bm', interpreterId: t.interpreter.id }));
      // Casablanca is UTC+1 in December: 10:00 on the desk's clock is 09:00 UTC.
      expect(first).toMatchObject({ startsAt: `${TUESDAY}T09:00:00.000Z`, endsAt: `${TUESDAY}T09:45:00.000Z`, roomId: t.rooms[0], status: 'scheduled', visitorLabel: expect.stringMatching(/^R\. K\. NDR-/) });
      const clash = (clashes: string, fields: Record<string, string>) => ({ ok: false, error: { code: 'appointments.clash', params: { clashes, day: TUESDAY }, fields } });
      const c = 'appointments.clash';
      expect(await t.call('appointments.book', t.booking(hawa, `${TUESDAY}T10:30`))).toEqual(clash('psychologist', { psychologistId: c }));
      expect(await t.call('appointments.book', t.booking(rose, `${TUESDAY}T10:15`, { psychologistId: t.psychologists.khadija }))).toEqual(clash('visitor', { visitorId: c }));
      expect(
        await t.call('appointments.book', t.booking(hawa, `${TUESDAY}T09:30`, { psychologistId: t.psychologists.khadija, interpreterLanguage: 'bm', interpreterId: t.interpreter.id })),
      ).toEqual(clash('interpreter', { interpreterId: c }));
      expect(await t.call('appointments.book', t.booking(hawa, `${TUESDAY}T10:00`, { psychologistId: t.psychologists.khadija, roomId: t.rooms[0] }))).toEqual(
        clash('room', { roomId: c }),
      );
      expect(await t.call('appointments.book', t.booking(rose, `${TUESDAY}T10:00`, { interpreterLanguage: 'bm', interpreterId: t.interpreter.id, roomId: t.rooms[0] }))).toEqual(
        clash('psychologist,visitor,interpreter,room', { psychologistId: c, visitorId: c, interpreterId: c, roomId: c }),
      );
      // Without a room asked for, the other room is taken; and a booking that ends as another starts does not clash.
      const [other] = await t.ok('appointments.book', t.booking(hawa, `${TUESDAY}T10:00`, { psychologistId: t.psychologists.khadija }));
      expect(other.roomId).toBe(t.rooms[1]);
      await t.ok('appointments.book', t.booking(awa, `${TUESDAY}T10:45`));
      // Both rooms held at 10:00: a third psychologist-free booking finds no room.
      const { db } = t.desk.requireSession();
      expect(db.prepare('SELECT count(*) AS n FROM appointments').get()).toEqual({ n: 3 });
      expect(db.prepare(`SELECT outcome, detail FROM audit WHERE action = 'appointments.book' ORDER BY id`).all()).toEqual([
        { outcome: 'success', detail: null },
        ...Array.from({ length: 5 }, () => ({ outcome: 'failure', detail: 'appointments.clash' })),
        { outcome: 'success', detail: null },
        { outcome: 'success', detail: null },
      ]);
    } finally {
      t.close();
    }
  });

  it('refuses outside hours without a reason, refuses a desk worker’s override, and takes a psychologist’s (audited)', async () => {
    const t = await scheduleDesk();
    try {
      const rose = await t.register();
      const outside = (day: string) => ({ ok: false, error: { code: 'appointments.outsideHours', params: { day }, fields: { startsAt: 'appointments.outsideHours' } } });
      // Her break, after her day, and Sunday.
      expect(await t.call('appointments.book', t.booking(rose, `${MONDAY}T12:15`))).toEqual(outside(MONDAY));
      expect(await t.call('appointments.book', t.booking(rose, `${MONDAY}T16:30`))).toEqual(outside(MONDAY));
      expect(await t.call('appointments.book', t.booking(rose, '2026-12-06T10:00'))).toEqual(outside('2026-12-06'));
      expect(await t.call('appointments.book', t.booking(rose, `${MONDAY}T18:00`, { overrideReason: 'She works until five' }))).toEqual({
        ok: false,
        error: { code: 'appointments.outsideHours', params: { day: MONDAY }, fields: { overrideReason: 'appointments.overrideNotAllowed' } },
      });
      await t.as('psychologist');
      const [booked] = await t.ok('appointments.book', t.booking(rose, `${MONDAY}T18:00`, { overrideReason: 'She works until five' }));
      expect(booked.overrideReason).toBe('She works until five');
      const { db } = t.desk.requireSession();
      expect(db.prepare(`SELECT detail FROM audit WHERE action = 'appointments.book' AND outcome = 'success'`).all()).toEqual([{ detail: 'appointments.outsideHours' }]);
    } finally {
      t.close();
    }
  });

  it('refuses a day on leave, a place closed and a public holiday, and keeps different hours', async () => {
    const t = await scheduleDesk();
    try {
      const rose = await t.register();
      await t.as('admin');
      await t.ok('availability.addException', { owner: { userId: t.psychologists.salma }, kind: 'leave', day: MONDAY });
      await t.ok('availability.addException', { kind: 'placeClosed', placeId: t.place.id, day: TUESDAY });
      await t.ok('availability.addException', { kind: 'publicHoliday', day: '2026-12-02' });
      await t.ok('availability.addException', { owner: { userId: t.psychologists.salma }, kind: 'differentHours', day: '2026-12-03', starts: '14:00', ends: '16:00' });
      await t.as('desk');
      for (const day of [MONDAY, TUESDAY, '2026-12-02']) {
        expect((await t.call('appointments.book', t.booking(rose, `${day}T10:00`))).ok, day).toBe(false);
      }
      expect(await t.call('appointments.book', t.booking(rose, '2026-12-03T10:00'))).toMatchObject({ ok: false, error: { code: 'appointments.outsideHours' } });
      await t.ok('appointments.book', t.booking(rose, '2026-12-03T14:00'));
      // Khadija is not on leave: only the place's closed day and the holiday stop her.
      await t.ok('appointments.book', t.booking(rose, `${MONDAY}T10:00`, { psychologistId: t.psychologists.khadija }));
    } finally {
      t.close();
    }
  });

  it('refuses the past, zero, negative and over-a-day durations; a walk-in is the psychologist’s own, after the fact', async () => {
    const t = await scheduleDesk();
    try {
      const rose = await t.register();
      // The desk's clock says Sunday 29 November, 10:00 in Casablanca; Friday is in the past.
      t.clock.current = new Date('2026-11-30T10:00:00.000Z');
      expect(await t.call('appointments.book', t.booking(rose, `${MONDAY}T10:45`))).toEqual({
        ok: false,
        error: { code: 'appointments.inPast', fields: { startsAt: 'appointments.inPast' } },
      });
      for (const [minutes, code] of [
        [0, 'appointments.durationTooShort'],
        [-30, 'appointments.durationTooShort'],
        [24 * 60 + 1, 'appointments.durationTooLong'],
      ] as const) {
        expect(await t.call('appointments.book', t.booking(rose, `${TUESDAY}T10:00`, { minutes }))).toEqual({
          ok: false,
          error: { code: 'call.invalidInput', fields: { minutes: code } },
        });
      }
      const walkIn = { visitorId: rose, psychologistId: t.psychologists.salma, placeId: t.place.id, startsAt: `${MONDAY}T10:15`, minutes: 30, kindId: t.followUp };
      expect(await t.call('appointments.recordWalkIn', walkIn)).toEqual({ ok: false, error: { code: 'call.forbidden' } });
      await t.as('psychologist');
      const done = await t.ok('appointments.recordWalkIn', walkIn);
      expect(done).toMatchObject({ status: 'done', walkIn: true, startsAt: `${MONDAY}T09:15:00.000Z` });
      expect(await t.call('appointments.recordWalkIn', { ...walkIn, startsAt: `${MONDAY}T12:00` })).toMatchObject({ ok: false, error: { code: 'appointments.notInPast' } });
      expect(await t.call('appointments.recordWalkIn', { ...walkIn, psychologistId: t.psychologists.khadija })).toMatchObject({
        ok: false,
        error: { code: 'appointments.notYours' },
      });
    } finally {
      t.close();
    }
  });

  it('refuses an anonymised visitor, and a disabled psychologist whose appointments are listed for reassignment', async () => {
    const t = await scheduleDesk();
    try {
      const rose = await t.register();
      const hawa = await t.register({ firstName: 'Hawa' });
      const [kept] = await t.ok('appointments.book', t.booking(hawa, `${TUESDAY}T10:00`, { psychologistId: t.psychologists.khadija }));
      await t.as('admin');
      await t.ok('visitors.anonymise', { id: rose });
      await t.ok('users.disable', { id: t.psychologists.khadija });
      expect((await t.ok('appointments.toReassign', {})).map((a) => a.id)).toEqual([kept.id]);
      await t.as('desk');
      expect(await t.call('appointments.book', t.booking(rose, `${TUESDAY}T11:00`))).toEqual({ ok: false, error: { code: 'visitors.anonymised' } });
      expect(await t.call('appointments.book', t.booking(hawa, `${TUESDAY}T14:00`, { psychologistId: t.psychologists.khadija }))).toMatchObject({
        ok: false,
        error: { code: 'appointments.psychologistDisabled' },
      });
      const moved = await t.ok('appointments.reschedule', {
        id: kept.id,
        startsAt: `${TUESDAY}T10:00`,
        minutes: 45,
        psychologistId: t.psychologists.salma,
        reason: 'Khadija has left the unit',
      });
      expect(moved.psychologistId).toBe(t.psychologists.salma);
      const detail = await t.ok('appointments.get', { id: kept.id });
      expect(detail.history.map((e) => [e.kind, e.oldPsychologistName, e.reason])).toEqual([
        ['created', null, null],
        ['reassigned', 'Khadija (psychologist)', 'Khadija has left the unit'],
      ]);
      expect(await t.ok('appointments.toReassign', {})).toEqual([]);
    } finally {
      t.close();
    }
  });
});

describe('the life of an appointment', () => {
  it('follows the allowed statuses only, counts no-shows, and marks a cancellation under 24 hours late', async () => {
    const t = await scheduleDesk();
    try {
      const rose = await t.register();
      const [a, b, c, d] = [
        ...(await t.ok('appointments.book', t.booking(rose, `${MONDAY}T10:00`))),
        ...(await t.ok('appointments.book', t.booking(rose, `${TUESDAY}T10:00`))),
        ...(await t.ok('appointments.book', t.booking(rose, '2026-12-02T10:00'))),
        ...(await t.ok('appointments.book', t.booking(rose, '2026-12-03T10:00'))),
      ];
      await t.ok('appointments.setStatus', { id: a.id, status: 'arrived' });
      const done = await t.ok('appointments.setStatus', { id: a.id, status: 'done' });
      expect(done.status).toBe('done');
      expect(await t.call('appointments.setStatus', { id: a.id, status: 'scheduled' })).toEqual({
        ok: false,
        error: { code: 'appointments.transitionNotAllowed', params: { from: 'done', to: 'scheduled' } },
      });
      expect(await t.call('appointments.setStatus', { id: b.id, status: 'done' })).toMatchObject({ ok: false, error: { code: 'appointments.transitionNotAllowed' } });
      expect(await t.call('appointments.setStatus', { id: b.id, status: 'cancelled', cancelledBy: 'visitor' })).toMatchObject({
        ok: false,
        error: { code: 'call.invalidInput', fields: { reason: 'required' } },
      });
      // Sunday 10:00: Monday 10:00 is 24 hours away, Tuesday more. At Monday 11:00, Tuesday 10:00 is 23 hours away.
      const early = await t.ok('appointments.setStatus', { id: c.id, status: 'cancelled', cancelledBy: 'visitor', reason: 'Moving to Oujda' });
      expect(early).toMatchObject({ status: 'cancelled', cancelledBy: 'visitor', lateCancellation: false });
      t.clock.current = new Date('2026-11-30T10:00:00.000Z');
      const late = await t.ok('appointments.setStatus', { id: b.id, status: 'cancelled', cancelledBy: 'unit', reason: 'Psychologist ill' });
      expect(late).toMatchObject({ cancelledBy: 'unit', lateCancellation: true });
      t.clock.current = new Date('2026-12-03T12:00:00.000Z');
      const noShow = await t.ok('appointments.setStatus', { id: d.id, status: 'noShow' });
      expect(noShow.visitorNoShows).toBe(1);
      const history = (await t.ok('appointments.get', { id: b.id })).history;
      expect(history.map((e) => [e.kind, e.fromStatus, e.toStatus, e.reason, e.by])).toEqual([
        ['created', null, 'scheduled', null, t.staff.desk.login],
        ['status', 'scheduled', 'cancelled', 'Psychologist ill', t.staff.desk.login],
      ]);
    } finally {
      t.close();
    }
  });

  it('moves an appointment and keeps its old time, who moved it and why', async () => {
    const t = await scheduleDesk();
    try {
      const rose = await t.register();
      const hawa = await t.register({ firstName: 'Hawa' });
      const [a] = await t.ok('appointments.book', t.booking(rose, `${MONDAY}T10:00`));
      await t.ok('appointments.book', t.booking(hawa, `${TUESDAY}T14:00`));
      expect(await t.call('appointments.reschedule', { id: a.id, startsAt: `${TUESDAY}T14:30`, minutes: 45, reason: 'Her hearing' })).toMatchObject({
        ok: false,
        error: { code: 'appointments.clash', params: { clashes: 'psychologist' } },
      });
      const moved = await t.ok('appointments.reschedule', { id: a.id, startsAt: `${TUESDAY}T15:00`, minutes: 60, reason: 'Her hearing at the prefecture' });
      expect(moved).toMatchObject({ id: a.id, startsAt: `${TUESDAY}T14:00:00.000Z`, endsAt: `${TUESDAY}T15:00:00.000Z`, status: 'scheduled' });
      const [created, move] = (await t.ok('appointments.get', { id: a.id })).history;
      expect(created.kind).toBe('created');
      expect(move).toMatchObject({ kind: 'moved', oldStartsAt: `${MONDAY}T09:00:00.000Z`, oldEndsAt: `${MONDAY}T09:45:00.000Z`, reason: 'Her hearing at the prefecture', by: t.staff.desk.login });
      const { db } = t.desk.requireSession();
      expect(db.prepare('SELECT count(*) AS n FROM appointments').get()).toEqual({ n: 2 });
    } finally {
      t.close();
    }
  });
});
