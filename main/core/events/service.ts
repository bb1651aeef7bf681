import type { Db } from '../db/database';
import { statement } from '../db/statements';
import { AppError } from '../errors';
import { requireActiveVisitor, type Actor } from '../visitors/service';
import { listPlaces } from '../places/service';
import { HEADCOUNT_CATEGORIES, type EventParticipantView, type EventView, type HeadcountCategory } from '../../../shared/domain/activities';
import type { EventInput } from '../../../shared/contract/events';

/** Events and their headcounts: the SQL, and the checks a write needs. */

interface EventRow {
  id: number;
  kind: EventView['kind'];
  title: string;
  day: string;
  place_id: number | null;
  place_name: string | null;
  location: string | null;
  notes: string | null;
}

const EVENT_SELECT = `SELECT e.id, e.kind, e.title, e.day, e.place_id, p.name AS place_name, e.location, e.notes FROM events e LEFT JOIN places p ON p.id = e.place_id`;

/** Her initials and code: never her whole name. */
function visitorLabel(row: { code: string; first_name: string | null; last_name: string | null }): string {
  const initials = [row.first_name, row.last_name]
    .filter((n): n is string => Boolean(n))
    .map((n) => `${[...n.trim()][0] ?? ''}.`.toUpperCase())
    .join(' ');
  return initials ? `${initials} ${row.code}` : row.code;
}

function toEvent(db: Db, row: EventRow): EventView {
  const headcounts = Object.fromEntries(HEADCOUNT_CATEGORIES.map((c) => [c, 0])) as Record<HeadcountCategory, number>;
  for (const h of statement(db, 'SELECT category, count FROM event_headcounts WHERE event_id = ?').all(row.id) as { category: HeadcountCategory; count: number }[]) {
    headcounts[h.category] = h.count;
  }
  const participants = (
    statement(
      db,
      'SELECT v.id, v.code, v.first_name, v.last_name FROM event_participants ep JOIN visitors v ON v.id = ep.visitor_id WHERE ep.event_id = ? ORDER BY v.code',
    ).all(row.id) as { id: number; code: string; first_name: string | null; last_name: string | null }[]
  ).map((v): EventParticipantView => ({ visitorId: v.id, visitorCode: v.code, visitorLabel: visitorLabel(v) }));
  const counted = HEADCOUNT_CATEGORIES.reduce((sum, c) => sum + headcounts[c], 0);
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    day: row.day,
    placeId: row.place_id,
    placeName: row.place_name,
    location: row.location,
    notes: row.notes,
    headcounts,
    participants,
    total: counted + participants.length,
  };
}

export function listEvents(db: Db, range: { from: string | null; to: string | null }): EventView[] {
  const rows = statement(db, `${EVENT_SELECT} WHERE (? IS NULL OR e.day >= ?) AND (? IS NULL OR e.day <= ?) ORDER BY e.day DESC, e.id DESC`).all(
    range.from,
    range.from,
    range.to,
    range.to,
  ) as EventRow[];
  return rows.map((row) => toEvent(db, row));
}

export function getEvent(db: Db, id: number): EventView {
  const row = statement(db, `${EVENT_SELECT} WHERE e.id = ?`).get(id) as EventRow | undefined;
  if (!row) throw new AppError('events.notFound');
  return toEvent(db, row);
}

/** A place of the desk's must exist; participants must be registered and not anonymised. */
function checkEvent(db: Db, input: EventInput, current: EventView | null): void {
  if (input.placeId !== null) {
    const place = listPlaces(db, true).find((p) => p.id === input.placeId);
    if (!place || (!place.active && current?.placeId !== input.placeId)) throw new AppError('places.notFound', { fields: { placeId: 'events.placeNotFound' } });
  }
  const already = new Set(current?.participants.map((p) => p.visitorId) ?? []);
  for (const id of input.participantIds) if (!already.has(id)) requireActiveVisitor(db, id);
}

function writeDetails(db: Db, id: number, input: EventInput): void {
  statement(db, 'DELETE FROM event_headcounts WHERE event_id = ?').run(id);
  for (const category of HEADCOUNT_CATEGORIES) {
    statement(db, 'INSERT INTO event_headcounts (event_id, category, count) VALUES (?, ?, ?)').run(id, category, input.headcounts[category]);
  }
  statement(db, 'DELETE FROM event_participants WHERE event_id = ?').run(id);
  for (const visitorId of new Set(input.participantIds)) statement(db, 'INSERT INTO event_participants (event_id, visitor_id) VALUES (?, ?)').run(id, visitorId);
}

export function createEvent(db: Db, actor: Actor, input: EventInput, now: Date): EventView {
  checkEvent(db, input, null);
  const at = now.toISOString();
  const result = statement(
    db,
    'INSERT INTO events (kind, title, day, place_id, location, notes, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(input.kind, input.title, input.day, input.placeId, input.location || null, input.notes || null, at, actor.id, at);
  const id = Number(result.lastInsertRowid);
  writeDetails(db, id, input);
  return getEvent(db, id);
}

export function updateEvent(db: Db, id: number, input: EventInput, now: Date): EventView {
  const current = getEvent(db, id);
  checkEvent(db, input, current);
  statement(db, 'UPDATE events SET kind = ?, title = ?, day = ?, place_id = ?, location = ?, notes = ?, updated_at = ? WHERE id = ?').run(
    input.kind,
    input.title,
    input.day,
    input.placeId,
    input.location || null,
    input.notes || null,
    now.toISOString(),
    id,
  );
  writeDetails(db, id, input);
  return getEvent(db, id);
}
