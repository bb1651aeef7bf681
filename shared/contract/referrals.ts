import { z } from 'zod';
import { procedure } from './define';
import { ADMIN_ROLES, LANGUAGES, STAFF_ROLES } from '../domain/accounts';
import { PARTNER_KINDS, REFERRAL_STATUSES, type PartnerView, type ReferralSlip, type ReferralView } from '../domain/referrals';
import { NEEDS, TEXT_MAX } from '../domain/visitors';
import { anyStaff as staff, isoDate, text } from './common';

const partnerFields = z.object({
  name: text(120).refine((v) => v.length > 0, { error: 'required' }),
  kind: z.enum(PARTNER_KINDS, { error: 'required' }),
  services: z.array(z.enum(NEEDS, { error: 'invalid' })).max(NEEDS.length).default([]),
  address: text(300).nullable().default(null),
  phone: z.string().max(40, { error: 'tooLong' }).nullable().default(null),
  active: z.boolean().default(true),
});

/** One step of a referral's life, as the desk fills it in: a refusal needs its reason. */
export const referralStepSchema = z
  .object({
    status: z.enum(REFERRAL_STATUSES, { error: 'required' }),
    reason: text(TEXT_MAX).nullable().default(null),
    followUpOn: isoDate.nullable().optional(),
  })
  .refine((r) => r.status !== 'refused' || (r.reason ?? '').length > 0, { error: 'required', path: ['reason'] });

export const referralsProcedures = {
  'partners.list': procedure<PartnerView[]>()({
    input: z.object({ includeInactive: z.boolean().default(false) }),
    access: staff,
    audit: false,
  }),
  'partners.create': procedure<PartnerView>()({
    input: partnerFields,
    access: ADMIN_ROLES,
    audit: { kind: 'write', entity: 'partner' },
  }),
  'partners.update': procedure<PartnerView>()({
    input: partnerFields.extend({ id: z.number().int().positive() }),
    access: ADMIN_ROLES,
    audit: { kind: 'write', entity: 'partner' },
  }),
  'referrals.create': procedure<ReferralView>()({
    input: z.object({
      visitorId: z.number().int().positive(),
      partnerId: z.number({ error: 'required' }).int().positive(),
      service: z.enum(NEEDS, { error: 'required' }),
      referredOn: isoDate,
      followUpOn: isoDate.nullable().default(null),
      /** Psychologists and administrators only: refer without the visitor's consent, with a reason. */
      consentOverrideReason: text(TEXT_MAX).nullable().default(null),
    }),
    access: STAFF_ROLES,
    audit: { kind: 'write', entity: 'referral' },
  }),
  'referrals.setStatus': procedure<ReferralView>()({
    input: referralStepSchema.extend({ id: z.number().int().positive() }),
    access: staff,
    audit: { kind: 'write', entity: 'referral' },
  }),
  'referrals.followUpsDue': procedure<ReferralView[]>()({
    input: z.object({ on: isoDate }),
    access: staff,
    audit: false,
  }),
  /** What the printed slip carries: never a word about violence. Opening it is a read, as opening a profile is. */
  'referrals.slip': procedure<ReferralSlip>()({
    input: z.object({ id: z.number().int().positive() }),
    access: staff,
    audit: { kind: 'read', entity: 'referral' },
  }),
  /** The slip went to the printer, in the language chosen for the partner (the entry's detail). */
  'referrals.slipPrinted': procedure<null>()({
    input: z.object({ id: z.number().int().positive(), language: z.enum(LANGUAGES, { error: 'required' }) }),
    access: staff,
    audit: { kind: 'write', entity: 'referral' },
  }),
};
