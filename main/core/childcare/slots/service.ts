import type { Db } from '../../db/database';
import { statement } from '../../db/statements';
import { AppError } from '../../errors';
import type { ActivitySlotsInput, SlotInput } from '../../../../shared/contract/childcare';
import { calendarDateIn, instantOfWallMoment, wallMomentOf } from '../../../../shared/domain/calendar';
import { ageInMonthsOn, isAgeInRange, type AgeUnit, type RatioBand, type SlotView } from '../../../../shared/domain/childcare';

export interface Actor {
  id: number;
}

/** A slot as it stands: a slot tied to a session takes the session's times, read through the join. */
export interface SlotRow {
  id: number;
  session_id: number | null;
  activity_id: number | null;
  activity_title: string | null;
  starts_at: string;
  ends_at: string;
  place_id: number;
  room_id: number | null;
  capacity: number;
  age_unit: AgeUnit;
  min_age: number;
  max_age: number;
  cancelled: number;
}

const SLOT_COLUMNS = `s.id, s.session_id, a.activity_id, act.title AS activity_title,
  COALESCE(s.starts_at, a.starts_at) AS starts_at, COALESCE(s.ends_at, a.ends_at) AS ends_at,
  s.place_id, s.room_id, s.capacity, s.age_unit, s.min_age, s.max_age,
  (s.cancelled_at IS NOT NULL OR a.cancelled_at IS NOT NULL) AS cancelled
  FROM childcare_slots s LEFT JOIN activity_sessions a ON a.id = s.session_id LEFT JOIN activities act ON act.id = a.activity_id`;

export function getSlotRow(db: Db, id: number): SlotRow {
  const row = statement(db, `SELECT ${SLOT_COLUMNS} WHERE s.id = ?`).get(id) as SlotRow | undefined;
  if (!row) throw new AppError('childcare.slotNotFound');
  return row;
}

/** Slots starting within [from, to] (instants): their own times, or their session's. */
export function slotRowsBetween(db: Db, from: string, to: string): SlotRow[] {
  return statement(
    db,
    `SELECT * FROM (
       SELECT ${SLOT_COLUMNS} WHERE s.starts_at BETWEEN @from AND @to
       UNION ALL
       SELECT ${SLOT_COLUMNS} WHERE s.session_id IN (SELECT id FROM activity_sessions WHERE starts_at BETWEEN @from AND @to)
     ) ORDER BY starts_at, id`,
  ).all({ from, to }) as SlotRow[];
}

export function ratiosOf(db: Db, slotIds: readonly number[]): Map<number, RatioBand[]> {
  const bySlot = new Map<number, RatioBand[]>();
  if (slotIds.length === 0) return bySlot;
  const rows = db
    .prepare(`SELECT slot_id, min_age, max_age, children_per_staff FROM childcare_ratios WHERE slot_id IN (${slotIds.map(() => '?').join(',')}) ORDER BY slot_id, min_age`)
    .all(...slotIds) as { slot_id: number; min_age: number; max_age: number; children_per_staff: number }[];
  for (const r of rows) bySlot.set(r.slot_id, [...(bySlot.get(r.slot_id) ?? []), { minAge: r.min_age, maxAge: r.max_age, childrenPerStaff: r.children_per_staff }]);
  return bySlot;
}

/** Places taken (an offer holds its place) and children waiting, per slot. */
export function countsOf(db: Db, slotIds: readonly number[]): Map<number, { taken: number; waitlisted: number }> {
  const counts = new Map<number, { taken: number; waitlisted: number }>();
  if (slotIds.length === 0) return counts;
  const rows = db
    .prepare(
      `SELECT slot_id, sum(status IN ('booked', 'offered', 'checkedIn', 'pickedUp')) AS taken, sum(status = 'waitlisted') AS waitlisted
       FROM childcare_bookings WHERE slot_id IN (${slotIds.map(() => '?').join(',')}) GROUP BY slot_id`,
    )
    .all(...slotIds) as { slot_id: number; taken: number; waitlisted: number }[];
  for (const r of rows) counts.set(r.slot_id, { taken: r.taken, waitlisted: r.waitlisted });
  return counts;
}

/** The staff the children holding places need, band by band; null when the slot sets no ratio. */
function staffNeeded(db: Db, slot: SlotRow, ratios: RatioBand[], zone: string): number | null {
  if (ratios.length === 0) return null;
  const day = calendarDateIn(zone, new Date(slot.starts_at));
  const children = statement(
    db,
    `SELECT c.birth_date, c.age_years, c.age_given_on FROM childcare_bookings b JOIN children c ON c.id = b.child_id
     WHERE b.slot_id = ? AND b.status IN ('booked', 'offered', 'checkedIn', 'pickedUp')`,
  ).all(slot.id) as { birth_date: string | null; age_years: number | null; age_given_on: string | null }[];
  const months = children.map((c) => ageInMonthsOn({ birthDate: c.birth_date, ageYears: c.age_years, ageGivenOn: c.age_given_on }, day));
  return ratios.reduce((staff, band) => {
    const inBand = months.filter((m) => isAgeInRange(m, { ageUnit: slot.age_unit, minAge: band.minAge, maxAge: band.maxAge })).length;
    return staff + Math.ceil(inBand / band.childrenPerStaff);
  }, 0);
}

export function slotViews(db: Db, rows: SlotRow[], zone: string): SlotView[] {
  const ids = rows.map((r) => r.id);
  const ratios = ratiosOf(db, ids);
  const counts = countsOf(db, ids);
  return rows.map((r) => {
    const count = counts.get(r.id) ?? { taken: 0, waitlisted: 0 };
    const bands = ratios.get(r.id) ?? [];
    return {
      id: r.id,
      sessionId: r.session_id,
      activityId: r.activity_id,
      activityTitle: r.activity_title,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      startsWall: wallMomentOf(r.starts_at, zone),
      endsWall: wallMomentOf(r.ends_at, zone),
      placeId: r.place_id,
      roomId: r.room_id,
      capacity: r.capacity,
      ageUnit: r.age_unit,
      minAge: r.min_age,
      maxAge: r.max_age,
      ratios: bands,
      taken: count.taken,
      waitlisted: count.waitlisted,
      free: Math.max(0, r.capacity - count.taken),
      staffNeeded: staffNeeded(db, r, bands, zone),
      cancelled: r.cancelled === 1,
    };
  });
}

function requirePlace(db: Db, placeId: number, roomId: number | null): void {
  if (!statement(db, 'SELECT 1 FROM places WHERE id = ?').get(placeId)) throw new AppError('places.notFound');
  if (roomId !== null && !statement(db, 'SELECT 1 FROM rooms WHERE id = ? AND place_id = ?').get(roomId, placeId)) {
    throw new AppError('call.invalidInput', { fields: { roomId: 'places.roomNotFound' } });
  }
}

function writeRatios(db: Db, slotId: number, ratios: RatioBand[]): void {
  statement(db, 'DELETE FROM childcare_ratios WHERE slot_id = ?').run(slotId);
  const insert = statement(db, 'INSERT INTO childcare_ratios (slot_id, min_age, max_age, children_per_staff) VALUES (?, ?, ?, ?)');
  for (const band of ratios) insert.run(slotId, band.minAge, band.maxAge, band.childrenPerStaff);
}

/**
 * A new slot, or a change to one. Capacity never drops below the places already taken
 * (`childcare.capacityBelowTaken`): nobody booked is pushed out. A slot tied to a session
 * keeps taking the session's times. Returns the slot's id; a larger capacity frees places
 * that the caller offers to the waitlist.
 */
export function saveSlot(db: Db, actor: Actor, input: SlotInput, now: Date, zone: string): number {
  requirePlace(db, input.placeId, input.roomId);
  const at = now.toISOString();
  const startsAt = instantOfWallMoment(`${input.day}T${input.starts}`, zone);
  const endsAt = instantOfWallMoment(`${input.day}T${input.ends}`, zone);
  if (input.id === null) {
    if (startsAt <= at) throw new AppError('childcare.slotPast');
    const result = statement(
      db,
      `INSERT INTO childcare_slots (session_id, starts_at, ends_at, place_id, room_id, capacity, age_unit, min_age, max_age, created_at, created_by, updated_at)
       VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(startsAt, endsAt, input.placeId, input.roomId, input.capacity, input.ageUnit, input.minAge, input.maxAge, at, actor.id, at);
    const id = Number(result.lastInsertRowid);
    writeRatios(db, id, input.ratios);
    return id;
  }
  const slot = getSlotRow(db, input.id);
  const taken = countsOf(db, [slot.id]).get(slot.id)?.taken ?? 0;
  if (input.capacity < taken) {
    throw new AppError('childcare.capacityBelowTaken', { params: { taken }, fields: { capacity: 'childcare.capacityBelowTaken' } });
  }
  const ownTimes = slot.session_id === null;
  statement(
    db,
    `UPDATE childcare_slots SET starts_at = ?, ends_at = ?, place_id = ?, room_id = ?, capacity = ?, age_unit = ?, min_age = ?, max_age = ?, updated_at = ? WHERE id = ?`,
  ).run(ownTimes ? startsAt : null, ownTimes ? endsAt : null, input.placeId, input.roomId, input.capacity, input.ageUnit, input.minAge, input.maxAge, at, slot.id);
  writeRatios(db, slot.id, input.ratios);
  return slot.id;
}

/**
 * A slot for each future session of the activity, not cancelled, that has none with this
 * age range yet: calling it again after sessions were added makes only the missing ones.
 */
export function createSlotsForActivity(db: Db, actor: Actor, input: ActivitySlotsInput, now: Date): number[] {
  if (!statement(db, 'SELECT 1 FROM activities WHERE id = ?').get(input.activityId)) throw new AppError('childcare.activityNotFound');
  requirePlace(db, input.placeId, input.roomId);
  const at = now.toISOString();
  const sessions = statement(
    db,
    `SELECT a.id FROM activity_sessions a WHERE a.activity_id = ? AND a.cancelled_at IS NULL AND a.starts_at > ?
       AND NOT EXISTS (SELECT 1 FROM childcare_slots s WHERE s.session_id = a.id AND s.cancelled_at IS NULL AND s.age_unit = ? AND s.min_age = ? AND s.max_age = ?)
     ORDER BY a.starts_at`,
  ).all(input.activityId, at, input.ageUnit, input.minAge, input.maxAge) as { id: number }[];
  const insert = statement(
    db,
    `INSERT INTO childcare_slots (session_id, starts_at, ends_at, place_id, room_id, capacity, age_unit, min_age, max_age, created_at, created_by, updated_at)
     VALUES (?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return sessions.map((session) => {
    const id = Number(insert.run(session.id, input.placeId, input.roomId, input.capacity, input.ageUnit, input.minAge, input.maxAge, at, actor.id, at).lastInsertRowid);
    writeRatios(db, id, input.ratios);
    return id;
  });
}

/** The slots of every future session of an activity, session by session, for booking her children. */
export function futureSessionSlots(db: Db, activityId: number, now: Date): { sessionId: number; slots: SlotRow[] }[] {
  if (!statement(db, 'SELECT 1 FROM activities WHERE id = ?').get(activityId)) throw new AppError('childcare.activityNotFound');
  const sessions = statement(db, 'SELECT id FROM activity_sessions WHERE activity_id = ? AND cancelled_at IS NULL AND starts_at > ? ORDER BY starts_at').all(activityId, now.toISOString()) as { id: number }[];
  const slots = statement(db, `SELECT ${SLOT_COLUMNS} WHERE s.session_id = ? AND s.cancelled_at IS NULL ORDER BY s.min_age, s.id`);
  return sessions.map((s) => ({ sessionId: s.id, slots: slots.all(s.id) as SlotRow[] }));
}

/** The place as a slip prints it: its card name when it has one, discreet. */
export function placeForSlip(db: Db, placeId: number): string {
  return (statement(db, 'SELECT coalesce(card_name, name) AS name FROM places WHERE id = ?').get(placeId) as { name: string }).name;
}
