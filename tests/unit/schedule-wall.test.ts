import { tzScan } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { scheduleDesk } from '../support/schedule';
import { loginAs, TestClock } from '../support/desk';

/**
 * Main is the one clock of the schedule: every view, free slot, history entry and card
 * carries its wall-clock times, read with Node's zone data, and "today" comes from main
 * (the screens never convert an instant). Around Morocco's Ramadan hour of 2026 (asked of
 * the library, not written here) and in December.
 */
const ZONE = 'Africa/Casablanca';
const [toRamadan, fromRamadan] = tzScan(ZONE, { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') });

describe('the schedule on main’s wall clock', () => {
  it('gives every view, slot, history entry and card its wall-clock times: 10:00 stays 10:00 across both Ramadan changes', async () => {
    // The Monday of the week before Ramadan begins, 09:00 on the desk's clock (UTC+1).
    const t = await scheduleDesk(new TestClock(new Date('2026-02-09T08:00:00.000Z')));
    try {
      expect(toRamadan.date.toISOString()).toBe('2026-02-15T02:00:00.000Z');
      expect(fromRamadan.date.toISOString()).toBe('2026-03-22T02:00:00.000Z');
      expect(await t.ok('appointments.clock', {})).toEqual({ today: '2026-02-09', now: '2026-02-09T09:00' });

      const rose = await t.register();
      // Fridays from 13 February (UTC+1) through Ramadan (UTC+0) to 27 March (UTC+1 again).
      const series = await t.ok('appointments.book', t.booking(rose, '2026-02-13T10:00', { repeat: { rule: 'weekly', count: 7 } }));
      expect(series.map((a) => [a.startsWall, a.endsWall])).toEqual(
        ['02-13', '02-20', '02-27', '03-06', '03-13', '03-20', '03-27'].map((d) => [`2026-${d}T10:00`, `2026-${d}T10:45`]),
      );
      // The instants differ by the hour the clock moved; the wall clock does not.
      expect(series.map((a) => a.startsAt.slice(11, 16))).toEqual(['09:00', '10:00', '10:00', '10:00', '10:00', '10:00', '09:00']);

      const week = await t.ok('appointments.range', { from: '2026-03-16', to: '2026-03-29' });
      expect(week.map((a) => a.startsWall)).toEqual(['2026-03-20T10:00', '2026-03-27T10:00']);
      expect((await t.ok('appointments.ofVisitor', { visitorId: rose })).map((a) => a.startsWall)).toEqual(series.map((a) => a.startsWall).reverse());

      // The free slots of a Ramadan Monday start at 09:00 on the wall clock, 09:00 UTC.
      const hawa = await t.register({ firstName: 'Hawa' });
      const [slot] = await t.ok('appointments.findSlots', { visitorId: hawa, kindId: t.followUp, placeId: t.place.id, from: '2026-02-16T00:00', limit: 1 });
      expect(slot).toMatchObject({ startsWall: '2026-02-16T09:00', endsWall: '2026-02-16T09:45', startsAt: '2026-02-16T09:00:00.000Z' });

      // A move keeps the old time, on the wall clock too, and when it was made.
      t.clock.advance(7 * 86_400_000);
      expect(await t.ok('appointments.clock', {})).toEqual({ today: '2026-02-16', now: '2026-02-16T08:00' });
      await t.ok('appointments.reschedule', { id: series[1].id, startsAt: '2026-02-20T14:00', minutes: 45, reason: 'Her hearing' });
      const move = (await t.ok('appointments.get', { id: series[1].id })).history.find((e) => e.kind === 'moved');
      expect(move).toMatchObject({ oldStartsWall: '2026-02-20T10:00', oldEndsWall: '2026-02-20T10:45', atWall: '2026-02-16T08:00' });

      expect((await t.ok('appointments.card', { id: series[6].id, language: 'fr' })).startsWall).toBe('2026-03-27T10:00');
    } finally {
      t.close();
    }
  });

  it('reads December on Node’s zone data (UTC+1), where the test browser’s would say UTC+0', async () => {
    const t = await scheduleDesk();
    try {
      // The test clock: 29 November 2026, 09:00 UTC, 10:00 in Nador.
      expect(await t.ok('appointments.clock', {})).toEqual({ today: '2026-11-29', now: '2026-11-29T10:00' });
      const rose = await t.register();
      const [a] = await t.ok('appointments.book', t.booking(rose, '2026-12-01T10:00'));
      expect(a).toMatchObject({ startsAt: '2026-12-01T09:00:00.000Z', startsWall: '2026-12-01T10:00', endsWall: '2026-12-01T10:45' });
      expect((await t.ok('appointments.range', { from: '2026-12-01', to: '2026-12-01' })).map((x) => x.startsWall)).toEqual(['2026-12-01T10:00']);
    } finally {
      t.close();
    }
  });
});

describe('the appointment card', () => {
  it('is a read when made, and recorded as printed only once printed, with its language', async () => {
    const t = await scheduleDesk();
    try {
      const rose = await t.register();
      const [a] = await t.ok('appointments.book', t.booking(rose, '2026-12-01T10:00'));
      await t.ok('appointments.card', { id: a.id, language: 'fr' });
      await t.ok('appointments.card', { id: a.id, language: 'ar' });
      expect(await t.ok('appointments.cardPrinted', { id: a.id, language: 'ar' })).toBeNull();
      expect(await t.call('appointments.cardPrinted', { id: a.id + 100, language: 'fr' })).toEqual({ ok: false, error: { code: 'appointments.notFound' } });
      expect(await t.call('appointments.cardPrinted', { id: a.id, language: 'de' } as never)).toMatchObject({
        ok: false,
        error: { code: 'call.invalidInput', fields: { language: 'required' } },
      });
      // An administrator makes no card and prints none: refused, and the refusal audited.
      t.desk.lock('button');
      await loginAs(t, t.staff.admin);
      expect(await t.call('appointments.cardPrinted', { id: a.id, language: 'fr' })).toEqual({ ok: false, error: { code: 'call.forbidden' } });
      const entries = (await t.ok('audit.list', { limit: 50 })).entries.filter((e) => e.action.startsWith('appointments.card')).reverse();
      expect(entries.map((e) => [e.action, e.userLogin, e.entityId, e.outcome, e.detail])).toEqual([
        ['appointments.card', t.staff.desk.login, String(a.id), 'success', 'fr'],
        ['appointments.card', t.staff.desk.login, String(a.id), 'success', 'ar'],
        ['appointments.cardPrinted', t.staff.desk.login, String(a.id), 'success', 'ar'],
        ['appointments.cardPrinted', t.staff.desk.login, String(a.id + 100), 'failure', 'appointments.notFound'],
        ['appointments.cardPrinted', t.staff.admin.login, null, 'refused', 'call.forbidden'],
      ]);
    } finally {
      t.close();
    }
  });
});
