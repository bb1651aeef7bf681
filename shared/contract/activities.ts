import { z } from 'zod';
import { procedure } from './define';
import { ADMIN_ROLES, STAFF_ROLES } from '../domain/accounts';
import { SERIES_RULES, wallDateTime } from '../domain/listening';
import {
  ACTIVITY_MANAGER_ROLES,
  ATTENDANCE_STATUSES,
  MAX_SERIES_SESSIONS,
  capacitySchema,
  type ActivityDetail,
  type ActivityKindView,
  type ActivitySessionView,
  type ActivityView,
  type EnrolmentView,
  type RollCallView,
  type SessionDetail,
  type VisitorActivityView,
} from '../domain/activities';
import { TEXT_MAX } from '../domain/visitors';
import { isoDate, requiredReason, requiredText, rowId, text, visitorId } from './common';

/**
 * Workshops: their kinds, the activities with their sessions, enrolments and the roll call.
 * Wall-clock inputs are on the desk's clock; main turns them into instants.
 */
const minutes = z
  .number({ error: 'required' })
  .int({ error: 'invalid' })
  .min(5, { error: 'activities.durationTooShort' })
  .max(12 * 60, { error: 'activities.durationTooLong' });

/** When a session is: its start on the desk's clock and its length. */
export const sessionTimeSchema = z.object({ startsAt: wallDateTime, minutes });

/** A series made at once: the first session's time, weekly or fortnightly, N times or until a day. */
export const sessionSeriesSchema = sessionTimeSchema.extend({
  repeat: z
    .object({
      rule: z.enum(SERIES_RULES, { error: 'required' }),
      count: z.number({ error: 'required' }).int({ error: 'invalid' }).min(2, { error: 'activities.seriesTooShort' }).max(MAX_SERIES_SESSIONS, { error: 'activities.seriesTooLong' }).nullable().default(null),
      until: isoDate.nullable().default(null),
    })
    .refine((r) => (r.count === null) !== (r.until === null), { error: 'activities.repeatNeedsEnd', path: ['count'] })
    .nullable()
    .default(null),
});
export type SessionSeriesInput = z.output<typeof sessionSeriesSchema>;

export const activityFieldsSchema = z.object({
  kindId: rowId,
  title: requiredText(120),
  facilitator: requiredText(120),
  placeId: rowId,
  roomId: rowId.nullable().default(null),
  capacity: capacitySchema,
  description: text(TEXT_MAX).nullable().default(null),
});

export const createActivitySchema = activityFieldsSchema.extend({ sessions: sessionSeriesSchema });
export type CreateActivityInput = z.output<typeof createActivitySchema>;
export const updateActivitySchema = activityFieldsSchema.extend({ id: rowId, active: z.boolean().default(true) });
export type UpdateActivityInput = z.output<typeof updateActivitySchema>;

export const moveSessionSchema = sessionTimeSchema.extend({ id: rowId, reason: requiredReason });
export const cancelSessionSchema = z.object({ id: rowId, reason: requiredReason });
export const enrolmentSchema = z.object({ activityId: rowId, visitorId });

export const rollCallSchema = z.object({
  sessionId: rowId,
  marks: z
    .array(z.object({ visitorId, status: z.enum(ATTENDANCE_STATUSES, { error: 'required' }) }))
    .min(1, { error: 'activities.nothingMarked' })
    .max(1000, { error: 'tooBig' })
    .refine((marks) => new Set(marks.map((m) => m.visitorId)).size === marks.length, { error: 'invalid' }),
});
export type RollCallInput = z.output<typeof rollCallSchema>;

const write = (entity: string) => ({ kind: 'write', entity }) as const;

export const activitiesProcedures = {
  'activities.kinds': procedure<ActivityKindView[]>()({ input: z.object({ includeInactive: z.boolean().default(false) }), access: STAFF_ROLES, audit: false }),
  /** A kind of the administrators' own (a name), or a kind (de)activated; the four keyed ones keep their key. */
  'activities.saveKind': procedure<ActivityKindView>()({
    input: z.object({ id: rowId.nullable().default(null), name: text(80).nullable().default(null), active: z.boolean().default(true) }),
    access: ADMIN_ROLES,
    audit: write('activityKind'),
  }),
  'activities.list': procedure<ActivityView[]>()({ input: z.object({ includeInactive: z.boolean().default(false) }), access: STAFF_ROLES, audit: false }),
  /** One activity with every session (cancelled ones too) and every enrolment (withdrawn ones too). */
  'activities.get': procedure<ActivityDetail>()({ input: z.object({ id: rowId }), access: STAFF_ROLES, audit: false }),
  /** The activity and its first session or whole series, in one transaction. */
  'activities.create': procedure<ActivityDetail>()({ input: createActivitySchema, access: ACTIVITY_MANAGER_ROLES, audit: write('activity') }),
  'activities.update': procedure<ActivityDetail>()({ input: updateActivitySchema, access: ACTIVITY_MANAGER_ROLES, audit: write('activity') }),
  'activities.addSession': procedure<ActivitySessionView>()({ input: sessionTimeSchema.extend({ activityId: rowId }), access: ACTIVITY_MANAGER_ROLES, audit: write('activitySession') }),
  'activities.session': procedure<SessionDetail>()({ input: z.object({ id: rowId }), access: STAFF_ROLES, audit: false }),
  /** Moves one session, never the others, keeping its old time in its history. */
  'activities.moveSession': procedure<ActivitySessionView>()({ input: moveSessionSchema, access: ACTIVITY_MANAGER_ROLES, audit: write('activitySession') }),
  'activities.cancelSession': procedure<ActivitySessionView>()({ input: cancelSessionSchema, access: ACTIVITY_MANAGER_ROLES, audit: write('activitySession') }),
  'activities.enrol': procedure<EnrolmentView>()({ input: enrolmentSchema, access: ACTIVITY_MANAGER_ROLES, audit: write('enrolment') }),
  'activities.withdraw': procedure<EnrolmentView>()({ input: enrolmentSchema, access: ACTIVITY_MANAGER_ROLES, audit: write('enrolment') }),
  /** Every visitor enrolled in the session's activity, with her mark if the roll was taken. */
  'activities.rollCall': procedure<RollCallView>()({ input: z.object({ sessionId: rowId }), access: STAFF_ROLES, audit: false }),
  /** The whole roll of one session, saved in one transaction: each mark for an enrolled visitor only. */
  'activities.saveRollCall': procedure<RollCallView>()({ input: rollCallSchema, access: ACTIVITY_MANAGER_ROLES, audit: write('activitySession') }),
  /** The visitor's profile timeline: her enrolments and attendance. */
  'activities.ofVisitor': procedure<VisitorActivityView[]>()({ input: z.object({ visitorId }), access: STAFF_ROLES, audit: false }),
};
