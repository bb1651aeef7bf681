import type { Db } from '../db/database';
import { statement } from '../db/statements';
import { AppError } from '../errors';
import type { Actor } from '../visitors/service';
import { readSettings } from '../settings/service';
import { wallMomentOf } from '../../../shared/domain/calendar';
import type {
  ActivityDetail,
  ActivityKindKey,
  ActivityKindView,
  ActivitySessionView,
  ActivityView,
  AttendanceStatus,
  EnrolmentView,
  RollCallRow,
  SessionDetail,
  SessionEventView,
  VisitorActivityView,
} from '../../../shared/domain/activities';

/*
 * The workshops' SQL. Instants are UTC ISO strings made by `toISOString()`, all of one
 * length, so that comparing them as text compares them in time.
 */

interface KindRow {
  id: number;
  key: ActivityKindKey | null;
  name: string | null;
  active: 0 | 1;
}

const toKind = (row: KindRow): ActivityKindView => ({ id: row.id, key: row.key, name: row.name, active: row.active === 1 });

export function listActivityKinds(db: Db, includeInactive: boolean): ActivityKindView[] {
  return (statement(db, `SELECT * FROM activity_kinds ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY id`).all() as KindRow[]).map(toKind);
}

export function getActivityKind(db: Db, id: number): ActivityKindView {
  const row = statement(db, 'SELECT * FROM activity_kinds WHERE id = ?').get(id) as KindRow | undefined;
  if (!row) throw new AppError('activities.kindNotFound');
  return toKind(row);
}

/** A new kind needs a name; one of the four keyed ones keeps its key and may be renamed (the name then shows). */
export function saveActivityKind(db: Db, input: { id: number | null; name: string | null; active: boolean }): ActivityKindView {
  const name = input.name || null;
  if (input.id === null) {
    if (!name) throw new AppError('call.invalidInput', { fields: { name: 'required' } });
    const result = statement(db, 'INSERT INTO activity_kinds (key, name, active) VALUES (NULL, ?, ?)').run(name, input.active ? 1 : 0);
    return getActivityKind(db, Number(result.lastInsertRowid));
  }
  const kind = getActivityKind(db, input.id);
  if (!name && kind.key === null) throw new AppError('call.invalidInput', { fields: { name: 'required' } });
  statement(db, 'UPDATE activity_kinds SET name = ?, active = ? WHERE id = ?').run(name, input.active ? 1 : 0, input.id);
  return getActivityKind(db, input.id);
}

interface ActivityRow {
  id: number;
  kind_id: number;
  kind_key: ActivityKindKey | null;
  kind_name: string | null;
  title: string;
  facilitator: string;
  place_id: number;
  place_name: string;
  room_id: number | null;
  room_name: string | null;
  capacity: number;
  description: string | null;
  active: 0 | 1;
  enrolled: number;
  session_count: number;
  next_starts_at: string | null;
}

const ACTIVITY_SELECT = `
  SELECT a.id, a.kind_id, k.key AS kind_key, k.name AS kind_name, a.title, a.facilitator,
    a.place_id, p.name AS place_name, a.room_id, r.name AS room_name, a.capacity, a.description, a.active,
    (SELECT COUNT(*) FROM enrolments e WHERE e.activity_id = a.id AND e.withdrawn_at IS NULL) AS enrolled,
    (SELECT COUNT(*) FROM activity_sessions s WHERE s.activity_id = a.id AND s.cancelled_at IS NULL) AS session_count,
    (SELECT MIN(s.starts_at) FROM activity_sessions s WHERE s.activity_id = a.id AND s.cancelled_at IS NULL AND s.ends_at > ?) AS next_starts_at
  FROM activities a
  JOIN activity_kinds k ON k.id = a.kind_id
  JOIN places p ON p.id = a.place_id
  LEFT JOIN rooms r ON r.id = a.room_id`;

function toActivity(row: ActivityRow, zone: string): ActivityView {
  return {
    id: row.id,
    kindId: row.kind_id,
    kindKey: row.kind_key,
    kindName: row.kind_name,
    title: row.title,
    facilitator: row.facilitator,
    placeId: row.place_id,
    placeName: row.place_name,
    roomId: row.room_id,
    roomName: row.room_name,
    capacity: row.capacity,
    description: row.description,
    active: row.active === 1,
    enrolled: row.enrolled,
    sessionCount: row.session_count,
    nextSessionWall: row.next_starts_at === null ? null : wallMomentOf(row.next_starts_at, zone),
  };
}

const zoneOf = (db: Db) => readSettings(db).timeZone;

export function listActivities(db: Db, includeInactive: boolean, now: Date): ActivityView[] {
  const zone = zoneOf(db);
  const rows = statement(db, `${ACTIVITY_SELECT} ${includeInactive ? '' : 'WHERE a.active = 1'} ORDER BY a.active DESC, next_starts_at IS NULL, next_starts_at, a.title`).all(
    now.toISOString(),
  ) as ActivityRow[];
  return rows.map((row) => toActivity(row, zone));
}

export function getActivity(db: Db, id: number, now: Date): ActivityView {
  const row = statement(db, `${ACTIVITY_SELECT} WHERE a.id = ?`).get(now.toISOString(), id) as ActivityRow | undefined;
  if (!row) throw new AppError('activities.notFound');
  return toActivity(row, zoneOf(db));
}

export interface ActivityFields {
  kindId: number;
  title: string;
  facilitator: string;
  placeId: number;
  roomId: number | null;
  capacity: number;
  description: string | null;
}

export function insertActivity(db: Db, actor: Actor, f: ActivityFields, now: Date): number {
  const at = now.toISOString();
  const result = statement(
    db,
    `INSERT INTO activities (kind_id, title, facilitator, place_id, room_id, capacity, description, active, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
  ).run(f.kindId, f.title, f.facilitator, f.placeId, f.roomId, f.capacity, f.description || null, at, actor.id, at);
  return Number(result.lastInsertRowid);
}

export function writeActivity(db: Db, id: number, f: ActivityFields & { active: boolean }, now: Date): void {
  statement(
    db,
    'UPDATE activities SET kind_id = ?, title = ?, facilitator = ?, place_id = ?, room_id = ?, capacity = ?, description = ?, active = ?, updated_at = ? WHERE id = ?',
  ).run(f.kindId, f.title, f.facilitator, f.placeId, f.roomId, f.capacity, f.description || null, f.active ? 1 : 0, now.toISOString(), id);
}

interface SessionRow {
  id: number;
  activity_id: number;
  starts_at: string;
  ends_at: string;
  cancelled_at: string | null;
  cancel_reason: string | null;
  moved: number;
  marked: number;
}

const SESSION_SELECT = `
  SELECT s.id, s.activity_id, s.starts_at, s.ends_at, s.cancelled_at, s.cancel_reason,
    EXISTS (SELECT 1 FROM activity_session_events v WHERE v.session_id = s.id AND v.kind = 'moved') AS moved,
    (SELECT COUNT(*) FROM attendance t JOIN enrolments e ON e.visitor_id = t.visitor_id AND e.activity_id = s.activity_id AND e.withdrawn_at IS NULL
      WHERE t.session_id = s.id) AS marked
  FROM activity_sessions s`;

function toSession(row: SessionRow, zone: string): ActivitySessionView {
  return {
    id: row.id,
    activityId: row.activity_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    startsWall: wallMomentOf(row.starts_at, zone),
    endsWall: wallMomentOf(row.ends_at, zone),
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    moved: row.moved === 1,
    marked: row.marked,
  };
}

export function sessionsOf(db: Db, activityId: number): ActivitySessionView[] {
  const zone = zoneOf(db);
  return (statement(db, `${SESSION_SELECT} WHERE s.activity_id = ? ORDER BY s.starts_at, s.id`).all(activityId) as SessionRow[]).map((r) => toSession(r, zone));
}

export function getSession(db: Db, id: number): ActivitySessionView {
  const row = statement(db, `${SESSION_SELECT} WHERE s.id = ?`).get(id) as SessionRow | undefined;
  if (!row) throw new AppError('activities.sessionNotFound');
  return toSession(row, zoneOf(db));
}

export function insertSession(db: Db, actor: Actor, activityId: number, span: { startsAt: string; endsAt: string }, now: Date): number {
  const at = now.toISOString();
  const result = statement(db, 'INSERT INTO activity_sessions (activity_id, starts_at, ends_at, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    activityId,
    span.startsAt,
    span.endsAt,
    at,
    actor.id,
    at,
  );
  const id = Number(result.lastInsertRowid);
  recordSessionEvent(db, actor, { sessionId: id, kind: 'created', oldStartsAt: null, oldEndsAt: null, reason: null }, now);
  return id;
}

interface SessionEvent {
  sessionId: number;
  kind: SessionEventView['kind'];
  oldStartsAt: string | null;
  oldEndsAt: string | null;
  reason: string | null;
}

function recordSessionEvent(db: Db, actor: Actor, e: SessionEvent, now: Date): void {
  statement(db, 'INSERT INTO activity_session_events (session_id, kind, old_starts_at, old_ends_at, reason, at, by_user) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    e.sessionId,
    e.kind,
    e.oldStartsAt,
    e.oldEndsAt,
    e.reason,
    now.toISOString(),
    actor.id,
  );
}

/** Moves this one session's row only; its old time goes into its history. */
export function writeSessionMove(db: Db, actor: Actor, session: ActivitySessionView, span: { startsAt: string; endsAt: string }, reason: string, now: Date): void {
  statement(db, 'UPDATE activity_sessions SET starts_at = ?, ends_at = ?, updated_at = ? WHERE id = ?').run(span.startsAt, span.endsAt, now.toISOString(), session.id);
  recordSessionEvent(db, actor, { sessionId: session.id, kind: 'moved', oldStartsAt: session.startsAt, oldEndsAt: session.endsAt, reason }, now);
}

export function writeSessionCancel(db: Db, actor: Actor, sessionId: number, reason: string, now: Date): void {
  const at = now.toISOString();
  statement(db, 'UPDATE activity_sessions SET cancelled_at = ?, cancel_reason = ?, updated_at = ? WHERE id = ?').run(at, reason, at, sessionId);
  recordSessionEvent(db, actor, { sessionId, kind: 'cancelled', oldStartsAt: null, oldEndsAt: null, reason }, now);
}

export function sessionDetail(db: Db, id: number): SessionDetail {
  const session = getSession(db, id);
  const zone = zoneOf(db);
  const rows = statement(
    db,
    `SELECT v.kind, v.old_starts_at, v.old_ends_at, v.reason, v.at, u.display_name AS by_name
     FROM activity_session_events v JOIN users u ON u.id = v.by_user WHERE v.session_id = ? ORDER BY v.id`,
  ).all(id) as { kind: SessionEventView['kind']; old_starts_at: string | null; old_ends_at: string | null; reason: string | null; at: string; by_name: string }[];
  const history = rows.map(
    (r): SessionEventView => ({
      kind: r.kind,
      oldStartsWall: r.old_starts_at === null ? null : wallMomentOf(r.old_starts_at, zone),
      oldEndsWall: r.old_ends_at === null ? null : wallMomentOf(r.old_ends_at, zone),
      reason: r.reason,
      atWall: wallMomentOf(r.at, zone),
      by: r.by_name,
    }),
  );
  return { ...session, history };
}

interface EnrolmentRow {
  id: number;
  activity_id: number;
  visitor_id: number;
  code: string;
  first_name: string | null;
  last_name: string | null;
  enrolled_at: string;
  withdrawn_at: string | null;
}

/** Her initials and code, for the lists: never her whole name. */
function visitorLabel(row: { code: string; first_name: string | null; last_name: string | null }): string {
  const initials = [row.first_name, row.last_name]
    .filter((n): n is string => Boolean(n))
    .map((n) => `${[...n.trim()][0] ?? ''}.`.toUpperCase())
    .join(' ');
  return initials ? `${initials} ${row.code}` : row.code;
}

const ENROLMENT_SELECT = `
  SELECT e.id, e.activity_id, e.visitor_id, v.code, v.first_name, v.last_name, e.enrolled_at, e.withdrawn_at
  FROM enrolments e JOIN visitors v ON v.id = e.visitor_id`;

function toEnrolment(row: EnrolmentRow, zone: string): EnrolmentView {
  return {
    id: row.id,
    activityId: row.activity_id,
    visitorId: row.visitor_id,
    visitorCode: row.code,
    visitorLabel: visitorLabel(row),
    enrolledAtWall: wallMomentOf(row.enrolled_at, zone),
    withdrawnAtWall: row.withdrawn_at === null ? null : wallMomentOf(row.withdrawn_at, zone),
  };
}

export function enrolmentsOf(db: Db, activityId: number): EnrolmentView[] {
  const zone = zoneOf(db);
  return (statement(db, `${ENROLMENT_SELECT} WHERE e.activity_id = ? ORDER BY e.withdrawn_at IS NOT NULL, e.enrolled_at, e.id`).all(activityId) as EnrolmentRow[]).map((r) =>
    toEnrolment(r, zone),
  );
}

export function findEnrolment(db: Db, activityId: number, visitorId: number): EnrolmentView | null {
  const row = statement(db, `${ENROLMENT_SELECT} WHERE e.activity_id = ? AND e.visitor_id = ?`).get(activityId, visitorId) as EnrolmentRow | undefined;
  return row ? toEnrolment(row, zoneOf(db)) : null;
}

/** Enrols her, or enrols her again after a withdrawal (the row, and her attendance, stay one). */
export function writeEnrolment(db: Db, actor: Actor, activityId: number, visitorId: number, now: Date): void {
  statement(
    db,
    `INSERT INTO enrolments (activity_id, visitor_id, enrolled_at, enrolled_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (activity_id, visitor_id) DO UPDATE SET enrolled_at = excluded.enrolled_at, enrolled_by = excluded.enrolled_by, withdrawn_at = NULL, withdrawn_by = NULL`,
  ).run(activityId, visitorId, now.toISOString(), actor.id);
}

export function writeWithdrawal(db: Db, actor: Actor, activityId: number, visitorId: number, now: Date): void {
  statement(db, 'UPDATE enrolments SET withdrawn_at = ?, withdrawn_by = ? WHERE activity_id = ? AND visitor_id = ?').run(now.toISOString(), actor.id, activityId, visitorId);
}

export function activityDetail(db: Db, id: number, now: Date): ActivityDetail {
  return { ...getActivity(db, id, now), sessions: sessionsOf(db, id), enrolments: enrolmentsOf(db, id) };
}

/** Every visitor enrolled now, with her mark for the session if the roll was taken. */
export function rollCallRows(db: Db, session: ActivitySessionView): RollCallRow[] {
  const rows = statement(
    db,
    `SELECT e.visitor_id, v.code, v.first_name, v.last_name, t.status
     FROM enrolments e JOIN visitors v ON v.id = e.visitor_id
     LEFT JOIN attendance t ON t.session_id = ? AND t.visitor_id = e.visitor_id
     WHERE e.activity_id = ? AND e.withdrawn_at IS NULL ORDER BY e.enrolled_at, e.id`,
  ).all(session.id, session.activityId) as { visitor_id: number; code: string; first_name: string | null; last_name: string | null; status: AttendanceStatus | null }[];
  return rows.map((r) => ({ visitorId: r.visitor_id, visitorCode: r.code, visitorLabel: visitorLabel(r), status: r.status }));
}

export function writeAttendance(db: Db, actor: Actor, sessionId: number, mark: { visitorId: number; status: AttendanceStatus }, now: Date): void {
  statement(
    db,
    `INSERT INTO attendance (session_id, visitor_id, status, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (session_id, visitor_id) DO UPDATE SET status = excluded.status, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
  ).run(sessionId, mark.visitorId, mark.status, now.toISOString(), actor.id);
}

/** Her enrolments, most recent first, each with the marks of its sessions. */
export function activitiesOfVisitor(db: Db, visitorId: number): VisitorActivityView[] {
  const zone = zoneOf(db);
  const enrolments = statement(
    db,
    `SELECT e.id, e.activity_id, a.title, k.key AS kind_key, k.name AS kind_name, e.enrolled_at, e.withdrawn_at
     FROM enrolments e JOIN activities a ON a.id = e.activity_id JOIN activity_kinds k ON k.id = a.kind_id
     WHERE e.visitor_id = ? ORDER BY e.enrolled_at DESC, e.id DESC`,
  ).all(visitorId) as { id: number; activity_id: number; title: string; kind_key: ActivityKindKey | null; kind_name: string | null; enrolled_at: string; withdrawn_at: string | null }[];
  const marks = statement(
    db,
    `SELECT s.activity_id, t.session_id, s.starts_at, t.status FROM attendance t JOIN activity_sessions s ON s.id = t.session_id
     WHERE t.visitor_id = ? ORDER BY s.starts_at`,
  ).all(visitorId) as { activity_id: number; session_id: number; starts_at: string; status: AttendanceStatus }[];
  return enrolments.map((e) => ({
    enrolmentId: e.id,
    activityId: e.activity_id,
    title: e.title,
    kindKey: e.kind_key,
    kindName: e.kind_name,
    enrolledAt: e.enrolled_at,
    enrolledAtWall: wallMomentOf(e.enrolled_at, zone),
    withdrawnAt: e.withdrawn_at,
    withdrawnAtWall: e.withdrawn_at === null ? null : wallMomentOf(e.withdrawn_at, zone),
    attendance: marks
      .filter((m) => m.activity_id === e.activity_id)
      .map((m) => ({ sessionId: m.session_id, startsAt: m.starts_at, startsWall: wallMomentOf(m.starts_at, zone), status: m.status })),
  }));
}
