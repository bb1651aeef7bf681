import { z } from 'zod';
import { procedure } from './define';
import { ADMIN_ROLES, CLINICAL_ROLES, STAFF_ROLES } from '../domain/accounts';
import { EXCEPTION_KINDS, PLAN_PERIOD_KINDS, spokenLanguage, wallTime, weekdaySchema, type AvailabilityView, type PsychologistView } from '../domain/listening';
import { isoDate, rowId, text } from './common';

/** Psychologists' and interpreters' weekly plans and dated exceptions, and the languages psychologists speak. */
const owner = z.union([z.object({ userId: rowId }), z.object({ interpreterId: rowId })]);
const planPeriod = z
  .object({ placeId: rowId.nullable().default(null), weekday: weekdaySchema, starts: wallTime, ends: wallTime, kind: z.enum(PLAN_PERIOD_KINDS).default('work') })
  .refine((p) => p.ends > p.starts, { error: 'endBeforeStart', path: ['ends'] });

export const exceptionInputSchema = z
  .object({
    owner: owner.nullable().default(null),
    placeId: rowId.nullable().default(null),
    day: isoDate,
    kind: z.enum(EXCEPTION_KINDS, { error: 'required' }),
    starts: wallTime.nullable().default(null),
    ends: wallTime.nullable().default(null),
    note: text(300).nullable().default(null),
  })
  .refine((e) => e.kind !== 'differentHours' || (e.starts !== null && e.ends !== null), { error: 'required', path: ['starts'] })
  .refine((e) => e.starts === null || e.ends === null || e.ends > e.starts, { error: 'endBeforeStart', path: ['ends'] });

/** Psychologists set their own; administrators anyone's (main checks who the owner is). */
const planners = [...CLINICAL_ROLES, ...ADMIN_ROLES] as const;

export const availabilityProcedures = {
  /** The psychologists (users with the role) and the languages each speaks. */
  'availability.psychologists': procedure<PsychologistView[]>()({ input: z.object({}), access: STAFF_ROLES, audit: false }),
  'availability.setLanguages': procedure<PsychologistView>()({
    input: z.object({ userId: rowId, languages: z.array(spokenLanguage).max(10) }),
    access: planners,
    audit: { kind: 'write', entity: 'user' },
  }),
  'availability.get': procedure<AvailabilityView>()({ input: z.object({ owner }), access: STAFF_ROLES, audit: false }),
  /** The whole weekly plan at once. */
  'availability.setPlan': procedure<AvailabilityView>()({
    input: z.object({ owner, plan: z.array(planPeriod).max(70) }),
    access: planners,
    audit: { kind: 'write', entity: 'availability' },
  }),
  /** A dated exception; `placeClosed` and `publicHoliday` have no owner and are administrators' only. */
  'availability.addException': procedure<AvailabilityView>()({ input: exceptionInputSchema, access: planners, audit: { kind: 'write', entity: 'availability' } }),
  'availability.removeException': procedure<AvailabilityView>()({ input: z.object({ id: rowId }), access: planners, audit: { kind: 'write', entity: 'availability' } }),
};
