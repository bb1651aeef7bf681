import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../main/core/db/database';
import { seedSchedule, type ScheduleSeedResult } from '../../main/core/appointments/seed';
import { seededPsychologistLogin, seedPsychologists, wipeSecrets } from '../../main/core/appointments/seed-psychologists';
import { seedVisitors } from '../../main/core/visitors/seed';
import { LATE_CANCELLATION_MS } from '../../shared/domain/listening';
import { deskWithStaff, loginAs } from '../support/desk';

const PASSWORD = 'seeded psychologists log in with this';
const ZONE = 'Africa/Casablanca';

/** A desk with its staff, 600 visitors and the listening unit's year for them, seeded with `seed`. */
async function seededDesk(seed: number) {
  const t = await deskWithStaff();
  await loginAs(t, t.staff.admin);
  const { db } = t.desk.requireSession();
  const now = t.clock.now();
  seedVisitors(db, { visitors: 600, seed, actorId: t.staff.admin.id, prefix: 'NDR', now });
  const psychologists = await seedPsychologists(t.desk, { seed, count: 3, password: PASSWORD, now });
  let made: ScheduleSeedResult;
  try {
    made = seedSchedule(db, { seed, actorId: t.staff.admin.id, appointments: 1200, psychologists, notesShare: 0.5, now, timeZone: ZONE });
  } finally {
    wipeSecrets(psychologists);
  }
  return { ...t, db, made, psychologists: psychologists.map((p) => ({ id: p.id, login: p.login })) };
}

type Seeded = Awaited<ReturnType<typeof seededDesk>>;

const rows = <T>(db: Db, sql: string, ...params: unknown[]): T[] => db.prepare(sql).all(...params) as T[];

describe('the seeded schedule', () => {
  let t: Seeded;
  beforeAll(async () => {
    t = await seededDesk(3);
  });
  afterAll(() => t.close());

  it('gives a year of appointments with realistic statuses, never two at once for a psychologist, a visitor, an interpreter or a room', async () => {
    expect(t.made).toMatchObject({ psychologists: 3, interpreters: 7, appointments: 1200 });
    const statuses = Object.fromEntries(rows<{ status: string; n: number }>(t.db, 'SELECT status, count(*) AS n FROM appointments GROUP BY status').map((r) => [r.status, r.n]));
    expect(Object.keys(statuses).sort()).toEqual(['cancelled', 'done', 'leftWithoutSession', 'noShow', 'scheduled']);
    expect(statuses.done).toBeGreaterThan(statuses.noShow + statuses.cancelled);
    expect(statuses).toEqual(Object.fromEntries(Object.entries(t.made.statuses).filter(([, n]) => n > 0)));
    for (const column of ['psychologist_id', 'visitor_id', 'interpreter_id', 'room_id']) {
      const overlaps = t.db
        .prepare(
          `SELECT count(*) AS n FROM appointments a JOIN appointments b ON a.${column} = b.${column} AND a.id < b.id
           WHERE a.starts_at < b.ends_at AND b.starts_at < a.ends_at`,
        )
        .get();
      expect({ column, overlaps }).toEqual({ column, overlaps: { n: 0 } });
    }
    // About three sessions for each visitor seen, those who disclosed violence first.
    const perVisitor = t.made.appointments / t.made.visitorsSeen;
    expect(perVisitor).toBeGreaterThan(2);
    expect(perVisitor).toBeLessThan(4);
    const disclosed = rows<{ id: number }>(t.db, 'SELECT DISTINCT visitor_id AS id FROM intakes WHERE violence_disclosed = 1').length;
    expect(t.made.disclosedSeen).toBe(disclosed);
    // The views read them: a week of the seeded schedule, through the router.
    expect((await t.ok('appointments.range', { from: '2026-11-23', to: '2026-11-29' })).length).toBeGreaterThan(0);
  });

  it('books series whose rows share a series id, a psychologist, a visitor and a weekday time, a week or two apart', () => {
    const series = rows<{ id: number; rule: string }>(t.db, 'SELECT id, rule FROM appointment_series ORDER BY id');
    expect(series.length).toBe(t.made.series);
    expect(new Set(series.map((s) => s.rule))).toEqual(new Set(['weekly', 'fortnightly']));
    for (const { id, rule } of series) {
      const occurrences = rows<{ psychologist_id: number; visitor_id: number; starts_at: string }>(
        t.db,
        'SELECT psychologist_id, visitor_id, starts_at FROM appointments WHERE series_id = ? ORDER BY starts_at',
        id,
      );
      expect(occurrences.length).toBeGreaterThanOrEqual(3);
      expect(new Set(occurrences.map((o) => `${o.psychologist_id}:${o.visitor_id}`)).size).toBe(1);
      const days = rule === 'weekly' ? 7 : 14;
      const wall = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
      for (let i = 1; i < occurrences.length; i++) {
        const gap = Date.parse(occurrences[i].starts_at) - Date.parse(occurrences[i - 1].starts_at);
        // Within an hour of whole weeks: the wall-clock time holds across the Ramadan change of the clock.
        expect(Math.abs(gap - days * 86_400_000)).toBeLessThanOrEqual(3_600_000);
        expect(wall(occurrences[i].starts_at)).toBe(wall(occurrences[0].starts_at));
      }
    }
  });

  it('marks a cancellation late exactly when it came less than a day before the start, and spreads who cancelled', () => {
    const cancelled = rows<{ starts_at: string; late_cancellation: number; cancelled_by: string; at: string; reason: string | null }>(
      t.db,
      `SELECT a.starts_at, a.late_cancellation, a.cancelled_by, e.at, e.reason FROM appointments a
       JOIN appointment_events e ON e.appointment_id = a.id AND e.to_status = 'cancelled' WHERE a.status = 'cancelled'`,
    );
    expect(cancelled.length).toBe(t.made.statuses.cancelled);
    for (const c of cancelled) expect(c.late_cancellation === 1).toBe(Date.parse(c.starts_at) - Date.parse(c.at) < LATE_CANCELLATION_MS);
    expect(new Set(cancelled.map((c) => c.late_cancellation))).toEqual(new Set([0, 1]));
    expect(new Set(cancelled.map((c) => c.cancelled_by))).toEqual(new Set(['visitor', 'unit']));
    expect(cancelled.every((c) => c.reason)).toBe(true);
  });

  it('gives interpreters who speak the language on their working days, and walk-ins recorded as done', () => {
    const withInterpreter = rows<{ interpreter_language: string; languages: string; weekday: number; plan: string }>(
      t.db,
      `SELECT a.interpreter_language, i.languages,
         (SELECT group_concat(weekday) FROM work_plans w WHERE w.interpreter_id = i.id) AS plan,
         CAST(strftime('%u', a.starts_at) AS INTEGER) AS weekday
       FROM appointments a JOIN interpreters i ON i.id = a.interpreter_id`,
    );
    expect(withInterpreter.length).toBe(t.made.withInterpreter);
    expect(withInterpreter.length).toBeGreaterThan(0);
    for (const a of withInterpreter) {
      expect(JSON.parse(a.languages)).toContain(a.interpreter_language);
      expect(a.plan.split(',').map(Number)).toContain(a.weekday);
    }
    const walkIns = rows<{ status: string; created_at: string; ends_at: string }>(t.db, 'SELECT status, created_at, ends_at FROM appointments WHERE walk_in = 1');
    expect(walkIns.length).toBe(t.made.walkIns);
    expect(walkIns.length).toBeGreaterThan(0);
    for (const w of walkIns) {
      expect(w.status).toBe('done');
      expect(w.created_at >= w.ends_at).toBe(true);
    }
  });

  it('lets a seeded psychologist log in with the password and read her notes, sealed with her key; another psychologist and an administrator cannot', async () => {
    const [author, colleague] = t.psychologists;
    expect(author.login).toBe(seededPsychologistLogin(3, 0));
    const [note] = rows<{ id: number; visitor_id: number; appointment_id: number }>(t.db, 'SELECT id, visitor_id, appointment_id FROM session_notes WHERE author_id = ? LIMIT 1', author.id);
    expect(note).toBeDefined();
    // Only done sessions have notes, about half of them here, each on its own session.
    const notes = rows<{ status: string }>(t.db, 'SELECT a.status FROM session_notes n JOIN appointments a ON a.id = n.appointment_id');
    expect(notes.length).toBe(t.made.notes);
    expect(new Set(notes.map((n) => n.status))).toEqual(new Set(['done']));
    expect(t.made.notes / t.made.statuses.done).toBeGreaterThan(0.3);
    expect(t.made.notes / t.made.statuses.done).toBeLessThan(0.7);
    t.desk.lock('button');

    await loginAs(t, { login: author.login, password: PASSWORD });
    expect(await t.ok('notes.status', {})).toEqual({ hasSecret: true });
    const listed = await t.ok('notes.listForVisitor', { visitorId: note.visitor_id });
    expect(listed.notes.map((n) => n.id)).toContain(note.id);
    const read = await t.ok('notes.get', { id: note.id });
    expect(read).toMatchObject({ id: note.id, appointmentId: note.appointment_id, mine: true, access: 'own' });
    expect(read.body.text.length).toBeGreaterThan(20);
    t.desk.lock('button');

    await loginAs(t, { login: colleague.login, password: PASSWORD });
    expect(await t.call('notes.get', { id: note.id })).toEqual({ ok: false, error: { code: 'notes.noAccess' } });
    const theirs = await t.ok('notes.listForVisitor', { visitorId: note.visitor_id });
    expect(theirs.notes.map((n) => n.id)).not.toContain(note.id);
    // Not even how many notes others hold on her.
    expect(theirs).not.toHaveProperty('closedCount');
    t.desk.lock('button');

    await loginAs(t, t.staff.psychologist);
    expect(await t.call('notes.get', { id: note.id })).toEqual({ ok: false, error: { code: 'notes.noAccess' } });
    t.desk.lock('button');

    await loginAs(t, t.staff.admin);
    expect(await t.call('notes.get', { id: note.id })).toEqual({ ok: false, error: { code: 'call.forbidden' } });
    expect(await t.call('notes.listForVisitor', { visitorId: note.visitor_id })).toEqual({ ok: false, error: { code: 'call.forbidden' } });
  });

  it('makes the same rows with the same seed (the keys stay random)', async () => {
    const again = await seededDesk(3);
    try {
      const schedule = (db: Db) => ({
        appointments: rows(db, 'SELECT * FROM appointments ORDER BY id'),
        events: rows(db, 'SELECT appointment_id, kind, from_status, to_status, reason, at, by_user FROM appointment_events ORDER BY id'),
        series: rows(db, 'SELECT * FROM appointment_series ORDER BY id'),
        plans: rows(db, 'SELECT * FROM work_plans ORDER BY id'),
        notes: rows(db, 'SELECT id, visitor_id, appointment_id, author_id, created_at, length(body) AS size FROM session_notes ORDER BY id'),
        psychologists: rows(db, `SELECT id, login, display_name FROM users WHERE login LIKE 'psy.seed%' ORDER BY id`),
      });
      const db = t.desk.requireSession().db;
      expect(schedule(again.db)).toEqual(schedule(db));
      const bodies = (db: Db) => rows<{ body: string }>(db, 'SELECT body FROM session_notes ORDER BY id LIMIT 5').map((r) => r.body);
      expect(bodies(again.db)).not.toEqual(bodies(db));
    } finally {
      again.close();
    }
  });
});
