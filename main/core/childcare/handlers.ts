import type { HandlersFor } from '../router';
import { acting } from '../acting';
import { AppError } from '../errors';
import { readSettings } from '../settings/service';
import { touchVisitor } from '../visitors/service';
import { getChildRow } from '../children/service';
import { calendarDateIn, endOfDayIn, startOfDayIn, wallMomentOf } from '../../../shared/domain/calendar';
import { seesChildCareNotes } from '../../../shared/domain/policy';
import type { Desk } from '../desk';
import { placeForSlip } from './slots/service';
import {
  acceptOffer,
  bookChild,
  bookChildrenForActivity,
  bookingsOfChild,
  bookingsOfSlot,
  bookingView,
  cancelBooking,
  checkIn,
  childcareBoard,
  createSlotsForActivity,
  declineOffer,
  getSlotRow,
  pickUp,
  saveSlot,
  settleOffers,
  slotRowsBetween,
  slotViews,
} from './service';
import { getBookingRow, offerFreedPlaces } from './bookings/service';

type ChildcareCall =
  | 'childcare.slots'
  | 'childcare.slot'
  | 'childcare.bookings'
  | 'childcare.ofChild'
  | 'childcare.saveSlot'
  | 'childcare.slotsForActivity'
  | 'childcare.book'
  | 'childcare.bookForActivity'
  | 'childcare.cancel'
  | 'childcare.acceptOffer'
  | 'childcare.declineOffer'
  | 'childcare.checkIn'
  | 'childcare.pickUp'
  | 'childcare.board'
  | 'childcare.slip'
  | 'childcare.slipPrinted';

/** Every call sees the waitlist as the desk's clock has it now: expired offers passed on first. */
function settled(desk: Desk) {
  const context = acting(desk);
  settleOffers(context.db, context.now);
  return { ...context, zone: readSettings(context.db).timeZone };
}

/** A booking is something that happened to the child's mother too (touchVisitor). */
function touchMotherOf(desk: Desk, childId: number): void {
  const { db, now } = acting(desk);
  touchVisitor(db, getChildRow(db, childId).mother_id, now);
}

export const childcareHandlers: HandlersFor<ChildcareCall> = {
  'childcare.slots': ({ from, to }, { desk }) => {
    const { db, zone } = settled(desk);
    return slotViews(db, slotRowsBetween(db, startOfDayIn(from, zone), endOfDayIn(to, zone)), zone);
  },
  'childcare.slot': ({ id }, { desk }) => {
    const { db, zone } = settled(desk);
    return slotViews(db, [getSlotRow(db, id)], zone)[0];
  },
  'childcare.bookings': ({ slotId }, { desk, setAuditEntityId }) => {
    const { db, zone } = settled(desk);
    setAuditEntityId(slotId);
    getSlotRow(db, slotId);
    return bookingsOfSlot(db, slotId, zone);
  },
  'childcare.ofChild': ({ childId }, { desk, setAuditEntityId }) => {
    const { db, zone } = settled(desk);
    setAuditEntityId(childId);
    getChildRow(db, childId);
    return bookingsOfChild(db, childId, zone);
  },
  'childcare.saveSlot': (input, { desk, setAuditEntityId }) => {
    const { db, actor, now, zone } = settled(desk);
    const id = saveSlot(db, actor, input, now, zone);
    setAuditEntityId(id);
    // A larger capacity frees places: the waitlist is offered them at once.
    offerFreedPlaces(db, getSlotRow(db, id), now.toISOString());
    return slotViews(db, [getSlotRow(db, id)], zone)[0];
  },
  'childcare.slotsForActivity': (input, { desk, setAuditEntityId }) => {
    const { db, actor, now, zone } = settled(desk);
    setAuditEntityId(input.activityId);
    const ids = createSlotsForActivity(db, actor, input, now);
    return slotViews(db, ids.map((id) => getSlotRow(db, id)), zone);
  },
  'childcare.book': ({ childId, slotId }, { desk, setAuditEntityId }) => {
    const { db, actor, now, zone } = settled(desk);
    const id = bookChild(db, actor, childId, slotId, now, zone);
    setAuditEntityId(id);
    touchMotherOf(desk, childId);
    return bookingView(db, id, zone);
  },
  'childcare.bookForActivity': ({ childIds, activityId }, { desk, setAuditEntityId }) => {
    const { db, actor, now, zone } = settled(desk);
    setAuditEntityId(activityId);
    const outcomes = bookChildrenForActivity(db, actor, [...new Set(childIds)], activityId, now, zone);
    for (const childId of new Set(outcomes.filter((o) => o.bookingId !== null).map((o) => o.childId))) touchMotherOf(desk, childId);
    return outcomes;
  },
  'childcare.cancel': ({ bookingId, reason }, { desk, setAuditEntityId }) => {
    const { db, actor, now, zone } = settled(desk);
    setAuditEntityId(bookingId);
    cancelBooking(db, actor, bookingId, reason, now);
    return bookingView(db, bookingId, zone);
  },
  'childcare.acceptOffer': ({ bookingId }, { desk, setAuditEntityId }) => {
    const { db, now, zone } = settled(desk);
    setAuditEntityId(bookingId);
    acceptOffer(db, bookingId, now);
    return bookingView(db, bookingId, zone);
  },
  'childcare.declineOffer': ({ bookingId }, { desk, setAuditEntityId }) => {
    const { db, actor, now, zone } = settled(desk);
    setAuditEntityId(bookingId);
    declineOffer(db, actor, bookingId, now);
    return bookingView(db, bookingId, zone);
  },
  'childcare.checkIn': ({ bookingId }, { desk, setAuditEntityId }) => {
    const { db, actor, now, zone } = settled(desk);
    setAuditEntityId(bookingId);
    checkIn(db, actor, bookingId, now, zone);
    touchMotherOf(desk, getBookingRow(db, bookingId).child_id);
    return bookingView(db, bookingId, zone);
  },
  'childcare.pickUp': (input, { desk, setAuditEntityId, setAuditDetail }) => {
    const { db, user, now, zone } = settled(desk);
    setAuditEntityId(input.bookingId);
    const { overridden } = pickUp(db, user, input, now);
    // The reason a desk worker gave, never the child's name nor the adult's: the audit says why the rules were set aside.
    if (overridden) setAuditDetail(`childcare.override: ${input.overrideReason ?? ''}`.slice(0, 240));
    return bookingView(db, input.bookingId, zone);
  },
  'childcare.board': ({ day }, { desk }) => {
    const { db, user, now, zone } = settled(desk);
    return childcareBoard(db, day ?? calendarDateIn(zone, now), now, zone, seesChildCareNotes(user.roles));
  },
  'childcare.slip': ({ bookingId, language }, { desk, setAuditEntityId, setAuditDetail }) => {
    const { db, zone } = settled(desk);
    setAuditEntityId(bookingId);
    setAuditDetail(language);
    const booking = bookingView(db, bookingId, zone);
    if (booking.pickupCode === null || booking.status !== 'checkedIn') return notCheckedIn();
    const slot = getSlotRow(db, booking.slotId);
    const endsWall = wallMomentOf(slot.ends_at, zone);
    return { pickupCode: booking.pickupCode, day: endsWall.slice(0, 10), endsWall, placeName: placeForSlip(db, slot.place_id), organisationName: readSettings(db).organisationName };
  },
  'childcare.slipPrinted': ({ bookingId, language }, { desk, setAuditEntityId, setAuditDetail }) => {
    const { db } = acting(desk);
    setAuditEntityId(bookingId);
    getBookingRow(db, bookingId);
    setAuditDetail(language);
    return null;
  },
};

function notCheckedIn(): never {
  throw new AppError('childcare.notCheckedIn');
}
