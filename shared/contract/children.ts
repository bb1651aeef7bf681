import { z } from 'zod';
import { procedure } from './define';
import { DESK_WORK_ROLES, STAFF_ROLES } from '../domain/accounts';
import { ADULT_RELATIONS, MAX_CHILD_AGE_YEARS, type ChildView } from '../domain/childcare';
import { SEXES, TEXT_MAX } from '../domain/visitors';
import { isoDate, requiredText, rowId, text, visitorId } from './common';

/**
 * Children, recorded under their mother (a visitor), and the adults she authorises to
 * collect them. Her mother always may: she is implied, never listed, never removed.
 */
export const authorisedAdultSchema = z.object({
  /** An adult already on the list keeps her id; a new one has none. */
  id: rowId.nullable().default(null),
  name: requiredText(120),
  relation: z.enum(ADULT_RELATIONS, { error: 'required' }),
  phone: text(40).nullable().default(null),
});
export type AuthorisedAdultInput = z.output<typeof authorisedAdultSchema>;

export const childFieldsSchema = z
  .object({
    firstName: text(80).nullable().default(null),
    /** Her birth date, or else an approximate age in years. */
    birthDate: isoDate.nullable().default(null),
    ageYears: z.number({ error: 'required' }).int({ error: 'invalid' }).min(0, { error: 'invalid' }).max(MAX_CHILD_AGE_YEARS, { error: 'children.tooOld' }).nullable().default(null),
    sex: z.enum(SEXES, { error: 'required' }),
    allergies: text(TEXT_MAX).nullable().default(null),
    careNotes: text(TEXT_MAX).nullable().default(null),
    /** Besides her mother; the whole list each time (one missing is removed). */
    adults: z.array(authorisedAdultSchema).max(10, { error: 'children.tooManyAdults' }).default([]),
  })
  .refine((c) => c.birthDate !== null || c.ageYears !== null, { error: 'children.ageRequired', path: ['birthDate'] });
export type ChildFields = z.output<typeof childFieldsSchema>;

export const childrenProcedures = {
  /** Her children. Allergies and care notes only for those who run the childcare (policy.seesChildCareNotes). */
  'children.ofMother': procedure<ChildView[]>()({ input: z.object({ visitorId }), access: STAFF_ROLES, audit: { kind: 'read', entity: 'visitor' } }),
  'children.get': procedure<ChildView>()({ input: z.object({ id: rowId }), access: STAFF_ROLES, audit: { kind: 'read', entity: 'child' } }),
  'children.add': procedure<ChildView>()({
    input: z.object({ motherId: visitorId, child: childFieldsSchema }),
    access: DESK_WORK_ROLES,
    audit: { kind: 'write', entity: 'child' },
  }),
  'children.update': procedure<ChildView>()({
    input: z.object({ id: rowId, child: childFieldsSchema }),
    access: DESK_WORK_ROLES,
    audit: { kind: 'write', entity: 'child' },
  }),
};
