import { z } from 'zod';
import { procedure } from './define';
import { ADMIN_ROLES } from '../domain/accounts';
import { CONSENT_KINDS, visitorFieldsSchema } from '../domain/visitors';
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

import { visitorId } from './common';

import { anyStaff, desk } from './common';

export const initialConsentsSchema = z.object(
  Object.fromEntries(CONSENT_KINDS.map((k) => [k, z.boolean()])) as Record<(typeof CONSENT_KINDS)[number], z.ZodBoolean>,
);


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
    access: ADMIN_ROLES,
    audit: { kind: 'write', entity: 'visitor' },
  }),
  'visitors.retentionCandidates': procedure<VisitorListItem[]>()({
    input: z.object({}),
    access: ADMIN_ROLES,
    audit: false,
  }),
  'consents.record': procedure<ConsentState>()({
    input: z.object({ visitorId, kind: z.enum(CONSENT_KINDS, { error: 'required' }), granted: z.boolean() }),
    access: desk,
    audit: { kind: 'write', entity: 'visitor' },
  }),
};

export type { PartnerView, ReferralView, ReferralSlip };
