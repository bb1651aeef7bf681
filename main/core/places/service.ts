import type { Db } from '../db/database';
import { statement } from '../db/statements';
import { AppError } from '../errors';
import type { OpeningPeriod, PlaceView, RoomView, Weekday } from '../../../shared/domain/listening';

interface PlaceRow {
  id: number;
  name: string;
  card_name: string | null;
  address: string | null;
  active: 0 | 1;
}

export interface PlaceFields {
  name: string;
  cardName: string | null;
  address: string | null;
  active: boolean;
  rooms: { id?: number; name: string; active: boolean }[];
  hours: OpeningPeriod[];
}

function roomsOf(db: Db, placeId: number): RoomView[] {
  const rows = statement(db, 'SELECT id, place_id, name, active FROM rooms WHERE place_id = ? ORDER BY id').all(placeId) as {
    id: number;
    place_id: number;
    name: string;
    active: 0 | 1;
  }[];
  return rows.map((r) => ({ id: r.id, placeId: r.place_id, name: r.name, active: r.active === 1 }));
}

/** A place's opening hours, by weekday then time. */
export function openingHoursOf(db: Db, placeId: number): OpeningPeriod[] {
  const rows = statement(db, 'SELECT weekday, opens, closes FROM opening_hours WHERE place_id = ? ORDER BY weekday, opens').all(placeId) as {
    weekday: Weekday;
    opens: string;
    closes: string;
  }[];
  return rows.map((r) => ({ weekday: r.weekday, opens: r.opens, closes: r.closes }));
}

const toPlace = (db: Db, row: PlaceRow): PlaceView => ({
  id: row.id,
  name: row.name,
  cardName: row.card_name,
  address: row.address,
  active: row.active === 1,
  rooms: roomsOf(db, row.id),
  hours: openingHoursOf(db, row.id),
});

export function listPlaces(db: Db, includeInactive: boolean): PlaceView[] {
  const rows = statement(db, `SELECT id, name, card_name, address, active FROM places ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY id`).all() as PlaceRow[];
  return rows.map((row) => toPlace(db, row));
}

export function getPlace(db: Db, id: number): PlaceView {
  const row = statement(db, 'SELECT id, name, card_name, address, active FROM places WHERE id = ?').get(id) as PlaceRow | undefined;
  if (!row) throw new AppError('places.notFound');
  return toPlace(db, row);
}

/** The rooms as given: known ones renamed or (de)activated, new ones added; a room is never deleted (appointments name it). */
function writeRoomsAndHours(db: Db, placeId: number, fields: PlaceFields): void {
  const known = new Set(roomsOf(db, placeId).map((r) => r.id));
  for (const room of fields.rooms) {
    if (room.id !== undefined) {
      if (!known.has(room.id)) throw new AppError('places.notFound', { fields: { rooms: 'places.roomNotFound' } });
      statement(db, 'UPDATE rooms SET name = ?, active = ? WHERE id = ?').run(room.name, room.active ? 1 : 0, room.id);
    } else {
      statement(db, 'INSERT INTO rooms (place_id, name, active) VALUES (?, ?, ?)').run(placeId, room.name, room.active ? 1 : 0);
    }
  }
  statement(db, 'DELETE FROM opening_hours WHERE place_id = ?').run(placeId);
  for (const h of fields.hours) {
    statement(db, 'INSERT INTO opening_hours (place_id, weekday, opens, closes) VALUES (?, ?, ?, ?)').run(placeId, h.weekday, h.opens, h.closes);
  }
}

export function createPlace(db: Db, fields: PlaceFields, now: Date): PlaceView {
  const at = now.toISOString();
  const id = Number(
    statement(db, 'INSERT INTO places (name, card_name, address, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      fields.name,
      fields.cardName || null,
      fields.address,
      fields.active ? 1 : 0,
      at,
      at,
    ).lastInsertRowid,
  );
  writeRoomsAndHours(db, id, fields);
  return getPlace(db, id);
}

export function updatePlace(db: Db, id: number, fields: PlaceFields, now: Date): PlaceView {
  getPlace(db, id);
  statement(db, 'UPDATE places SET name = ?, card_name = ?, address = ?, active = ?, updated_at = ? WHERE id = ?').run(
    fields.name,
    fields.cardName || null,
    fields.address,
    fields.active ? 1 : 0,
    now.toISOString(),
    id,
  );
  writeRoomsAndHours(db, id, fields);
  return getPlace(db, id);
}
