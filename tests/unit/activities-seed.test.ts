import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../main/core/db/database';
import { seedActivities, type ActivitiesSeedResult } from '../../main/core/activities/seed';
import { seedChildcare } from '../../main/core/childcare/seed';
import { seedVisitors } from '../../main/core/visitors/seed';
import { calendarDateIn } from '../../shared/domain/calendar';
import { ageInMonthsOn, HOLDING_BOOKING_STATUSES, isAgeInRange, isWellFormedPickupCode, type AgeUnit } from '../../shared/domain/childcare';
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
  const childcare = seedChildcare(db, { seed, actorId: t.staff.admin.id, now, timeZone: ZONE, activities: made.seeded });
  return { ...t, db, made, childcare, now };
}

type Seeded = Awaited<ReturnType<typeof seededDesk>>;

const rows = <T>(db: Db, sql: string, ...params: unknown[]): T[] => db.prepare(sql).all(...params) as T[];
const TABLES = [
  'activities', 'activity_sessions', 'activity_session_events', 'enrolments', 'attendance', 'events', 'event_headcounts', 'event_participants',
  'children', 'child_adults', 'childcare_slots', 'childcare_ratios', 'childcare_bookings',
];
const dump = (db: Db) => Object.fromEntries(TABLES.map((table) => [table, rows(db, `SELECT * FROM ${table} ORDER BY 1, 2`)]));
const counts = (made: ActivitiesSeedResult) => ({ ...made, seeded: undefined });

describe('the seeded activities', () => {
  let t: Seeded;
  beforeAll(async () => {
    t = await seededDesk(5);
  }, 120_000);
  afterAll(() => t.close());

  it('gives the same rows for the same seed, and others for another', async () => {
    const again = await seededDesk(5);
    const other = await seededDesk(6);
    try {
      expect(dump(again.db)).toEqual(dump(t.db));
      expect(counts(again.made)).toEqual(counts(t.made));
      expect(again.childcare).toEqual(t.childcare);
      expect(dump(other.db).enrolments).not.toEqual(dump(t.db).enrolments);
    } finally {
      again.close();
      other.close();
    }
  }, 180_000);

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

  it('records children under mothers, most 0–6 years, a few allergies, another authorised adult for some', () => {
    const c = t.childcare;
    expect(c.children).toBe(rows(t.db, 'SELECT 1 FROM children').length);
    expect(c.children).toBeGreaterThan(c.mothers);
    const mothers = rows<{ sex: string }>(t.db, 'SELECT DISTINCT v.id, v.sex FROM children c JOIN visitors v ON v.id = c.mother_id');
    expect(new Set(mothers.map((m) => m.sex))).toEqual(new Set(['female']));
    const today = calendarDateIn(ZONE, t.now);
    const ages = rows<{ birth_date: string | null; age_years: number | null; age_given_on: string | null; created_at: string }>(t.db, 'SELECT birth_date, age_years, age_given_on, created_at FROM children').map(
      (r) => ageInMonthsOn({ birthDate: r.birth_date, ageYears: r.age_years, ageGivenOn: r.age_given_on }, today) / 12,
    );
    expect(ages.filter((a) => a < 7).length / ages.length).toBeGreaterThan(0.8);
    expect(c.withAllergies).toBeGreaterThan(0);
    expect(c.withAllergies / c.children).toBeLessThan(0.2);
    expect(c.otherAdults).toBeGreaterThan(0);
    // Never recorded before she was born.
    expect(rows(t.db, 'SELECT id FROM children WHERE birth_date IS NOT NULL AND birth_date > substr(created_at, 1, 10)')).toEqual([]);
  });

  it("books children into their session's slots, never over capacity and never outside the slot's age range, the others waitlisted and some offered a freed place", () => {
    const holding = HOLDING_BOOKING_STATUSES.map((s) => `'${s}'`).join(', ');
    expect(rows(t.db, `SELECT s.id FROM childcare_slots s JOIN childcare_bookings b ON b.slot_id = s.id AND b.status IN (${holding}) GROUP BY s.id HAVING count(*) > s.capacity`)).toEqual([]);
    const booked = rows<{ starts_at: string; age_unit: AgeUnit; min_age: number; max_age: number; birth_date: string | null; age_years: number | null; age_given_on: string | null }>(
      t.db,
      `SELECT x.starts_at, s.age_unit, s.min_age, s.max_age, c.birth_date, c.age_years, c.age_given_on
       FROM childcare_bookings b JOIN childcare_slots s ON s.id = b.slot_id JOIN activity_sessions x ON x.id = s.session_id JOIN children c ON c.id = b.child_id`,
    );
    expect(booked.length).toBeGreaterThan(50);
    for (const b of booked) {
      const months = ageInMonthsOn({ birthDate: b.birth_date, ageYears: b.age_years, ageGivenOn: b.age_given_on }, calendarDateIn(ZONE, new Date(b.starts_at)));
      expect(isAgeInRange(months, { ageUnit: b.age_unit, minAge: b.min_age, maxAge: b.max_age })).toBe(true);
    }
    // Her mother was enrolled in the session's activity when it took place.
    const strays = rows(
      t.db,
      `SELECT b.id FROM childcare_bookings b JOIN childcare_slots s ON s.id = b.slot_id JOIN activity_sessions x ON x.id = s.session_id JOIN children c ON c.id = b.child_id
       LEFT JOIN enrolments e ON e.activity_id = x.activity_id AND e.visitor_id = c.mother_id AND e.enrolled_at <= x.starts_at AND (e.withdrawn_at IS NULL OR e.withdrawn_at > x.starts_at)
       WHERE e.id IS NULL OR b.requested_at >= x.starts_at`,
    );
    expect(strays).toEqual([]);
    const statuses = t.childcare.bookings;
    expect(statuses.waitlisted).toBeGreaterThan(0);
    expect(statuses.pickedUp).toBeGreaterThan(statuses.cancelled);
    expect(statuses.offered + statuses.declined + statuses.expired).toBeGreaterThan(0);
    expect(rows(t.db, "SELECT id FROM childcare_bookings WHERE offered_at IS NOT NULL AND (offered_until IS NULL OR offered_until <= offered_at)")).toEqual([]);
  });

  it('gives every child checked in a valid pick-up code, unique for the day, and hands her back only to her mother, an adult on her list, or on an override with its reason', () => {
    const codes = rows<{ status: string; pickup_code: string | null; code_day: string | null }>(t.db, "SELECT status, pickup_code, code_day FROM childcare_bookings WHERE status IN ('checkedIn', 'pickedUp') OR pickup_code IS NOT NULL");
    expect(codes.length).toBeGreaterThan(0);
    for (const c of codes) {
      expect(['checkedIn', 'pickedUp']).toContain(c.status);
      expect(isWellFormedPickupCode(c.pickup_code ?? '')).toBe(true);
    }
    expect(new Set(codes.map((c) => `${c.code_day}:${c.pickup_code}`)).size).toBe(codes.length);
    const pickUps = rows<{ collector: string; collector_adult_id: number | null; adult_child: number | null; child_id: number; override_reason: string | null; picked_up_at: string; checked_in_at: string }>(
      t.db,
      `SELECT b.collector, b.collector_adult_id, a.child_id AS adult_child, b.child_id, b.override_reason, b.picked_up_at, b.checked_in_at
       FROM childcare_bookings b LEFT JOIN child_adults a ON a.id = b.collector_adult_id AND a.removed_at IS NULL WHERE b.status = 'pickedUp'`,
    );
    expect(pickUps.length).toBe(t.childcare.bookings.pickedUp);
    for (const p of pickUps) {
      expect(p.picked_up_at > p.checked_in_at).toBe(true);
      if (p.collector === 'mother') expect(p.collector_adult_id).toBeNull();
      else if (p.collector === 'authorised') expect(p.adult_child).toBe(p.child_id);
      else expect(p.override_reason).toBeTruthy();
    }
    expect(t.childcare.pickUps.authorised).toBeGreaterThan(0);
  });

  // Last: it logs the desk worker in.
  it("is read by the app's own calls: a past session's roll call, and the childcare board of its day with the children checked in and out", async () => {
    const [session] = rows<{ id: number; starts_at: string }>(
      t.db,
      `SELECT s.id, s.starts_at FROM activity_sessions s JOIN childcare_slots c ON c.session_id = s.id JOIN childcare_bookings b ON b.slot_id = c.id AND b.status = 'pickedUp'
       ORDER BY s.starts_at DESC LIMIT 1`,
    );
    const day = calendarDateIn(ZONE, new Date(session.starts_at));
    // The roll call lists those enrolled now; a withdrawn learner's past marks stay hers, off the list.
    const marked = rows(
      t.db,
      'SELECT 1 FROM attendance x JOIN activity_sessions s ON s.id = x.session_id JOIN enrolments e ON e.activity_id = s.activity_id AND e.visitor_id = x.visitor_id WHERE x.session_id = ? AND e.withdrawn_at IS NULL',
      session.id,
    ).length;
    const slotsThatDay = rows<{ id: number }>(t.db, 'SELECT c.id FROM childcare_slots c JOIN activity_sessions s ON s.id = c.session_id WHERE s.starts_at BETWEEN ? AND ?', `${day}T00:00`, `${day}T23:59`);
    t.desk.lock('button');
    await loginAs(t, t.staff.desk);
    const roll = await t.ok('activities.rollCall', { sessionId: session.id });
    expect(roll.rows.filter((r) => r.status !== null).length).toBe(marked);
    expect(marked).toBeGreaterThan(0);
    const board = await t.ok('childcare.board', { day });
    expect(board.slots.map((s) => s.id).sort()).toEqual(slotsThatDay.map((s) => s.id).sort());
    // The day is over: no one is still in, no one expected.
    expect(board.children).toEqual([]);
    expect(board.expected).toEqual([]);
  });
});
