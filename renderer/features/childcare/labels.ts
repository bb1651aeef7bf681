import type { TFunction } from 'i18next';
import type { BookingView, SlotView } from '../../../shared/domain/childcare';
import type { PlaceView } from '../../../shared/domain/listening';
import { wallTime } from '../appointments/wall';

/** `3–6 ans`, `0–24 mois`: the slot's age range in its own unit. */
export function ageRangeLabel(t: TFunction, range: Pick<SlotView, 'ageUnit' | 'minAge' | 'maxAge'>): string {
  return t('childcare.ageRange', { min: range.minAge, max: range.maxAge, unit: t(`childcare.values.ageUnits.${range.ageUnit}`) });
}

/** `09:30–11:30` of a slot, on the desk's clock as main gave it. */
export function slotTimes(slot: Pick<SlotView, 'startsWall' | 'endsWall'>): string {
  return `${wallTime(slot.startsWall)}–${wallTime(slot.endsWall)}`;
}

/** The place (and room) a slot is in, by the places main listed. */
export function slotPlace(slot: Pick<SlotView, 'placeId' | 'roomId'>, places: readonly PlaceView[]): string {
  const place = places.find((p) => p.id === slot.placeId);
  if (!place) return '';
  const room = slot.roomId === null ? null : place.rooms.find((r) => r.id === slot.roomId);
  return room ? `${place.name} · ${room.name}` : place.name;
}

/** A booking's state in words: a waitlist's with its position. */
export function bookingStatusLabel(t: TFunction, booking: Pick<BookingView, 'status' | 'position'>): string {
  if (booking.status === 'waitlisted' && booking.position !== null) return t('childcare.booking.waitlistedAt', { position: booking.position });
  return t(`childcare.values.bookingStatuses.${booking.status}`);
}

export const BOOKING_COLOURS: Record<BookingView['status'], string> = {
  booked: 'indigo',
  waitlisted: 'yellow',
  offered: 'orange',
  checkedIn: 'green',
  pickedUp: 'gray',
  cancelled: 'gray',
  declined: 'gray',
  expired: 'gray',
};
