import type { Sex } from './visitors';

/**
 * The childcare space's words, rules and views, shared by main and the renderer. Wall-clock
 * moments (`YYYY-MM-DDTHH:MM`) are the desk's, made in main; instants are UTC ISO 8601.
 */

/** Who else may collect a child (her mother always may, and is not in the list). */
export const ADULT_RELATIONS = ['father', 'grandparent', 'auntOrUncle', 'sibling', 'friend', 'neighbour', 'other'] as const;
export type AdultRelation = (typeof ADULT_RELATIONS)[number];

export const AGE_UNITS = ['months', 'years'] as const;
export type AgeUnit = (typeof AGE_UNITS)[number];

/**
 * A booking's life: `booked` (or `waitlisted`, then `offered` a freed place until a time,
 * then `booked` when the desk accepts) → `checkedIn` → `pickedUp`; or it ends `cancelled`,
 * `declined` (an offer turned down) or `expired` (an offer not taken in time).
 */
export const BOOKING_STATUSES = ['booked', 'waitlisted', 'offered', 'checkedIn', 'pickedUp', 'cancelled', 'declined', 'expired'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** What takes a place: capacity counts these and nothing else (an offer holds its place). */
export const HOLDING_BOOKING_STATUSES = ['booked', 'offered', 'checkedIn', 'pickedUp'] as const satisfies readonly BookingStatus[];
export const ENDED_BOOKING_STATUSES = ['cancelled', 'declined', 'expired'] as const satisfies readonly BookingStatus[];

/** Who collected the child: her mother, an adult on her list, or someone else on a desk worker's override. */
export const COLLECTOR_KINDS = ['mother', 'authorised', 'other'] as const;
export type CollectorKind = (typeof COLLECTOR_KINDS)[number];

/** What `childcare.bookForActivity` answers for each child and session. */
export const BOOKING_OUTCOMES = ['booked', 'waitlisted', 'refused'] as const;

/**
 * How long an offered place is held for the family: 24 hours, and never past the slot's
 * start (a place nobody can take any more is no offer). A constant, not a setting: the field
 * asked for none, and one rule for every desk keeps the waitlist's order easy to explain.
 */
export const OFFER_HOLD_MS = 24 * 3_600_000;

/** The oldest child the childcare takes, in years. */
export const MAX_CHILD_AGE_YEARS = 17;

/**
 * Pick-up codes: no vowels (no words), and neither member of a look-alike pair (0/O/Q, 1/I/L,
 * 2/Z, 5/S, 6/G, 8/B, U/V/Y). Thirteen consonants and four digits: 4,913 codes of three
 * characters a day, then 83,521 of four.
 */
export const PICKUP_CODE_ALPHABET = 'CDFHJKMNPRTWX3479';
export const PICKUP_CODE_LENGTHS = [3, 4] as const;

/**
 * Combinations that read as an insult or a taunt once the vowels are put back, in French,
 * English and Darija as it is written in Latin letters (3 for ع, 7 for ح, 9 for ق). A code
 * containing one anywhere is never given.
 */
export const PICKUP_CODE_BLOCKLIST = ['FCK', 'FK', 'FKN', 'WTF', 'PD', 'NK', 'NKM', 'KK', 'MRD', 'CN', 'TPN', 'HMR', '7MR', '9HP', 'KFR', 'JNN', 'MK'] as const;

export function isOffensiveCode(code: string): boolean {
  const upper = code.toUpperCase();
  return PICKUP_CODE_BLOCKLIST.some((bad) => upper.includes(bad));
}

/** A code as the rules make them: the alphabet, three or four characters, nothing offensive. */
export function isWellFormedPickupCode(code: string): boolean {
  return (
    (PICKUP_CODE_LENGTHS as readonly number[]).includes(code.length) &&
    [...code].every((c) => PICKUP_CODE_ALPHABET.includes(c)) &&
    !isOffensiveCode(code)
  );
}

/** What a person typed, as a code compares: case and spaces do not count. */
export function normalisePickupCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/** A wrong code this many times on one check-in, and the code no longer opens the pick-up: a desk worker's override does. */
export const WRONG_CODE_LIMIT = 3;

/**
 * Completed months from one desk day to a later one (`YYYY-MM-DD`): a month is complete on the
 * same day of the month, or on the month's last day when it has no such day (born on 31
 * January, one month old on 28 February). Written on the strings, not through a date library:
 * the board counts every child's age, and `differenceInMonths` over zoned dates cost 0.5 ms a
 * call, most of the board's time at a year's scale.
 */
export function completedMonthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth, fromDay] = from.split('-').map(Number);
  const [toYear, toMonth, toDay] = to.split('-').map(Number);
  const lastDayOfToMonth = new Date(Date.UTC(toYear, toMonth, 0)).getUTCDate();
  const monthDone = toDay >= fromDay || toDay === lastDayOfToMonth;
  return Math.max(0, (toYear - fromYear) * 12 + (toMonth - fromMonth) - (monthDone ? 0 : 1));
}

/** A child's age in completed months on the desk's day `on`, from her birth date or the age given on a day. */
export function ageInMonthsOn(child: { birthDate: string | null; ageYears: number | null; ageGivenOn: string | null }, on: string): number {
  if (child.birthDate) return completedMonthsBetween(child.birthDate, on);
  const since = child.ageGivenOn ? completedMonthsBetween(child.ageGivenOn, on) : 0;
  return (child.ageYears ?? 0) * 12 + since;
}

/** Whether an age in months is within a range given in months or years (both ends included, in completed units). */
export function isAgeInRange(months: number, range: { ageUnit: AgeUnit; minAge: number; maxAge: number }): boolean {
  const age = range.ageUnit === 'years' ? Math.floor(months / 12) : months;
  return age >= range.minAge && age <= range.maxAge;
}

export interface AuthorisedAdultView {
  id: number;
  name: string;
  relation: AdultRelation;
  phone: string | null;
}

export interface ChildView {
  id: number;
  motherId: number;
  firstName: string | null;
  birthDate: string | null;
  ageYears: number | null;
  ageGivenOn: string | null;
  /** Completed months on the desk's today. */
  ageMonths: number;
  sex: Sex;
  /** Only for those who run the childcare (policy.seesChildCareNotes); null for anyone else. */
  allergies: string | null;
  careNotes: string | null;
  /** The adults besides her mother, who always may collect her. */
  adults: AuthorisedAdultView[];
  anonymised: boolean;
}

export interface RatioBand {
  minAge: number;
  maxAge: number;
  childrenPerStaff: number;
}

export interface SlotView {
  id: number;
  /** Tied to an activity's session: its times are the session's. */
  sessionId: number | null;
  activityId: number | null;
  activityTitle: string | null;
  startsAt: string;
  endsAt: string;
  startsWall: string;
  endsWall: string;
  placeId: number;
  roomId: number | null;
  capacity: number;
  ageUnit: AgeUnit;
  minAge: number;
  maxAge: number;
  ratios: RatioBand[];
  /** Places taken (booked, offered, present, collected), waiting, and free. */
  taken: number;
  waitlisted: number;
  free: number;
  /** Staff needed for the children booked, by the ratios (null without ratios). */
  staffNeeded: number | null;
  /** The session (or the slot) was cancelled. */
  cancelled: boolean;
}

export interface BookingView {
  id: number;
  slotId: number;
  childId: number;
  motherId: number;
  /** Her mother's pseudonymous code: which family to call about an offer or a child. */
  motherCode: string;
  childFirstName: string | null;
  status: BookingStatus;
  /** On the waitlist: 1 is next. */
  position: number | null;
  requestedAt: string;
  offeredUntil: string | null;
  offeredUntilWall: string | null;
  checkedInAt: string | null;
  checkedInWall: string | null;
  pickupCode: string | null;
  pickedUpAt: string | null;
  pickedUpWall: string | null;
  collector: CollectorKind | null;
  /** The adult's name (an authorised adult's or the one an override let go); null for her mother. */
  collectorName: string | null;
  overridden: boolean;
}

/** One child and one session of `childcare.bookForActivity`. */
export interface ActivityBookingOutcome {
  childId: number;
  sessionId: number;
  slotId: number | null;
  outcome: (typeof BOOKING_OUTCOMES)[number];
  bookingId: number | null;
  position: number | null;
  /** Why refused: an error code (`childcare.ageOutOfRange`, `childcare.noSlot`, …) and its params. */
  reason: string | null;
  params: Record<string, string | number> | null;
}

/** Who may collect a child, as the board shows it. */
export interface BoardCollector {
  kind: 'mother' | 'authorised';
  adultId: number | null;
  name: string | null;
  relation: AdultRelation | null;
}

export interface BoardChild {
  bookingId: number;
  slotId: number;
  childId: number;
  childFirstName: string | null;
  ageMonths: number;
  motherId: number;
  motherCode: string;
  motherName: string | null;
  checkedInAt: string;
  checkedInWall: string;
  pickupCode: string;
  allergies: string | null;
  careNotes: string | null;
  collectors: BoardCollector[];
  /** Her slot has ended and she is still here. */
  overdue: boolean;
}

export interface ChildcareBoard {
  day: string;
  now: string;
  slots: SlotView[];
  children: BoardChild[];
  /** Booked for today's slots, not yet checked in. */
  expected: BookingView[];
  /** Offers waiting for the desk's answer. */
  offers: BookingView[];
}

export interface PickupSlip {
  pickupCode: string;
  day: string;
  endsWall: string;
  placeName: string;
  organisationName: string;
}
