import type { Db } from '../db/database';
import { statement } from '../db/statements';
import { AppError } from '../errors';
import {
  CLASH_KINDS,
  HOLDING_STATUSES,
  type AppointmentDetail,
  type AppointmentEventView,
  type AppointmentStatus,
  type AppointmentView,
  type ClashKind,
} from '../../../shared/domain/listening';
import type { Actor } from '../visitors/service';
import { readSettings } from '../settings/service';
import { wallMomentOf } from '../../../shared/domain/calendar';

/*
 * The appointments' SQL. Instants are UTC ISO strings made by `toISOString()`, all of one
 * length, so that comparing them as text compares them in time (the indexes rely on it).
 */

const HOLDING = HOLDING_STATUSES.map((s) => `'${s}'`).join(', ');
const DAY_MS = 86_400_000;

interface AppointmentRow {
  id: number;
  visitor_id: number;
  visitor_code: string;
  first_name: string | null;
  last_name: string | null;
  psychologist_id: number;
  psychologist_name: string;
  place_id: number;
  place_name: string;
  room_id: number | null;
  room_name: string | null;
  kind_id: number;
  kind_key: AppointmentView['kindKey'];
  kind_name: string | null;
  starts_at: string;
  ends_at: string;
  interpreter_language: AppointmentView['interpreterLanguage'];
  interpreter_id: number | null;
  interpreter_name: string | null;
  series_id: number | null;
  status: AppointmentStatus;
  cancelled_by: AppointmentView['cancelledBy'];
  late_cancellation: 0 | 1;
  override_reason: string | null;
  walk_in: 0 | 1;
  no_shows: number;
}

const SELECT_APPOINTMENT = `
  SELECT a.*, v.code AS visitor_code, v.first_name, v.last_name, u.display_name AS psychologist_name, p.name AS place_name,
    r.name AS room_name, k.key AS kind_key, k.name AS kind_name, i.name AS interpreter_name,
    (SELECT count(*) FROM appointments n WHERE n.visitor_id = a.visitor_id AND n.status = 'noShow') AS no_shows
  FROM appointments a
  JOIN visitors v ON v.id = a.visitor_id
  JOIN users u ON u.id = a.psychologist_id
  JOIN places p ON p.id = a.place_id
  JOIN session_kinds k ON k.id = a.kind_id
  LEFT JOIN rooms r ON r.id = a.room_id
  LEFT JOIN interpreters i ON i.id = a.interpreter_id`;

/** Her initials and code, for the boards: never her whole name. */
function visitorLabel(row: AppointmentRow): string {
  const initials = [row.first_name, row.last_name]
    .filter((n): n is string => Boolean(n))
    .map((n) => `${[...n.trim()][0] ?? ''}.`.toUpperCase())
    .join(' ');
  return initials ? `${initials} ${row.visitor_code}` : row.visitor_code;
}

/** The desk's zone, read once per query: every view carries its wall-clock times, read here with Node's zone data. */
const deskZone = (db: Db): string => readSettings(db).timeZone;

const toView = (row: AppointmentRow, zone: string): AppointmentView => ({
  id: row.id,
  visitorId: row.visitor_id,
  visitorCode: row.visitor_code,
  visitorLabel: visitorLabel(row),
  psychologistId: row.psychologist_id,
  psychologistName: row.psychologist_name,
  placeId: row.place_id,
  placeName: row.place_name,
  roomId: row.room_id,
  roomName: row.room_name,
  kindId: row.kind_id,
  kindKey: row.kind_key,
  kindName: row.kind_name,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  startsWall: wallMomentOf(row.starts_at, zone),
  endsWall: wallMomentOf(row.ends_at, zone),
  interpreterLanguage: row.interpreter_language,
  interpreterId: row.interpreter_id,
  interpreterName: row.interpreter_name,
  seriesId: row.series_id,
  status: row.status,
  cancelledBy: row.cancelled_by,
  lateCancellation: row.late_cancellation === 1,
  overrideReason: row.override_reason,
  walkIn: row.walk_in === 1,
  visitorNoShows: row.no_shows,
});

export function getAppointment(db: Db, id: number): AppointmentView {
  const row = statement(db, `${SELECT_APPOINTMENT} WHERE a.id = ?`).get(id) as AppointmentRow | undefined;
  if (!row) throw new AppError('appointments.notFound');
  return toView(row, deskZone(db));
}

export function appointmentsByIds(db: Db, ids: readonly number[]): AppointmentView[] {
  const rows = statement(db, `${SELECT_APPOINTMENT} WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.starts_at, a.id`).all(
    JSON.stringify(ids),
  ) as AppointmentRow[];
  const zone = deskZone(db);
  return rows.map((row) => toView(row, zone));
}

export function appointmentHistory(db: Db, id: number): AppointmentEventView[] {
  const rows = statement(
    db,
    `SELECT e.kind, e.from_status, e.to_status, e.old_starts_at, e.old_ends_at, o.display_name AS old_psychologist_name, e.reason, e.at, u.login AS by_login
     FROM appointment_events e JOIN users u ON u.id = e.by_user LEFT JOIN users o ON o.id = e.old_psychologist_id
     WHERE e.appointment_id = ? ORDER BY e.id`,
  ).all(id) as {
    kind: AppointmentEventView['kind'];
    from_status: AppointmentStatus | null;
    to_status: AppointmentStatus | null;
    old_starts_at: string | null;
    old_ends_at: string | null;
    old_psychologist_name: string | null;
    reason: string | null;
    at: string;
    by_login: string;
  }[];
  const zone = deskZone(db);
  return rows.map((r) => ({
    kind: r.kind,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    oldStartsAt: r.old_starts_at,
    oldEndsAt: r.old_ends_at,
    oldStartsWall: r.old_starts_at === null ? null : wallMomentOf(r.old_starts_at, zone),
    oldEndsWall: r.old_ends_at === null ? null : wallMomentOf(r.old_ends_at, zone),
    oldPsychologistName: r.old_psychologist_name,
    reason: r.reason,
    at: r.at,
    atWall: wallMomentOf(r.at, zone),
    by: r.by_login,
  }));
}

export function appointmentDetail(db: Db, id: number): AppointmentDetail {
  return { ...getAppointment(db, id), history: appointmentHistory(db, id) };
}

export interface RangeFilter {
  /** Instants, inclusive. */
  from: string;
  to: string;
  placeId: number | null;
  psychologistId: number | null;
  visitorId?: number | null;
  statuses?: readonly AppointmentStatus[] | null;
}

/** Every appointment starting in the range, filtered, in time order. */
export function appointmentsInRange(db: Db, filter: RangeFilter): AppointmentView[] {
  const rows = statement(
    db,
    `${SELECT_APPOINTMENT}
     WHERE a.starts_at >= @from AND a.starts_at <= @to
       AND (@placeId IS NULL OR a.place_id = @placeId)
       AND (@psychologistId IS NULL OR a.psychologist_id = @psychologistId)
       AND (@visitorId IS NULL OR a.visitor_id = @visitorId)
       AND (@statuses IS NULL OR a.status IN (SELECT value FROM json_each(@statuses)))
     ORDER BY a.starts_at, a.id`,
  ).all({
    from: filter.from,
    to: filter.to,
    placeId: filter.placeId,
    psychologistId: filter.psychologistId,
    visitorId: filter.visitorId ?? null,
    statuses: filter.statuses ? JSON.stringify(filter.statuses) : null,
  }) as AppointmentRow[];
  const zone = deskZone(db);
  return rows.map((row) => toView(row, zone));
}

export function appointmentsOfVisitor(db: Db, visitorId: number): AppointmentView[] {
  const zone = deskZone(db);
  return (statement(db, `${SELECT_APPOINTMENT} WHERE a.visitor_id = ? ORDER BY a.starts_at DESC, a.id DESC`).all(visitorId) as AppointmentRow[]).map((row) => toView(row, zone));
}

/** Future appointments still to happen whose psychologist's account is disabled. */
export function appointmentsToReassign(db: Db, now: Date): AppointmentView[] {
  const rows = statement(
    db,
    `${SELECT_APPOINTMENT} WHERE a.status = 'scheduled' AND a.starts_at >= ? AND u.status = 'disabled' ORDER BY a.starts_at, a.id`,
  ).all(now.toISOString()) as AppointmentRow[];
  const zone = deskZone(db);
  return rows.map((row) => toView(row, zone));
}

/** The later occurrences of a series still scheduled, this one included. */
export function seriesFrom(db: Db, seriesId: number, startsAt: string): number[] {
  return (
    statement(db, `SELECT id FROM appointments WHERE series_id = ? AND starts_at >= ? AND status = 'scheduled' ORDER BY starts_at`).all(seriesId, startsAt) as {
      id: number;
    }[]
  ).map((r) => r.id);
}

export interface TimeClaim {
  psychologistId: number;
  visitorId: number;
  interpreterId: number | null;
  roomId: number | null;
  startsAt: string;
  endsAt: string;
  /** The appointment being moved: it does not clash with itself. */
  excludeId: number | null;
}

const overlapping = (column: string) => `EXISTS (SELECT 1 FROM appointments
    WHERE ${column} = @${column} AND starts_at < @endsAt AND starts_at > @earliest AND ends_at > @startsAt
      AND status IN (${HOLDING}) AND id IS NOT @excludeId)`;

/**
 * Who or what is already held then, in CLASH_KINDS' order. A session lasts at most a day,
 * so only appointments starting in the day before can reach into this one: the indexes
 * by (person, start) then read a few rows each.
 */
export function clashesOf(db: Db, claim: TimeClaim): ClashKind[] {
  const row = statement(
    db,
    `SELECT ${overlapping('psychologist_id')} AS psychologist, ${overlapping('visitor_id')} AS visitor,
       (@interpreter_id IS NOT NULL AND ${overlapping('interpreter_id')}) AS interpreter,
       (@room_id IS NOT NULL AND ${overlapping('room_id')}) AS room`,
  ).get({
    psychologist_id: claim.psychologistId,
    visitor_id: claim.visitorId,
    interpreter_id: claim.interpreterId,
    room_id: claim.roomId,
    startsAt: claim.startsAt,
    endsAt: claim.endsAt,
    earliest: new Date(Date.parse(claim.startsAt) - DAY_MS - 1).toISOString(),
    excludeId: claim.excludeId,
  }) as Record<ClashKind, 0 | 1>;
  return CLASH_KINDS.filter((kind) => row[kind] === 1);
}

export interface HeldBy {
  psychologistIds: readonly number[];
  visitorId: number | null;
  roomIds: readonly number[];
  interpreterIds: readonly number[];
}

/**
 * The times held in [from, to) by these people or rooms, for the slot finder: one index
 * range each (SQLite reads the OR as a union of index searches), not the whole day.
 */
export function heldBetween(
  db: Db,
  from: string,
  to: string,
  by: HeldBy,
): { psychologistId: number; visitorId: number; interpreterId: number | null; roomId: number | null; startsAt: string; endsAt: string }[] {
  const rows = statement(
    db,
    `SELECT psychologist_id, visitor_id, interpreter_id, room_id, starts_at, ends_at FROM appointments
     WHERE starts_at < @to AND starts_at > @earliest AND ends_at > @from AND status IN (${HOLDING})
       AND (psychologist_id IN (SELECT value FROM json_each(@psychologists)) OR visitor_id = @visitorId
         OR room_id IN (SELECT value FROM json_each(@rooms)) OR interpreter_id IN (SELECT value FROM json_each(@interpreters)))`,
  ).all({
    from,
    to,
    earliest: new Date(Date.parse(from) - DAY_MS - 1).toISOString(),
    psychologists: JSON.stringify(by.psychologistIds),
    visitorId: by.visitorId,
    rooms: JSON.stringify(by.roomIds),
    interpreters: JSON.stringify(by.interpreterIds),
  }) as {
    psychologist_id: number;
    visitor_id: number;
    interpreter_id: number | null;
    room_id: number | null;
    starts_at: string;
    ends_at: string;
  }[];
  return rows.map((r) => ({
    psychologistId: r.psychologist_id,
    visitorId: r.visitor_id,
    interpreterId: r.interpreter_id,
    roomId: r.room_id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
  }));
}

export function createSeries(db: Db, actor: Actor, rule: 'weekly' | 'fortnightly', now: Date): number {
  return Number(statement(db, 'INSERT INTO appointment_series (rule, created_at, created_by) VALUES (?, ?, ?)').run(rule, now.toISOString(), actor.id).lastInsertRowid);
}

export interface NewAppointment {
  visitorId: number;
  psychologistId: number;
  placeId: number;
  roomId: number | null;
  kindId: number;
  startsAt: string;
  endsAt: string;
  interpreterLanguage: string | null;
  interpreterId: number | null;
  seriesId: number | null;
  status: 'scheduled' | 'done';
  overrideReason: string | null;
  walkIn: boolean;
}

export function insertAppointment(db: Db, actor: Actor, a: NewAppointment, now: Date): number {
  const at = now.toISOString();
  const id = Number(
    statement(
      db,
      `INSERT INTO appointments (visitor_id, psychologist_id, place_id, room_id, kind_id, starts_at, ends_at, interpreter_language, interpreter_id,
         series_id, status, override_reason, walk_in, created_at, created_by, updated_at)
       VALUES (@visitorId, @psychologistId, @placeId, @roomId, @kindId, @startsAt, @endsAt, @interpreterLanguage, @interpreterId,
         @seriesId, @status, @overrideReason, @walkIn, @at, @by, @at)`,
    ).run({ ...a, walkIn: a.walkIn ? 1 : 0, at, by: actor.id }).lastInsertRowid,
  );
  recordEvent(db, actor, { appointmentId: id, kind: 'created', toStatus: a.status }, now);
  return id;
}

export interface AppointmentEvent {
  appointmentId: number;
  kind: AppointmentEventView['kind'];
  fromStatus?: AppointmentStatus | null;
  toStatus?: AppointmentStatus | null;
  oldStartsAt?: string | null;
  oldEndsAt?: string | null;
  oldPsychologistId?: number | null;
  reason?: string | null;
}

export function recordEvent(db: Db, actor: Actor, e: AppointmentEvent, now: Date): void {
  statement(
    db,
    `INSERT INTO appointment_events (appointment_id, kind, from_status, to_status, old_starts_at, old_ends_at, old_psychologist_id, reason, at, by_user)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.appointmentId,
    e.kind,
    e.fromStatus ?? null,
    e.toStatus ?? null,
    e.oldStartsAt ?? null,
    e.oldEndsAt ?? null,
    e.oldPsychologistId ?? null,
    e.reason ?? null,
    now.toISOString(),
    actor.id,
  );
}

export function writeStatus(
  db: Db,
  id: number,
  change: { status: AppointmentStatus; cancelledBy: AppointmentView['cancelledBy']; late: boolean },
  now: Date,
): void {
  statement(db, 'UPDATE appointments SET status = ?, cancelled_by = ?, late_cancellation = ?, updated_at = ? WHERE id = ?').run(
    change.status,
    change.cancelledBy,
    change.late ? 1 : 0,
    now.toISOString(),
    id,
  );
}

export function writeMove(
  db: Db,
  id: number,
  move: { psychologistId: number; roomId: number | null; startsAt: string; endsAt: string; overrideReason: string | null },
  now: Date,
): void {
  statement(db, 'UPDATE appointments SET psychologist_id = ?, room_id = ?, starts_at = ?, ends_at = ?, override_reason = ?, updated_at = ? WHERE id = ?').run(
    move.psychologistId,
    move.roomId,
    move.startsAt,
    move.endsAt,
    move.overrideReason,
    now.toISOString(),
    id,
  );
}

/** What booking needs to know of the visitor: whether she needs an interpreter, in which language. */
export function visitorNeeds(db: Db, visitorId: number): { interpreterLanguage: string | null } {
  const row = statement(db, 'SELECT interpreter_needed, interpreter_language FROM visitors WHERE id = ?').get(visitorId) as
    | { interpreter_needed: 0 | 1; interpreter_language: string | null }
    | undefined;
  return { interpreterLanguage: row?.interpreter_needed === 1 ? row.interpreter_language : null };
}

/** Tomorrow's calls: scheduled appointments of visitors whose latest phone consent is granted and who have a phone. */
export function reminderRows(db: Db, from: string, to: string): { id: number; phone: string; languages: string }[] {
  return statement(
    db,
    `SELECT a.id, v.phone, v.languages FROM appointments a JOIN visitors v ON v.id = a.visitor_id
     WHERE a.starts_at >= ? AND a.starts_at <= ? AND a.status = 'scheduled' AND v.anonymised_at IS NULL AND v.phone IS NOT NULL
       AND (SELECT granted FROM consents c WHERE c.visitor_id = v.id AND c.kind = 'phoneContact' ORDER BY c.id DESC LIMIT 1) = 1
     ORDER BY a.starts_at, a.id`,
  ).all(from, to) as { id: number; phone: string; languages: string }[];
}

/** What the card prints of the place: its card name (its name when it has none) and address. */
export function placeOnCard(db: Db, placeId: number): { name: string; address: string | null } {
  return statement(db, 'SELECT coalesce(card_name, name) AS name, address FROM places WHERE id = ?').get(placeId) as { name: string; address: string | null };
}

/** The visitors a seed may give appointments to: every one not anonymised, oldest first. */
export function activeVisitorIds(db: Db): number[] {
  return (statement(db, 'SELECT id FROM visitors WHERE anonymised_at IS NULL ORDER BY id').all() as { id: number }[]).map((r) => r.id);
}
