import { describe, expect, it } from 'vitest';
import { scheduleDesk } from '../support/schedule';

const TUESDAY = '2026-12-01';

describe('reassigning a disabled psychologist\'s appointments', () => {
  it('moves one to another psychologist through the full clash check, keeps the old psychologist and time in its history, and lets an administrator read the list but not move', async () => {
    const t = await scheduleDesk();
    try {
      const rose = await t.register();
      const hawa = await t.register({ firstName: 'Hawa' });
      const [hers] = await t.ok('appointments.book', t.booking(rose, `${TUESDAY}T10:00`, { psychologistId: t.psychologists.khadija }));
      await t.ok('appointments.book', t.booking(hawa, `${TUESDAY}T10:00`, { psychologistId: t.psychologists.salma }));
      await t.as('admin');
      await t.ok('users.disable', { id: t.psychologists.khadija });
      expect((await t.ok('appointments.toReassign', {})).map((a) => a.id)).toEqual([hers.id]);
      // The administrator sees what waits, but booking and moving are the desk's and the psychologists' (the screens offer her no Move).
      const move = { id: hers.id, startsAt: `${TUESDAY}T10:00`, minutes: 45, psychologistId: t.psychologists.salma, reason: 'Khadija a quitté le service' };
      expect(await t.call('appointments.reschedule', move)).toEqual({ ok: false, error: { code: 'call.forbidden' } });

      await t.as('desk');
      // Salma is busy at 10:00: the same clash a booking gets, on the psychologist field, and nothing moves.
      expect(await t.call('appointments.reschedule', move)).toEqual({
        ok: false,
        error: { code: 'appointments.clash', params: { clashes: 'psychologist', day: TUESDAY }, fields: { psychologistId: 'appointments.clash' } },
      });
      // Left with her disabled psychologist, the move is refused on that field.
      expect(await t.call('appointments.reschedule', { ...move, psychologistId: null, startsAt: `${TUESDAY}T11:00` })).toMatchObject({
        ok: false,
        error: { code: 'appointments.psychologistDisabled', fields: { psychologistId: 'required' } },
      });
      const untouched = await t.ok('appointments.get', { id: hers.id });
      expect([untouched.psychologistId, untouched.startsAt, untouched.history.map((e) => e.kind)]).toEqual([t.psychologists.khadija, hers.startsAt, ['created']]);

      const moved = await t.ok('appointments.reschedule', { ...move, startsAt: `${TUESDAY}T11:00` });
      expect([moved.psychologistId, moved.startsAt]).toEqual([t.psychologists.salma, `${TUESDAY}T10:00:00.000Z`]);
      const detail = await t.ok('appointments.get', { id: hers.id });
      expect(detail.history.map((e) => [e.kind, e.oldPsychologistName, e.oldStartsAt, e.reason])).toEqual([
        ['created', null, null, null],
        ['reassigned', 'Khadija (psychologist)', hers.startsAt, 'Khadija a quitté le service'],
      ]);
      expect(await t.ok('appointments.toReassign', {})).toEqual([]);
    } finally {
      t.close();
    }
  });
});
