import { z } from 'zod';
import { procedure } from './define';
import { DESK_WORK_ROLES, LANGUAGES } from '../domain/accounts';
import {
  AGE_UNITS,
  COLLECTOR_KINDS,
  type ActivityBookingOutcome,
  type BookingView,
  type ChildcareBoard,
  type PickupSlip,
  type SlotView,
} from '../domain/childcare';
import { wallTime } from '../domain/listening';
import { TEXT_MAX } from '../domain/visitors';
import { isoDate, requiredText, rowId, text } from './common';

/**
 * Childcare slots, bookings with their waitlist and offers, check-in with its pick-up code,
 * pick-up, and the board. Wall-clock inputs are the desk's time zone. Every call first
 * settles the offers whose time has passed (from the desk's clock), so that what it reads
 * or writes is the waitlist as it stands now.
 */
const age = z.number({ error: 'required' }).int({ error: 'invalid' }).min(0, { error: 'invalid' }).max(216, { error: 'invalid' });
const capacity = z.number({ error: 'required' }).int({ error: 'invalid' }).min(1, { error: 'childcare.capacityNotPositive' }).max(200, { error: 'invalid' });

export const ratioBandSchema = z
  .object({ minAge: age, maxAge: age, childrenPerStaff: z.number({ error: 'required' }).int({ error: 'invalid' }).min(1, { error: 'childcare.ratioNotPositive' }).max(50, { error: 'invalid' }) })
  .refine((r) => r.maxAge >= r.minAge, { error: 'childcare.ageRangeInverted', path: ['maxAge'] });

/** What a slot is, whether it has its own times or takes a session's. */
const slotTermsShape = {
  placeId: rowId,
  roomId: rowId.nullable().default(null),
  capacity,
  ageUnit: z.enum(AGE_UNITS, { error: 'required' }),
  minAge: age,
  maxAge: age,
  ratios: z.array(ratioBandSchema).max(6, { error: 'invalid' }).default([]),
};
const rangeInOrder = <T extends { minAge: number; maxAge: number }>(s: T) => s.maxAge >= s.minAge;
const inverted = { error: 'childcare.ageRangeInverted', path: ['maxAge'] };

export const slotSchema = z
  .object({
    id: rowId.nullable().default(null),
    /** Ignored for a slot tied to a session: its times are the session's. */
    day: isoDate,
    starts: wallTime,
    ends: wallTime,
    ...slotTermsShape,
  })
  .refine(rangeInOrder, inverted)
  .refine((s) => s.ends > s.starts, { error: 'childcare.endsBeforeStart', path: ['ends'] });
export type SlotInput = z.output<typeof slotSchema>;

export const activitySlotsSchema = z.object({ activityId: rowId, ...slotTermsShape }).refine(rangeInOrder, inverted);
export type ActivitySlotsInput = z.output<typeof activitySlotsSchema>;

/** Who collects: her mother, an adult on her list, or (override only) someone else, named. */
export const collectorSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal(COLLECTOR_KINDS[0]) }),
    z.object({ kind: z.literal(COLLECTOR_KINDS[1]), adultId: rowId }),
    z.object({ kind: z.literal(COLLECTOR_KINDS[2]), name: requiredText(120), relation: text(80).nullable().default(null) }),
  ],
  { error: 'required' },
);

export const pickUpSchema = z.object({
  bookingId: rowId,
  /** As typed: case and spaces do not count. Null only with an override. */
  code: z.string({ error: 'required' }).max(12, { error: 'childcare.wrongCode' }).nullable().default(null),
  collector: collectorSchema,
  /** A desk worker lets the child go without the right code or to someone not on her list: why (audited). */
  overrideReason: text(TEXT_MAX).nullable().default(null),
});
export type PickUpInput = z.output<typeof pickUpSchema>;

const bookingId = z.object({ bookingId: rowId });

export const childcareProcedures = {
  /** Slots whose start falls on the desk's days `from`…`to` (inclusive). */
  'childcare.slots': procedure<SlotView[]>()({ input: z.object({ from: isoDate, to: isoDate }), access: DESK_WORK_ROLES, audit: false }),
  'childcare.slot': procedure<SlotView>()({ input: z.object({ id: rowId }), access: DESK_WORK_ROLES, audit: false }),
  /** A slot's bookings, the waitlist in its order; children's first names, not their notes. */
  'childcare.bookings': procedure<BookingView[]>()({ input: z.object({ slotId: rowId }), access: DESK_WORK_ROLES, audit: { kind: 'read', entity: 'childcareSlot' } }),
  'childcare.ofChild': procedure<BookingView[]>()({ input: z.object({ childId: rowId }), access: DESK_WORK_ROLES, audit: { kind: 'read', entity: 'child' } }),
  'childcare.saveSlot': procedure<SlotView>()({ input: slotSchema, access: DESK_WORK_ROLES, audit: { kind: 'write', entity: 'childcareSlot' } }),
  /** One slot for each future session of the activity that has none with this age range. */
  'childcare.slotsForActivity': procedure<SlotView[]>()({ input: activitySlotsSchema, access: DESK_WORK_ROLES, audit: { kind: 'write', entity: 'activity' } }),
  /** Booked, or waitlisted when full (never over capacity). */
  'childcare.book': procedure<BookingView>()({ input: z.object({ childId: rowId, slotId: rowId }), access: DESK_WORK_ROLES, audit: { kind: 'write', entity: 'childcareBooking' } }),
  /** Her children into the matching slot of every future session of the activity: an answer per child and session. */
  'childcare.bookForActivity': procedure<ActivityBookingOutcome[]>()({
    input: z.object({ childIds: z.array(rowId).min(1, { error: 'required' }).max(12, { error: 'invalid' }), activityId: rowId }),
    access: DESK_WORK_ROLES,
    audit: { kind: 'write', entity: 'activity' },
  }),
  /** Frees the place (or the waitlist's), and offers it to the next family. */
  'childcare.cancel': procedure<BookingView>()({ input: z.object({ bookingId: rowId, reason: text(TEXT_MAX).nullable().default(null) }), access: DESK_WORK_ROLES, audit: { kind: 'write', entity: 'childcareBooking' } }),
  'childcare.acceptOffer': procedure<BookingView>()({ input: bookingId, access: DESK_WORK_ROLES, audit: { kind: 'write', entity: 'childcareBooking' } }),
  'childcare.declineOffer': procedure<BookingView>()({ input: bookingId, access: DESK_WORK_ROLES, audit: { kind: 'write', entity: 'childcareBooking' } }),
  /** The child arrives: her pick-up code for the slip and the board. */
  'childcare.checkIn': procedure<BookingView>()({ input: bookingId, access: DESK_WORK_ROLES, audit: { kind: 'write', entity: 'childcareBooking' } }),
  'childcare.pickUp': procedure<BookingView>()({ input: pickUpSchema, access: DESK_WORK_ROLES, audit: { kind: 'write', entity: 'childcareBooking' } }),
  /** The childcare board of the desk's day (today when null): who is in, allergies, who may collect whom, who is overdue. */
  'childcare.board': procedure<ChildcareBoard>()({ input: z.object({ day: isoDate.nullable().default(null) }), access: DESK_WORK_ROLES, audit: { kind: 'read', entity: 'childcareBoard' } }),
  /** The slip for the adult: the code, the time and the place, nothing of the child. */
  'childcare.slip': procedure<PickupSlip>()({
    input: z.object({ bookingId: rowId, language: z.enum(LANGUAGES, { error: 'required' }) }),
    access: DESK_WORK_ROLES,
    audit: { kind: 'read', entity: 'childcareBooking' },
  }),
  'childcare.slipPrinted': procedure<null>()({
    input: z.object({ bookingId: rowId, language: z.enum(LANGUAGES, { error: 'required' }) }),
    access: DESK_WORK_ROLES,
    audit: { kind: 'write', entity: 'childcareBooking' },
  }),
};
