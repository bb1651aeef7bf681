import { describe, expect, it } from 'vitest';
import { seedSchedule } from '../../main/core/appointments/seed';
import { seedVisitors } from '../../main/core/visitors/seed';
import { deskWithStaff, loginAs } from '../support/desk';

describe('the seeded schedule', () => {
  it('gives a year of appointments with realistic statuses, never two at once for a psychologist or a room', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.admin);
      const { db } = t.desk.requireSession();
      const now = t.clock.now();
      seedVisitors(db, { visitors: 200, seed: 3, actorId: t.staff.admin.id, prefix: 'NDR', now });
      const made = seedSchedule(db, { seed: 3, actorId: t.staff.admin.id, appointments: 1500, psychologists: 3, now, timeZone: 'Africa/Casablanca' });
      expect(made).toEqual({ psychologists: 3, interpreters: 3, appointments: 1500 });
      const statuses = Object.fromEntries(
        (db.prepare('SELECT status, count(*) AS n FROM appointments GROUP BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]),
      );
      expect(Object.keys(statuses).sort()).toEqual(['cancelled', 'done', 'leftWithoutSession', 'noShow', 'scheduled']);
      expect(statuses.done).toBeGreaterThan(statuses.noShow);
      const overlaps = (column: string) =>
        db
          .prepare(
            `SELECT count(*) AS n FROM appointments a JOIN appointments b ON a.${column} = b.${column} AND a.id < b.id
             WHERE a.starts_at < b.ends_at AND b.starts_at < a.ends_at`,
          )
          .get();
      expect(overlaps('psychologist_id')).toEqual({ n: 0 });
      expect(overlaps('room_id')).toEqual({ n: 0 });
      // The views read them: a week of the seeded schedule, through the router.
      expect((await t.ok('appointments.range', { from: '2026-11-23', to: '2026-11-29' })).length).toBeGreaterThan(0);
    } finally {
      t.close();
    }
  });
});
