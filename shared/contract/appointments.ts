import { z } from 'zod';
import { procedure } from './define';
import { ADMIN_ROLES, CLINICAL_ROLES, DESK_WORK_ROLES, LANGUAGES, STAFF_ROLES } from '../domain/accounts';
import {
  APPOINTMENT_STATUSES,
  CANCELLED_BY,
  MAX_SESSION_MINUTES,
  SERIES_RULES,
  spokenLanguage,
  wallDateTime,
  type AppointmentCard,
  type AppointmentDetail,
  type AppointmentView,
  type DeskClock,
  type FreeSlotView,
  type ReminderCall,
  type SessionKindView,
} from '../domain/listening';
import { TEXT_MAX } from '../domain/visitors';
import { freeText, isoDate, requiredReason, rowId, text, visitorId } from './common';

/**
 * The listening unit's appointments and their session kinds. Notes are not here: they are
 * the author's (shared/contract/notes.ts). Wall-clock inputs are the desk's time zone.
 */
const minutes = z
  .number({ error: 'required' })
  .int({ error: 'invalid' })
  .min(5, { error: 'appointments.durationTooShort' })
  .max(MAX_SESSION_MINUTES, { error: 'appointments.durationTooLong' });

/** What a booking names; `psychologistId: null` is "first available". */
export const bookingSchema = z.object({
  visitorId,
  psychologistId: rowId.nullable().default(null),
  placeId: rowId,
  roomId: rowId.nullable().default(null),
  startsAt: wallDateTime,
  minutes,
  kindId: rowId,
  interpreterLanguage: spokenLanguage.nullable().default(null),
  interpreterId: rowId.nullable().default(null),
  /** Outside the psychologist's hours: psychologists and administrators only, with a reason (audited). */
  overrideReason: text(TEXT_MAX).nullable().default(null),
  repeat: z
    .object({
      rule: z.enum(SERIES_RULES, { error: 'required' }),
      count: z.number().int().min(2).max(52).nullable().default(null),
      until: isoDate.nullable().default(null),
    })
    .refine((r) => (r.count === null) !== (r.until === null), { error: 'appointments.repeatNeedsEnd', path: ['count'] })
    .nullable()
    .default(null),
});
export type BookingInput = z.output<typeof bookingSchema>;

export const slotQuerySchema = z.object({
  visitorId,
  kindId: rowId,
  placeId: rowId,
  psychologistId: rowId.nullable().default(null),
  interpreterLanguage: spokenLanguage.nullable().default(null),
  /** From this wall-clock moment (the desk's now when null). */
  from: wallDateTime.nullable().default(null),
  limit: z.number().int().min(1).max(50).default(10),
});

export const statusChangeSchema = z
  .object({
    id: rowId,
    // Every status, so that a move the transitions forbid (done → scheduled) is named as such, not as bad input.
    status: z.enum(APPOINTMENT_STATUSES, { error: 'required' }),
    cancelledBy: z.enum(CANCELLED_BY).nullable().default(null),
    reason: freeText.nullable().default(null),
  })
  .refine((s) => s.status !== 'cancelled' || s.cancelledBy !== null, { error: 'required', path: ['cancelledBy'] })
  .refine((s) => s.status !== 'cancelled' || (s.reason ?? '').length > 0, { error: 'required', path: ['reason'] });

export const rescheduleSchema = z.object({
  id: rowId,
  startsAt: wallDateTime,
  minutes,
  roomId: rowId.nullable().default(null),
  psychologistId: rowId.nullable().default(null),
  reason: requiredReason,
  overrideReason: text(TEXT_MAX).nullable().default(null),
});

const range = z.object({
  /** The desk's days, inclusive: a day view gives one, a week view seven. */
  from: isoDate,
  to: isoDate,
  placeId: rowId.nullable().default(null),
  psychologistId: rowId.nullable().default(null),
});

export const appointmentsProcedures = {
  'appointments.kinds': procedure<SessionKindView[]>()({ input: z.object({ includeInactive: z.boolean().default(false) }), access: STAFF_ROLES, audit: false }),
  'appointments.saveKind': procedure<SessionKindView>()({
    input: z.object({ id: rowId.nullable().default(null), name: text(80).nullable().default(null), defaultMinutes: minutes, active: z.boolean().default(true) }),
    access: ADMIN_ROLES,
    audit: { kind: 'write', entity: 'sessionKind' },
  }),
  /** The desk's today and wall-clock now, from main's clock: the schedule's screens never read the browser's. */
  'appointments.clock': procedure<DeskClock>()({ input: z.object({}), access: STAFF_ROLES, audit: false }),
  'appointments.findSlots': procedure<FreeSlotView[]>()({ input: slotQuerySchema, access: DESK_WORK_ROLES, audit: false }),
  /** One appointment, or one per occurrence of a series, in one transaction that re-checks every clash. */
  'appointments.book': procedure<AppointmentView[]>()({ input: bookingSchema, access: DESK_WORK_ROLES, audit: { kind: 'write', entity: 'appointment' } }),
  /** A session that just happened without a booking (a walk-in): recorded as done, in the past. */
  'appointments.recordWalkIn': procedure<AppointmentView>()({
    input: bookingSchema.omit({ repeat: true, overrideReason: true, psychologistId: true }).extend({ psychologistId: rowId }),
    access: CLINICAL_ROLES,
    audit: { kind: 'write', entity: 'appointment' },
  }),
  'appointments.get': procedure<AppointmentDetail>()({ input: z.object({ id: rowId }), access: STAFF_ROLES, audit: false }),
  /** Day and week views: every appointment in the range, filtered by place or psychologist. */
  'appointments.range': procedure<AppointmentView[]>()({ input: range, access: STAFF_ROLES, audit: false }),
  /** A psychologist's own day (today when null). */
  'appointments.myDay': procedure<AppointmentView[]>()({ input: z.object({ day: isoDate.nullable().default(null) }), access: CLINICAL_ROLES, audit: false }),
  'appointments.ofVisitor': procedure<AppointmentView[]>()({ input: z.object({ visitorId }), access: STAFF_ROLES, audit: false }),
  'appointments.setStatus': procedure<AppointmentView>()({ input: statusChangeSchema, access: DESK_WORK_ROLES, audit: { kind: 'write', entity: 'appointment' } }),
  /** Moves one appointment (never its series), keeping the old time in its history. */
  'appointments.reschedule': procedure<AppointmentView>()({ input: rescheduleSchema, access: DESK_WORK_ROLES, audit: { kind: 'write', entity: 'appointment' } }),
  'appointments.cancelSeriesFrom': procedure<AppointmentView[]>()({
    input: z.object({ id: rowId, cancelledBy: z.enum(CANCELLED_BY, { error: 'required' }), reason: requiredReason }),
    access: DESK_WORK_ROLES,
    audit: { kind: 'write', entity: 'appointment' },
  }),
  /** A disabled psychologist's future appointments, for reassignment. */
  'appointments.toReassign': procedure<AppointmentView[]>()({ input: z.object({}), access: [...DESK_WORK_ROLES, ...ADMIN_ROLES], audit: false }),
  /** Tomorrow's calls (or `day`'s): visitors who consented to phone contact, and only those. */
  'appointments.reminders': procedure<ReminderCall[]>()({
    input: z.object({ day: isoDate.nullable().default(null) }),
    access: DESK_WORK_ROLES,
    audit: { kind: 'read', entity: 'appointment' },
  }),
  /**
   * The discreet card for the visitor, in the language she chose. Making it is a read, as the
   * referral slip's opening is: her code and her appointment are shown (the language is the detail).
   */
  'appointments.card': procedure<AppointmentCard>()({
    input: z.object({ id: rowId, language: z.enum(LANGUAGES, { error: 'required' }) }),
    access: DESK_WORK_ROLES,
    audit: { kind: 'read', entity: 'appointment' },
  }),
  /** The card went to the printer (the print dialog closed), in that language: the write the audit keeps. */
  'appointments.cardPrinted': procedure<null>()({
    input: z.object({ id: rowId, language: z.enum(LANGUAGES, { error: 'required' }) }),
    access: DESK_WORK_ROLES,
    audit: { kind: 'write', entity: 'appointment' },
  }),
};
