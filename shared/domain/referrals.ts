import type { Need } from './visitors';

export const PARTNER_KINDS = ['hospital', 'publicService', 'association', 'community'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const REFERRAL_STATUSES = ['proposed', 'sent', 'accepted', 'done', 'refused', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
/** A referral still waiting on someone: it belongs on the follow-up list. */
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = ['proposed', 'sent', 'accepted'];

/** Which status may follow which: done, refused and cancelled are final. */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  proposed: ['sent', 'accepted', 'refused', 'cancelled'],
  sent: ['accepted', 'refused', 'cancelled', 'done'],
  accepted: ['done', 'cancelled', 'refused'],
  done: [],
  refused: [],
  cancelled: [],
};

export interface PartnerView {
  id: number;
  name: string;
  kind: PartnerKind;
  services: Need[];
  address: string | null;
  phone: string | null;
  active: boolean;
}

/** One step of a referral's life: who set which status when (and why, for a refusal). */
export interface ReferralEvent {
  status: ReferralStatus;
  reason: string | null;
  at: string;
  by: string | null;
}

export interface ReferralView {
  id: number;
  visitorId: number;
  visitorCode: string;
  partnerId: number;
  partnerName: string;
  service: Need;
  referredOn: string;
  status: ReferralStatus;
  statusReason: string | null;
  followUpOn: string | null;
  consentOverridden: boolean;
  createdAt: string;
  createdBy: string | null;
  /** Oldest first; the first is its proposal. */
  events: ReferralEvent[];
}

/** The printable slip: who is referred where for what, and nothing about violence. */
export interface ReferralSlip {
  /** The organisation's name from the settings; null to print the app's. */
  organisation: string | null;
  referralId: number;
  visitorCode: string;
  visitorName: string | null;
  partner: Pick<PartnerView, 'name' | 'address' | 'phone'>;
  service: Need;
  referredOn: string;
  languages: string[];
  interpreterLanguage: string | null;
  issuedBy: string;
}
