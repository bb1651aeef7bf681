/**
 * The childcare's plain service functions, for the handlers, the seed and the bench: each
 * takes the database, who acts, the parsed input and the desk's clock and zone. The SQL is
 * in slots/, bookings/ and board/.
 */
import type { Db } from '../db/database';
import { isAppError } from '../errors';
import type { ActivityBookingOutcome } from '../../../shared/domain/childcare';
import { bookChild, bookingsOfSlot, type Actor } from './bookings/service';
import { ageMonthsOf, requireActiveChild } from '../children/service';
import { calendarDateIn } from '../../../shared/domain/calendar';
import { isAgeInRange } from '../../../shared/domain/childcare';
import { futureSessionSlots } from './slots/service';

export { createSlotsForActivity, getSlotRow, saveSlot, slotRowsBetween, slotViews } from './slots/service';
export { acceptOffer, bookChild, bookingView, bookingsOfChild, cancelBooking, cancelFutureBookingsOf, checkIn, declineOffer, openOffers, pickUp, settleOffers } from './bookings/service';
export { childcareBoard } from './board/service';
export { bookingsOfSlot };

/**
 * Her children into every future session of an activity: for each child and session, the
 * session's first slot whose age range fits her; booked, waitlisted (with her position), or
 * refused with the reason. Each booking is its own savepoint: one refused leaves the others.
 */
export function bookChildrenForActivity(db: Db, actor: Actor, childIds: readonly number[], activityId: number, now: Date, zone: string): ActivityBookingOutcome[] {
  const sessions = futureSessionSlots(db, activityId, now);
  const outcomes: ActivityBookingOutcome[] = [];
  for (const childId of childIds) {
    const child = requireActiveChild(db, childId);
    for (const { sessionId, slots } of sessions) {
      const fitting = slots.find((slot) => isAgeInRange(ageMonthsOf(child, calendarDateIn(zone, new Date(slot.starts_at))), { ageUnit: slot.age_unit, minAge: slot.min_age, maxAge: slot.max_age }));
      // No slot fits her age: the first slot's refusal names its range; no slot at all, `noSlot`.
      const slot = fitting ?? slots[0];
      const base = { childId, sessionId, slotId: slot?.id ?? null, bookingId: null, position: null };
      if (!slot) {
        outcomes.push({ ...base, outcome: 'refused', reason: 'childcare.noSlot', params: null });
        continue;
      }
      try {
        const bookingId = db.transaction(() => bookChild(db, actor, childId, slot.id, now, zone))();
        const view = bookingsOfSlot(db, slot.id, zone).find((b) => b.id === bookingId);
        outcomes.push({ ...base, bookingId, outcome: view?.status === 'waitlisted' ? 'waitlisted' : 'booked', position: view?.position ?? null, reason: null, params: null });
      } catch (error) {
        if (!isAppError(error)) throw error;
        outcomes.push({ ...base, outcome: 'refused', reason: error.code, params: error.params ?? null });
      }
    }
  }
  return outcomes;
}
