import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../main/core/db/database';
import { seedActivities, type ActivitiesSeedResult } from '../../main/core/activities/seed';
import { seedVisitors } from '../../main/core/visitors/seed';
import { deskWithStaff, loginAs } from '../support/desk';

const ZONE = 'Africa/Casablanca';
/** Two thousand visitors: twice the seed sheet's year. */
const VISITORS = 2000;

async function seededDesk(seed: number) {
  const t = await deskWithStaff();
  await loginAs(t, t.staff.admin);
  const { db } = t.desk.requireSession();
  const now = t.clock.now();
  seedVisitors(db, { visitors: VISITORS, seed, actorId: t.staff.admin.id, prefix: 'NDR', now });
  const made = seedActivities(db, { seed, actorId: t.staff.admin.id, now, timeZone: ZONE });
  return { ...t, db, made, now };
}

type Seeded = Awaited<ReturnType<typeof seededDesk>>;

const rows = <T>(db: Db, sql: string, ...params: unknown[]): T[] => db.prepare(sql).all(...params) as T[];
const TABLES = ['activities', 'activity_sessions', 'activity_session_events', 'enrolments', 'attendance', 'events', 'event_headcounts', 'event_participants'];
const dump = (db: Db) => Object.fromEntries(TABLES.map((table) => [table, rows(db, `SELECT * FROM ${table} ORDER BY 1, 2`)]));
const counts = (made: ActivitiesSeedResult) => ({ ...made, seeded: undefined });

describe('the seeded activities', () => {
  let t: Seeded;
  beforeAll(async () => {
    t = await seededDesk(5);
  });
  afterAll(() => t.close());

  it('gives the same rows for the same seed, and others for another', async () => {
    const again = await seededDesk(5);
    const other = await seededDesk(6);
    try {
      expect(dump(again.db)).toEqual(dump(t.db));
      expect(counts(again.made)).toEqual(counts(t.made));
      expect(dump(other.db).enrolments).not.toEqual(dump(t.db).enrolments);
    } finally {
      again.close();
      other.close();
    }
  });

  it("makes the sheet's year for each thousand visitors: 30 Darija workshops, a coaching cycle of 12 and a health session, with their sessions", () => {
    expect(t.made.activities).toEqual({ darija: 4, coaching: 2, healthInfo: 2 });
    const byKind = Object.fromEntries(
      rows<{ key: string; n: number }>(t.db, 'SELECT k.key, count(*) AS n FROM activity_sessions s JOIN activities a ON a.id = s.activity_id JOIN activity_kinds k ON k.id = a.kind_id GROUP BY k.key').map((r) => [r.key, r.n]),
    );
    expect(byKind).toEqual({ darija: 60, coaching: 24, healthInfo: 2 });
    expect(t.made.sessions).toBe(86);
    // Every session has its `created` event; the cancelled and moved ones their own, with a reason.
    const events = rows<{ kind: string; n: number }>(t.db, 'SELECT kind, count(*) AS n FROM activity_session_events GROUP BY kind');
    expect(Object.fromEntries(events.map((e) => [e.kind, e.n]))).toMatchObject({ created: 86 });
    const cancelled = rows<{ cancel_reason: string | null; reason: string | null }>(
      t.db,
      "SELECT s.cancel_reason, e.reason FROM activity_sessions s JOIN activity_session_events e ON e.session_id = s.id AND e.kind = 'cancelled'",
    );
    expect(cancelled.length).toBe(t.made.cancelledSessions);
    expect(rows(t.db, 'SELECT id FROM activity_sessions WHERE cancelled_at IS NOT NULL').length).toBe(t.made.cancelledSessions);
    for (const c of cancelled) expect(c.cancel_reason && c.cancel_reason === c.reason).toBeTruthy();
  });

  it('never enrols more than the capacity, nor anyone in two activities at the same hours', () => {
    const over = rows(
      t.db,
      'SELECT a.id FROM activities a JOIN enrolments e ON e.activity_id = a.id GROUP BY a.id HAVING count(*) > a.capacity',
    );
    expect(over).toEqual([]);
    const twice = rows(
      t.db,
      `SELECT s1.id FROM attendance x1 JOIN activity_sessions s1 ON s1.id = x1.session_id
       JOIN attendance x2 ON x2.visitor_id = x1.visitor_id AND x2.session_id > x1.session_id
       JOIN activity_sessions s2 ON s2.id = x2.session_id
       WHERE s1.starts_at < s2.ends_at AND s2.starts_at < s1.ends_at`,
    );
    expect(twice).toEqual([]);
    expect(t.made.enrolments).toBe(rows(t.db, 'SELECT 1 FROM enrolments').length);
    // Mothers first: most learners are women.
    const women = rows<{ share: number }>(t.db, "SELECT avg(v.sex = 'female') AS share FROM enrolments e JOIN visitors v ON v.id = e.visitor_id")[0].share;
    expect(women).toBeGreaterThan(0.85);
  });

  it('records attendance only for visitors enrolled at the time of a past session held, present most, some absent, a few excused', () => {
    const stray = rows(
      t.db,
      `SELECT x.session_id FROM attendance x JOIN activity_sessions s ON s.id = x.session_id
       LEFT JOIN enrolments e ON e.activity_id = s.activity_id AND e.visitor_id = x.visitor_id
         AND e.enrolled_at <= s.starts_at AND (e.withdrawn_at IS NULL OR e.withdrawn_at > s.starts_at)
       WHERE e.id IS NULL OR s.cancelled_at IS NOT NULL OR s.ends_at > ?`,
      t.now.toISOString(),
    );
    expect(stray).toEqual([]);
    const { present, absent, excused } = t.made.attendance;
    const all = present + absent + excused;
    expect(all).toBe(rows(t.db, 'SELECT 1 FROM attendance').length);
    expect(present / all).toBeGreaterThan(0.65);
    expect(present / all).toBeLessThan(0.9);
    expect(absent).toBeGreaterThan(excused);
    expect(excused).toBeGreaterThan(0);
    // Every past session held has its roll call; none still to come has one.
    const missing = rows(
      t.db,
      `SELECT s.id FROM activity_sessions s WHERE s.cancelled_at IS NULL AND s.ends_at <= ?
         AND EXISTS (SELECT 1 FROM enrolments e WHERE e.activity_id = s.activity_id AND e.enrolled_at <= s.starts_at AND (e.withdrawn_at IS NULL OR e.withdrawn_at > s.starts_at))
         AND NOT EXISTS (SELECT 1 FROM attendance x WHERE x.session_id = s.id)`,
      t.now.toISOString(),
    );
    expect(missing).toEqual([]);
  });

  it("holds the year's events: three multi-actor days with 85 participants by category, registered visitors who took part", () => {
    const days = rows<{ id: number; total: number }>(
      t.db,
      "SELECT e.id, sum(h.count) AS total FROM events e JOIN event_headcounts h ON h.event_id = e.id WHERE e.kind = 'multiActorDay' GROUP BY e.id",
    );
    expect(days.length).toBe(3);
    expect(days.reduce((sum, d) => sum + d.total, 0)).toBe(85);
    expect(rows(t.db, 'SELECT 1 FROM event_headcounts').length).toBe(t.made.events * 5);
    expect(t.made.eventParticipants).toBe(rows(t.db, 'SELECT 1 FROM event_participants').length);
    expect(t.made.eventParticipants).toBeGreaterThan(10);
    const before = rows(t.db, 'SELECT 1 FROM event_participants p JOIN events e ON e.id = p.event_id JOIN visitors v ON v.id = p.visitor_id WHERE substr(v.created_at, 1, 10) > e.day');
    expect(before).toEqual([]);
  });
});
