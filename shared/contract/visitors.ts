import { z } from 'zod';
import { procedure } from './define';
import { DRAFT_FORM_PATTERN, draftDataProblem } from '../domain/drafts';
import {
  CONSENT_KINDS,
  NEEDS,
  ORIENTATIONS,
  TEXT_MAX,
  URGENCIES,
  VIOLENCE_TYPES,
  VULNERABILITIES,
  cleanText,
  visitorFieldsSchema,
} from '../domain/visitors';
import type {
  ConsentRecord,
  ConsentState,
  DuplicateCandidate,
  IntakeView,
  VisitorChange,
  VisitorDetail,
  VisitorListItem,
  VisitorSearchResult,
} from '../domain/visitor-views';
import type { PartnerView, ReferralView, ReferralSlip } from '../domain/referrals';

const visitorId = z.number({ error: 'required' }).int().positive();
const isoDate = z.iso.date({ error: 'invalid' });
const freeText = z
  .string()
  .max(TEXT_MAX * 2, { error: 'tooLong' })
  .transform(cleanText)
  .refine((v) => [...v].length <= TEXT_MAX, { error: 'tooLong' });

const draftForm = z.string().regex(DRAFT_FORM_PATTERN);
/** A draft's data: plain JSON of bounded depth and size, anything else refused before it reaches JSON.stringify. */
const draftData = z.unknown().superRefine((data, ctx) => {
  const problem = draftDataProblem(data);
  if (problem === 'invalid') ctx.addIssue({ code: 'custom', message: 'drafts.invalid' });
  if (problem === 'tooLarge') ctx.addIssue({ code: 'custom', message: 'drafts.tooLarge' });
});

const desk = ['desk', 'psychologist'] as const;
const anyStaff = ['desk', 'psychologist', 'admin'] as const;

export const initialConsentsSchema = z.object(
  Object.fromEntries(CONSENT_KINDS.map((k) => [k, z.boolean()])) as Record<(typeof CONSENT_KINDS)[number], z.ZodBoolean>,
);

export const intakeInputSchema = z
  .object({
    visitorId,
    visitDate: isoDate,
    needs: z.array(z.enum(NEEDS, { error: 'invalid' })).max(NEEDS.length),
    urgency: z.enum(URGENCIES, { error: 'required' }),
    orientation: z.enum(ORIENTATIONS, { error: 'required' }),
    deskNotes: freeText.nullable().default(null),
    vulnerabilities: z.array(z.enum(VULNERABILITIES, { error: 'invalid' })).max(VULNERABILITIES.length).default([]),
    violence: z
      .object({ disclosed: z.boolean(), type: z.enum(VIOLENCE_TYPES, { error: 'required' }).nullable().default(null) })
      .default({ disclosed: false, type: null }),
  })
  .refine((i) => !i.violence.disclosed || i.violence.type !== null, { error: 'required', path: ['violence', 'type'] });
export type IntakeInput = z.output<typeof intakeInputSchema>;

export interface VisitorProfile {
  visitor: VisitorDetail;
  consents: ConsentState;
  consentHistory: ConsentRecord[];
  intakes: IntakeView[];
  referrals: ReferralView[];
  changes: VisitorChange[];
}

export const visitorsProcedures = {
  'visitors.search': procedure<VisitorSearchResult>()({
    input: z.object({ query: z.string().max(200, { error: 'tooLong' }), limit: z.number().int().min(1).max(500).default(100) }),
    access: anyStaff,
    audit: false,
  }),
  'visitors.recent': procedure<VisitorListItem[]>()({
    input: z.object({ limit: z.number().int().min(1).max(200).default(30) }),
    access: anyStaff,
    audit: false,
  }),
  'visitors.checkDuplicates': procedure<DuplicateCandidate[]>()({
    input: z.object({ fields: visitorFieldsSchema }),
    access: desk,
    audit: false,
  }),
  'visitors.register': procedure<{ id: number; code: string }>()({
    input: z.object({ fields: visitorFieldsSchema, consents: initialConsentsSchema }),
    access: desk,
    audit: { kind: 'write', entity: 'visitor' },
  }),
  'visitors.get': procedure<VisitorProfile>()({
    input: z.object({ id: visitorId }),
    access: anyStaff,
    audit: { kind: 'read', entity: 'visitor' },
  }),
  'visitors.revealName': procedure<{ firstName: string | null; lastName: string | null }>()({
    input: z.object({ id: visitorId }),
    access: anyStaff,
    audit: { kind: 'read', entity: 'visitor' },
  }),
  'visitors.update': procedure<VisitorDetail>()({
    input: z.object({ id: visitorId, fields: visitorFieldsSchema }),
    access: desk,
    audit: { kind: 'write', entity: 'visitor' },
  }),
  'visitors.anonymise': procedure<VisitorDetail>()({
    input: z.object({ id: visitorId }),
    access: ['admin'],
    audit: { kind: 'write', entity: 'visitor' },
  }),
  'visitors.retentionCandidates': procedure<VisitorListItem[]>()({
    input: z.object({}),
    access: ['admin'],
    audit: false,
  }),
  'consents.record': procedure<ConsentState>()({
    input: z.object({ visitorId, kind: z.enum(CONSENT_KINDS, { error: 'required' }), granted: z.boolean() }),
    access: desk,
    audit: { kind: 'write', entity: 'visitor' },
  }),
  'intakes.record': procedure<{ id: number }>()({
    input: intakeInputSchema,
    access: desk,
    audit: { kind: 'write', entity: 'intake' },
  }),
  /** Violence details: psychologists only. Anyone else is refused, and the refusal audited. */
  'intakes.disclosure': procedure<{ intakeId: number; violenceType: (typeof VIOLENCE_TYPES)[number] | null }>()({
    input: z.object({ intakeId: z.number().int().positive() }),
    access: ['psychologist'],
    audit: { kind: 'read', entity: 'intake' },
  }),
  'drafts.save': procedure<null>()({
    input: z.object({ form: draftForm, data: draftData }),
    access: 'session',
    audit: false,
  }),
  'drafts.get': procedure<{ data: unknown; updatedAt: string } | null>()({
    input: z.object({ form: draftForm }),
    access: 'session',
    audit: false,
  }),
  'drafts.list': procedure<{ form: string; updatedAt: string }[]>()({
    input: z.object({}),
    access: 'session',
    audit: false,
  }),
  'drafts.discard': procedure<null>()({
    input: z.object({ form: draftForm }),
    access: 'session',
    audit: false,
  }),
};

export type { PartnerView, ReferralView, ReferralSlip };
