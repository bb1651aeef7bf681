import { z } from 'zod';
import type { Role } from './accounts';

/**
 * Workshops (a Darija course, coaching, a health information session) with their sessions,
 * enrolments and roll calls, and events (multi-actor days, seminars, fairs) with their
 * headcounts. Instants are UTC ISO 8601; every view also carries the desk's wall-clock
 * strings (`YYYY-MM-DDTHH:MM`) computed in main, so that no screen converts an instant.
 */

/** The four kinds the field runs: their labels are translated (`activities.kinds.<key>`); others have a name. */
export const ACTIVITY_KIND_KEYS = ['darija', 'coaching', 'healthInfo', 'other'] as const;
export type ActivityKindKey = (typeof ACTIVITY_KIND_KEYS)[number];

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const SESSION_EVENT_KINDS = ['created', 'moved', 'cancelled'] as const;

export const EVENT_KINDS = ['multiActorDay', 'seminar', 'fair', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const HEADCOUNT_CATEGORIES = ['associations', 'publicInstitutions', 'migrantCommunities', 'academics', 'other'] as const;
export type HeadcountCategory = (typeof HEADCOUNT_CATEGORIES)[number];

/**
 * Who runs workshops and events: desk staff and administrators create them, enrol
 * visitors and take the roll; psychologists (and everyone else on staff) read them.
 */
export const ACTIVITY_MANAGER_ROLES = ['desk', 'admin'] as const satisfies readonly Role[];

/** The largest group a workshop takes: a number beyond this is a typing slip. */
export const MAX_CAPACITY = 500;
/** A series makes at most this many sessions at once (a year of weekly sessions). */
export const MAX_SERIES_SESSIONS = 52;

export const capacitySchema = z
  .number({ error: 'required' })
  .int({ error: 'invalid' })
  .min(1, { error: 'activities.capacityPositive' })
  .max(MAX_CAPACITY, { error: 'activities.capacityTooLarge' });

export const headcountSchema = z
  .number({ error: 'required' })
  .int({ error: 'invalid' })
  .min(0, { error: 'events.headcountNegative' })
  .max(100_000, { error: 'tooBig' });

export interface ActivityKindView {
  id: number;
  key: ActivityKindKey | null;
  name: string | null;
  active: boolean;
}

/** One change of a session: made, moved (from what), cancelled; who, when, why. */
export interface SessionEventView {
  kind: (typeof SESSION_EVENT_KINDS)[number];
  oldStartsWall: string | null;
  oldEndsWall: string | null;
  reason: string | null;
  atWall: string;
  by: string;
}

export interface ActivitySessionView {
  id: number;
  activityId: number;
  startsAt: string;
  endsAt: string;
  /** On the desk's wall clock, read by main. */
  startsWall: string;
  endsWall: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** Moved at least once: the history says from when. */
  moved: boolean;
  /** How many enrolled visitors have a mark for this session. */
  marked: number;
}

export interface ActivityView {
  id: number;
  kindId: number;
  kindKey: ActivityKindKey | null;
  kindName: string | null;
  title: string;
  facilitator: string;
  placeId: number;
  placeName: string;
  roomId: number | null;
  roomName: string | null;
  capacity: number;
  description: string | null;
  active: boolean;
  /** Visitors enrolled and not withdrawn. */
  enrolled: number;
  sessionCount: number;
  /** The next session not cancelled, from the desk's now (wall clock), or null. */
  nextSessionWall: string | null;
}

export interface EnrolmentView {
  id: number;
  activityId: number;
  visitorId: number;
  visitorCode: string;
  /** Her initials and code, as the desk's boards show her. */
  visitorLabel: string;
  enrolledAtWall: string;
  withdrawnAtWall: string | null;
}

export interface ActivityDetail extends ActivityView {
  sessions: ActivitySessionView[];
  enrolments: EnrolmentView[];
}

export interface SessionDetail extends ActivitySessionView {
  history: SessionEventView[];
}

/** One row of a roll call: an enrolled visitor and her mark (null: not yet taken). */
export interface RollCallRow {
  visitorId: number;
  visitorCode: string;
  visitorLabel: string;
  status: AttendanceStatus | null;
}

export interface RollCallView {
  activity: ActivityView;
  session: ActivitySessionView;
  rows: RollCallRow[];
}

/** The visitor's profile timeline: her enrolments and each session's mark. */
export interface VisitorActivityView {
  enrolmentId: number;
  activityId: number;
  title: string;
  kindKey: ActivityKindKey | null;
  kindName: string | null;
  /** Instants to place her enrolment among the timeline's other events; the walls to show. */
  enrolledAt: string;
  enrolledAtWall: string;
  withdrawnAt: string | null;
  withdrawnAtWall: string | null;
  attendance: { sessionId: number; startsAt: string; startsWall: string; status: AttendanceStatus }[];
}

export interface EventParticipantView {
  visitorId: number;
  visitorCode: string;
  visitorLabel: string;
}

export interface EventView {
  id: number;
  kind: EventKind;
  title: string;
  /** The desk's `YYYY-MM-DD`. */
  day: string;
  placeId: number | null;
  placeName: string | null;
  location: string | null;
  notes: string | null;
  headcounts: Record<HeadcountCategory, number>;
  participants: EventParticipantView[];
  /** The headcounts plus the registered visitors. */
  total: number;
}
