import { z } from 'zod';
import { procedure } from './define';
import { CLINICAL_ROLES } from '../domain/accounts';
import { desk, freeText, isoDate, visitorId } from './common';
import { NEEDS, ORIENTATIONS, URGENCIES, VIOLENCE_TYPES, VULNERABILITIES } from '../domain/visitors';

export const intakeInputSchema = z.object({
  visitorId,
  visitDate: isoDate,
  needs: z.array(z.enum(NEEDS, { error: 'invalid' })).max(NEEDS.length),
  urgency: z.enum(URGENCIES, { error: 'required' }),
  orientation: z.enum(ORIENTATIONS, { error: 'required' }),
  deskNotes: freeText.nullable().default(null),
  vulnerabilities: z.array(z.enum(VULNERABILITIES, { error: 'invalid' })).max(VULNERABILITIES.length).default([]),
  // A disclosure names its primary type (the GBVIMS tree's answer).
  violence: z
    .object({ disclosed: z.boolean(), type: z.enum(VIOLENCE_TYPES, { error: 'required' }).nullable().default(null) })
    .refine((v) => !v.disclosed || v.type !== null, { error: 'required', path: ['type'] })
    .default({ disclosed: false, type: null }),
});
export type IntakeInput = z.output<typeof intakeInputSchema>;

export const intakesProcedures = {
  'intakes.record': procedure<{ id: number }>()({
    input: intakeInputSchema,
    access: desk,
    audit: { kind: 'write', entity: 'intake' },
  }),
  /** Violence details: psychologists only. Anyone else is refused, and the refusal audited. */
  'intakes.disclosure': procedure<{ intakeId: number; violenceType: (typeof VIOLENCE_TYPES)[number] | null }>()({
    input: z.object({ intakeId: z.number().int().positive() }),
    access: CLINICAL_ROLES,
    audit: { kind: 'read', entity: 'intake' },
  }),
};
