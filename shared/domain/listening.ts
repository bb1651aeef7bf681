import { z } from 'zod';
import { SPOKEN_LANGUAGES } from './visitors';

/**
 * The listening unit's words and views, shared by main and the renderer. Wall-clock
 * times (`HH:MM`) and days (`YYYY-MM-DD`) are the desk's (its time zone setting,
 * Africa/Casablanca by default, which moves to UTC+0 during Ramadan); instants are UTC
 * ISO 8601 strings.
 */

/** 1 = Monday … 7 = Sunday (ISO 8601), as date-fns `getISODay` gives. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const SESSION_KIND_KEYS = ['firstListening', 'followUp', 'crisis', 'maternalHealth'] as const;
export const INTERPRETER_KINDS = ['interpreter', 'mediator'] as const;
export const PLAN_PERIOD_KINDS = ['work', 'break'] as const;
export const EXCEPTION_KINDS = ['leave', 'differentHours', 'placeClosed', 'publicHoliday'] as const;
export const SERIES_RULES = ['weekly', 'fortnightly'] as const;

export const APPOINTMENT_STATUSES = ['scheduled', 'arrived', 'done', 'noShow', 'cancelled', 'leftWithoutSession'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const CANCELLED_BY = ['visitor', 'unit'] as const;

/** The moves a status may make; every other is refused (`appointments.transitionNotAllowed`). */
export const STATUS_TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  scheduled: ['arrived', 'noShow', 'cancelled'],
  arrived: ['done', 'leftWithoutSession'],
  done: [],
  noShow: [],
  cancelled: [],
  leftWithoutSession: [],
};
/** Statuses that hold their time: an overlap with one of these is a clash. */
export const HOLDING_STATUSES = ['scheduled', 'arrived', 'done'] as const satisfies readonly AppointmentStatus[];
/** A cancellation less than this before the start is marked late. */
export const LATE_CANCELLATION_MS = 24 * 3_600_000;
/** The longest session: a day. */
export const MAX_SESSION_MINUTES = 24 * 60;

/** What a booking can clash with, in the order the error names them. */
export const CLASH_KINDS = ['psychologist', 'visitor', 'interpreter', 'room'] as const;
export type ClashKind = (typeof CLASH_KINDS)[number];

export const wallTime = z.string({ error: 'required' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'invalid' });
/** A wall-clock moment in the desk's time zone, as typed: `YYYY-MM-DDTHH:MM`. */
export const wallDateTime = z.string({ error: 'required' }).regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, { error: 'invalid' });
export const spokenLanguage = z.enum(SPOKEN_LANGUAGES, { error: 'invalid' });

export interface RoomView {
  id: number;
  placeId: number;
  name: string;
  active: boolean;
}

export interface OpeningPeriod {
  weekday: Weekday;
  opens: string;
  closes: string;
}

export interface PlaceView {
  id: number;
  name: string;
  /** What the visitor's card prints (the name when null): discreet, never "listening cell". */
  cardName: string | null;
  address: string | null;
  active: boolean;
  rooms: RoomView[];
  hours: OpeningPeriod[];
}

export interface SessionKindView {
  id: number;
  /** The field's four have a key (translated label: `listening.kinds.<key>`); others a name. */
  key: (typeof SESSION_KIND_KEYS)[number] | null;
  name: string | null;
  defaultMinutes: number;
  active: boolean;
}

export interface InterpreterView {
  id: number;
  name: string;
  kind: (typeof INTERPRETER_KINDS)[number];
  languages: (typeof SPOKEN_LANGUAGES)[number][];
  phone: string | null;
  active: boolean;
}

/** One period of a weekly plan: where, which weekday, from when to when, work or a break. */
export interface PlanPeriod {
  placeId: number | null;
  weekday: Weekday;
  starts: string;
  ends: string;
  kind: (typeof PLAN_PERIOD_KINDS)[number];
}

export interface AvailabilityException {
  id: number;
  userId: number | null;
  interpreterId: number | null;
  placeId: number | null;
  day: string;
  kind: (typeof EXCEPTION_KINDS)[number];
  /** For `differentHours`: that day's hours instead of the plan's. */
  starts: string | null;
  ends: string | null;
  note: string | null;
}

/** Whose availability: a psychologist (a user) or an interpreter. */
export type AvailabilityOwner = { userId: number } | { interpreterId: number };

export interface AvailabilityView {
  plan: PlanPeriod[];
  exceptions: AvailabilityException[];
}

export interface PsychologistView {
  id: number;
  displayName: string;
  /** Languages she speaks herself (no interpreter needed for them). */
  languages: (typeof SPOKEN_LANGUAGES)[number][];
  active: boolean;
}

export interface AppointmentEventView {
  kind: 'created' | 'status' | 'moved' | 'reassigned';
  fromStatus: AppointmentStatus | null;
  toStatus: AppointmentStatus | null;
  oldStartsAt: string | null;
  oldEndsAt: string | null;
  /** The old time on the desk's wall clock (`YYYY-MM-DDTHH:MM`), as main reads it: the screens never convert. */
  oldStartsWall: string | null;
  oldEndsWall: string | null;
  oldPsychologistName: string | null;
  reason: string | null;
  at: string;
  /** When the change was made, on the desk's wall clock. */
  atWall: string;
  by: string;
}

/**
 * An appointment as the schedule shows it. Never any note: notes are their own procedures,
 * the author's only. `visitorName` is her initials and code for the desk's boards.
 */
export interface AppointmentView {
  id: number;
  visitorId: number;
  visitorCode: string;
  visitorLabel: string;
  psychologistId: number;
  psychologistName: string;
  placeId: number;
  placeName: string;
  roomId: number | null;
  roomName: string | null;
  kindId: number;
  kindKey: SessionKindView['key'];
  kindName: string | null;
  startsAt: string;
  endsAt: string;
  /**
   * The same times on the desk's wall clock (`YYYY-MM-DDTHH:MM`), read by main: the screens
   * show these and never convert an instant themselves, so one zone database (Node's) decides.
   */
  startsWall: string;
  endsWall: string;
  interpreterLanguage: (typeof SPOKEN_LANGUAGES)[number] | null;
  interpreterId: number | null;
  interpreterName: string | null;
  seriesId: number | null;
  status: AppointmentStatus;
  cancelledBy: (typeof CANCELLED_BY)[number] | null;
  lateCancellation: boolean;
  overrideReason: string | null;
  walkIn: boolean;
  /** The visitor's no-shows so far: shown to the psychologist, never a penalty. */
  visitorNoShows: number;
}

export interface AppointmentDetail extends AppointmentView {
  history: AppointmentEventView[];
}

/** A free slot as the finder computes it, in instants. */
export interface FreeSlot {
  startsAt: string;
  endsAt: string;
  psychologistId: number;
  psychologistName: string;
  placeId: number;
  roomId: number | null;
  /** The interpreter free then who speaks the language, when the psychologist does not. */
  interpreterId: number | null;
  interpreterName: string | null;
}

/** A free slot as the screens get it: with its wall-clock times, read by main. */
export interface FreeSlotView extends FreeSlot {
  startsWall: string;
  endsWall: string;
}

/** The desk's day and wall-clock time now, from main's clock and zone data: the schedule's "today". */
export interface DeskClock {
  today: string;
  now: string;
}

/** A call list for tomorrow: only visitors who consented to phone contact, with their phone. */
export interface ReminderCall {
  appointment: AppointmentView;
  phone: string;
  language: 'fr' | 'ar' | 'en' | null;
}

/** What the appointment card prints: discreet, nothing of the unit or of psychology. */
export interface AppointmentCard {
  /** On the desk's wall clock (`YYYY-MM-DDTHH:MM`): what she reads is what main booked. */
  startsWall: string;
  placeName: string;
  placeAddress: string | null;
  visitorCode: string;
  organisationName: string;
}

export const weekdaySchema = z.union(WEEKDAYS.map((d) => z.literal(d)), { error: 'invalid' });
