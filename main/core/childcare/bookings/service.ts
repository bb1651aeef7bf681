import type { Db } from '../../db/database';
import { statement } from '../../db/statements';
import { AppError } from '../../errors';
import type { PickUpInput } from '../../../../shared/contract/childcare';
import { calendarDateIn, wallMomentOf } from '../../../../shared/domain/calendar';
import type { Role } from '../../../../shared/domain/accounts';
import { isAgeInRange, normalisePickupCode, OFFER_HOLD_MS, WRONG_CODE_LIMIT, type BookingStatus, type BookingView, type CollectorKind } from '../../../../shared/domain/childcare';
import { mayOverridePickUp } from '../../../../shared/domain/policy';
import { ageMonthsOf, authorisedAdults, requireActiveChild } from '../../children/service';
import { drawPickupCode } from '../codes';
import { countsOf, getSlotRow, type SlotRow } from '../slots/service';

export interface Actor {
  id: number;
}

export interface BookingRow {
  id: number;
  slot_id: number;
  child_id: number;
  status: BookingStatus;
  requested_at: string;
  offered_until: string | null;
  checked_in_at: string | null;
  pickup_code: string | null;
  code_day: string | null;
  picked_up_at: string | null;
  collector: CollectorKind | null;
  collector_adult_id: number | null;
  collector_name: string | null;
  override_reason: string | null;
}

export function getBookingRow(db: Db, id: number): BookingRow {
  const row = statement(db, 'SELECT * FROM childcare_bookings WHERE id = ?').get(id) as BookingRow | undefined;
  if (!row) throw new AppError('childcare.bookingNotFound');
  return row;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Free places of a slot go to its waitlist, first come first served, each offered from `at`
 * for OFFER_HOLD_MS and never past the slot's start. Nothing is offered once it has started
 * or when it is cancelled.
 */
export function offerFreedPlaces(db: Db, slot: SlotRow, at: string): void {
  if (slot.cancelled === 1 || at >= slot.starts_at) return;
  let free = slot.capacity - (countsOf(db, [slot.id]).get(slot.id)?.taken ?? 0);
  // The order the requests were written in (ids), not their clocks: two desks' clocks may disagree by a moment.
  const next = statement(db, `SELECT id FROM childcare_bookings WHERE slot_id = ? AND status = 'waitlisted' ORDER BY id LIMIT 1`);
  const offer = statement(db, `UPDATE childcare_bookings SET status = 'offered', offered_at = ?, offered_until = ?, updated_at = ? WHERE id = ?`);
  const until = iso(Math.min(Date.parse(at) + OFFER_HOLD_MS, Date.parse(slot.starts_at)));
  for (; free > 0; free--) {
    const waiting = next.get(slot.id) as { id: number } | undefined;
    if (!waiting) return;
    offer.run(at, until, at, waiting.id);
  }
}

/**
 * Offers whose time has passed by `now` expire, and their place goes to the next family as
 * from the moment the offer ended: the outcome depends on the clock alone, not on when
 * somebody next looked (no timers). Every childcare call runs this first.
 */
export function settleOffers(db: Db, now: Date): void {
  const due = statement(db, `SELECT id, slot_id, offered_until FROM childcare_bookings WHERE status = 'offered' AND offered_until <= ? ORDER BY offered_until, id LIMIT 1`);
  const expire = statement(db, `UPDATE childcare_bookings SET status = 'expired', ended_at = offered_until, updated_at = ? WHERE id = ?`);
  db.transaction(() => {
    for (;;) {
      const offer = due.get(now.toISOString()) as { id: number; slot_id: number; offered_until: string } | undefined;
      if (!offer) return;
      expire.run(now.toISOString(), offer.id);
      offerFreedPlaces(db, getSlotRow(db, offer.slot_id), offer.offered_until);
    }
  })();
}

/** The age range is checked on the slot's own day, in the slot's unit. */
function requireAgeInRange(db: Db, childId: number, slot: SlotRow, zone: string): void {
  const child = requireActiveChild(db, childId);
  const months = ageMonthsOf(child, calendarDateIn(zone, new Date(slot.starts_at)));
  if (!isAgeInRange(months, { ageUnit: slot.age_unit, minAge: slot.min_age, maxAge: slot.max_age })) {
    const age = slot.age_unit === 'years' ? Math.floor(months / 12) : months;
    throw new AppError(slot.age_unit === 'years' ? 'childcare.ageOutOfRange' : 'childcare.ageOutOfRangeMonths', { params: { age, min: slot.min_age, max: slot.max_age } });
  }
}

/**
 * A child into a slot: booked while a place is free, else waitlisted (never over capacity:
 * the count is read in the same write transaction the router opened, so a second desk
 * racing for the last place waits for the first and then sees it taken).
 */
export function bookChild(db: Db, actor: Actor, childId: number, slotId: number, now: Date, zone: string): number {
  const slot = getSlotRow(db, slotId);
  if (slot.cancelled === 1) throw new AppError('childcare.slotCancelled');
  if (slot.starts_at <= now.toISOString()) throw new AppError('childcare.slotPast');
  requireAgeInRange(db, childId, slot, zone);
  if (statement(db, `SELECT 1 FROM childcare_bookings WHERE slot_id = ? AND child_id = ? AND status NOT IN ('cancelled', 'declined', 'expired')`).get(slotId, childId)) {
    throw new AppError('childcare.alreadyBooked');
  }
  const counts = countsOf(db, [slotId]).get(slotId) ?? { taken: 0, waitlisted: 0 };
  // Someone already waiting keeps her turn: a place is free only when nobody waits for it.
  const status: BookingStatus = counts.taken < slot.capacity && counts.waitlisted === 0 ? 'booked' : 'waitlisted';
  const at = now.toISOString();
  const result = statement(db, 'INSERT INTO childcare_bookings (slot_id, child_id, status, requested_at, requested_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(slotId, childId, status, at, actor.id, at);
  return Number(result.lastInsertRowid);
}

/** Ends a booking that has not begun (booked, waitlisted or offered); a place it held goes to the waitlist. */
function endBooking(db: Db, actor: Actor, booking: BookingRow, status: 'cancelled' | 'declined', reason: string | null, now: Date): void {
  const at = now.toISOString();
  statement(db, 'UPDATE childcare_bookings SET status = ?, ended_at = ?, ended_by = ?, end_reason = ?, updated_at = ? WHERE id = ?').run(status, at, actor.id, reason || null, at, booking.id);
  offerFreedPlaces(db, getSlotRow(db, booking.slot_id), at);
}

export function cancelBooking(db: Db, actor: Actor, bookingId: number, reason: string | null, now: Date): void {
  const booking = getBookingRow(db, bookingId);
  if (!['booked', 'waitlisted', 'offered'].includes(booking.status)) throw new AppError('childcare.notCancellable');
  endBooking(db, actor, booking, 'cancelled', reason, now);
}

export function acceptOffer(db: Db, bookingId: number, now: Date): void {
  const booking = getBookingRow(db, bookingId);
  if (booking.status !== 'offered') throw new AppError('childcare.notOffered');
  statement(db, `UPDATE childcare_bookings SET status = 'booked', updated_at = ? WHERE id = ?`).run(now.toISOString(), bookingId);
}

export function declineOffer(db: Db, actor: Actor, bookingId: number, now: Date): void {
  const booking = getBookingRow(db, bookingId);
  if (booking.status !== 'offered') throw new AppError('childcare.notOffered');
  endBooking(db, actor, booking, 'declined', null, now);
}

/** The child arrives (on her slot's day): a pick-up code no one else has today. */
export function checkIn(db: Db, actor: Actor, bookingId: number, now: Date, zone: string): string {
  const booking = getBookingRow(db, bookingId);
  if (booking.status === 'checkedIn' || booking.status === 'pickedUp') throw new AppError('childcare.alreadyCheckedIn');
  if (booking.status !== 'booked') throw new AppError('childcare.notBooked');
  requireActiveChild(db, booking.child_id);
  const slot = getSlotRow(db, booking.slot_id);
  if (slot.cancelled === 1) throw new AppError('childcare.slotCancelled');
  const day = calendarDateIn(zone, now);
  if (calendarDateIn(zone, new Date(slot.starts_at)) !== day) throw new AppError('childcare.notToday');
  const taken = statement(db, 'SELECT 1 FROM childcare_bookings WHERE code_day = ? AND pickup_code = ?');
  const code = drawPickupCode((candidate) => taken.get(day, candidate) !== undefined);
  const at = now.toISOString();
  statement(db, `UPDATE childcare_bookings SET status = 'checkedIn', checked_in_at = ?, checked_in_by = ?, pickup_code = ?, code_day = ?, updated_at = ? WHERE id = ?`).run(at, actor.id, code, day, at, bookingId);
  return code;
}

/**
 * Wrong codes typed for this check-in: each one is a refused pick-up, which the router
 * audits (the failure is rolled back, its audit entry is not). Counted from the audit, so
 * that no refusal can be undone by the rollback that refuses it. The pick-ups' entries are
 * read newest first and only back to the check-in: a handful, whatever the year holds.
 */
function wrongCodesSince(db: Db, bookingId: number, since: string): number {
  const entries = statement(db, `SELECT entity_id, outcome, detail, at FROM audit WHERE action = 'childcare.pickUp' ORDER BY id DESC`);
  let wrong = 0;
  for (const entry of entries.iterate() as Iterable<{ entity_id: string | null; outcome: string; detail: string | null; at: string }>) {
    if (entry.at < since) break;
    if (entry.entity_id === String(bookingId) && entry.outcome === 'failure' && (entry.detail === 'childcare.wrongCode' || entry.detail === 'childcare.codeLocked')) wrong++;
  }
  return wrong;
}

/**
 * Hands a checked-in child back. The code must match and the adult be on her list (her
 * mother always is); a desk worker may let her go without either, giving a reason.
 * After WRONG_CODE_LIMIT wrong codes the code opens nothing: only an override does.
 */
export function pickUp(db: Db, actor: Actor & { roles: readonly Role[] }, input: PickUpInput, now: Date): { overridden: boolean } {
  const booking = getBookingRow(db, input.bookingId);
  if (booking.status === 'pickedUp') throw new AppError('childcare.alreadyPickedUp');
  if (booking.status !== 'checkedIn' || booking.checked_in_at === null) throw new AppError('childcare.notCheckedIn');
  const problems: ('childcare.wrongCode' | 'childcare.codeLocked' | 'childcare.notAuthorised')[] = [];
  const locked = wrongCodesSince(db, booking.id, booking.checked_in_at) >= WRONG_CODE_LIMIT;
  if (locked) problems.push('childcare.codeLocked');
  else if (input.code === null || normalisePickupCode(input.code) !== booking.pickup_code) problems.push('childcare.wrongCode');
  const adults = authorisedAdults(db, [booking.child_id]).get(booking.child_id) ?? [];
  const adultId = input.collector.kind === 'authorised' ? input.collector.adultId : null;
  const adult = adults.find((a) => a.id === adultId);
  if (input.collector.kind === 'other' || (input.collector.kind === 'authorised' && !adult)) problems.push('childcare.notAuthorised');
  const overridden = problems.length > 0;
  if (overridden) {
    if (!input.overrideReason) throw new AppError(problems[0]);
    if (!mayOverridePickUp(actor.roles)) throw new AppError('childcare.overrideNotAllowed');
  }
  const at = now.toISOString();
  const other = input.collector.kind === 'other' ? input.collector : null;
  statement(
    db,
    `UPDATE childcare_bookings SET status = 'pickedUp', picked_up_at = ?, picked_up_by = ?, collector = ?, collector_adult_id = ?, collector_name = ?, collector_relation = ?, override_reason = ?, updated_at = ? WHERE id = ?`,
  ).run(at, actor.id, input.collector.kind, adult?.id ?? null, other?.name ?? null, other?.relation ?? null, overridden ? input.overrideReason : null, at, booking.id);
  return { overridden };
}

/**
 * Her mother anonymised: the children's bookings for slots not yet begun are cancelled
 * (their places go to the next families), and the names an override recorded are erased.
 */
export function cancelFutureBookingsOf(db: Db, actor: Actor, childIds: readonly number[], now: Date): void {
  const at = now.toISOString();
  for (const childId of childIds) {
    const rows = statement(db, `SELECT * FROM childcare_bookings WHERE child_id = ? AND status IN ('booked', 'waitlisted', 'offered')`).all(childId) as BookingRow[];
    for (const booking of rows) {
      const slot = getSlotRow(db, booking.slot_id);
      if (slot.starts_at > at) endBooking(db, actor, booking, 'cancelled', null, now);
    }
    statement(db, 'UPDATE childcare_bookings SET collector_name = NULL, collector_relation = NULL, override_reason = NULL, end_reason = NULL WHERE child_id = ?').run(childId);
  }
}

interface BookingViewRow extends BookingRow {
  mother_id: number;
  mother_code: string;
  first_name: string | null;
  adult_name: string | null;
  position: number | null;
}

const VIEW_SELECT = `SELECT b.*, c.mother_id, v.code AS mother_code, c.first_name, a.name AS adult_name,
    CASE WHEN b.status = 'waitlisted' THEN (SELECT count(*) FROM childcare_bookings w WHERE w.slot_id = b.slot_id AND w.status = 'waitlisted'
      AND w.id <= b.id) END AS position
  FROM childcare_bookings b JOIN children c ON c.id = b.child_id JOIN visitors v ON v.id = c.mother_id LEFT JOIN child_adults a ON a.id = b.collector_adult_id`;

function toView(r: BookingViewRow, zone: string): BookingView {
  const wall = (instant: string | null) => (instant === null ? null : wallMomentOf(instant, zone));
  return {
    id: r.id,
    slotId: r.slot_id,
    childId: r.child_id,
    motherId: r.mother_id,
    motherCode: r.mother_code,
    childFirstName: r.first_name,
    status: r.status,
    position: r.position,
    requestedAt: r.requested_at,
    offeredUntil: r.status === 'offered' ? r.offered_until : null,
    offeredUntilWall: r.status === 'offered' ? wall(r.offered_until) : null,
    checkedInAt: r.checked_in_at,
    checkedInWall: wall(r.checked_in_at),
    pickupCode: r.pickup_code,
    pickedUpAt: r.picked_up_at,
    pickedUpWall: wall(r.picked_up_at),
    collector: r.collector,
    collectorName: r.collector === 'authorised' ? r.adult_name : r.collector_name,
    overridden: r.override_reason !== null,
  };
}

export function bookingView(db: Db, id: number, zone: string): BookingView {
  const row = statement(db, `${VIEW_SELECT} WHERE b.id = ?`).get(id) as BookingViewRow | undefined;
  if (!row) throw new AppError('childcare.bookingNotFound');
  return toView(row, zone);
}

/** A slot's bookings: the places first, then the waitlist in its order, then those that ended. */
export function bookingsOfSlot(db: Db, slotId: number, zone: string): BookingView[] {
  const rows = statement(
    db,
    `${VIEW_SELECT} WHERE b.slot_id = ? ORDER BY CASE b.status WHEN 'waitlisted' THEN 1 WHEN 'cancelled' THEN 2 WHEN 'declined' THEN 2 WHEN 'expired' THEN 2 ELSE 0 END, b.id`,
  ).all(slotId) as BookingViewRow[];
  return rows.map((r) => toView(r, zone));
}

export function bookingsOfChild(db: Db, childId: number, zone: string): BookingView[] {
  return (statement(db, `${VIEW_SELECT} WHERE b.child_id = ? ORDER BY b.id DESC`).all(childId) as BookingViewRow[]).map((r) => toView(r, zone));
}

/** Offers waiting for the desk's answer, soonest to expire first. */
export function openOffers(db: Db, zone: string): BookingView[] {
  return (statement(db, `${VIEW_SELECT} WHERE b.status = 'offered' ORDER BY b.offered_until, b.id`).all() as BookingViewRow[]).map((r) => toView(r, zone));
}
