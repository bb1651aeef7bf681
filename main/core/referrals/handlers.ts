import type { HandlersFor } from '../router';
import { acting } from '../acting';
import { AppError } from '../errors';
import { refuseFutureDate } from '../settings/desk-calendar';
import { hasConsent } from '../consents/service';
import { requireActiveVisitor, touchVisitor } from '../visitors/service';
import { mayOverrideReferralConsent } from '../../../shared/domain/policy';
import {
  createPartner,
  followUpsDue,
  getReferral,
  insertReferral,
  listPartners,
  referralSlip,
  setReferralStatus,
  updatePartner,
} from './service';

export const referralsHandlers: HandlersFor<
  'partners.list' | 'partners.create' | 'partners.update' | 'referrals.create' | 'referrals.setStatus' | 'referrals.followUpsDue' | 'referrals.slip'
> = {
  'partners.list': ({ includeInactive }, { desk }) => listPartners(acting(desk).db, includeInactive),
  'partners.create': (fields, { desk, setAuditEntityId }) => {
    const { db, now } = acting(desk);
    const partner = createPartner(db, fields, now);
    setAuditEntityId(partner.id);
    return partner;
  },
  'partners.update': ({ id, ...fields }, { desk, setAuditEntityId }) => {
    const { db, now } = acting(desk);
    setAuditEntityId(id);
    return updatePartner(db, id, fields, now);
  },
  'referrals.create': (input, { desk, setAuditEntityId }) => {
    const { db, user, actor, now } = acting(desk);
    // Made today or before; its follow-up may well be later.
    refuseFutureDate(db, now, 'referredOn', input.referredOn);
    requireActiveVisitor(db, input.visitorId);
    let overrideReason: string | null = null;
    if (!hasConsent(db, input.visitorId, 'referrals')) {
      if (!input.consentOverrideReason) {
        throw new AppError('referrals.consentRequired', { fields: { consentOverrideReason: 'referrals.consentRequired' } });
      }
      if (!mayOverrideReferralConsent(user.roles)) {
        throw new AppError('referrals.consentRequired', { fields: { consentOverrideReason: 'referrals.overrideNotAllowed' } });
      }
      overrideReason = input.consentOverrideReason;
    }
    const referral = db.transaction(() => {
      const created = insertReferral(db, actor, { ...input, consentOverrideReason: overrideReason }, now);
      touchVisitor(db, input.visitorId, now);
      return created;
    })();
    setAuditEntityId(referral.id);
    if (overrideReason) {
      desk.audit({ action: 'referrals.consentOverride', entity: 'referral', entityId: String(referral.id), outcome: 'success' });
    }
    return referral;
  },
  'referrals.setStatus': (input, { desk, setAuditEntityId }) => {
    const { db, actor, now } = acting(desk);
    setAuditEntityId(input.id);
    // Her referrals stay for the counts, frozen: a new status or reason would be written about her after the erasure.
    requireActiveVisitor(db, getReferral(db, input.id).visitorId);
    return db.transaction(() => setReferralStatus(db, actor, input, now))();
  },
  'referrals.followUpsDue': ({ on }, { desk }) => followUpsDue(acting(desk).db, on),
  'referrals.slip': ({ id }, { desk, setAuditEntityId }) => {
    const { db, user } = acting(desk);
    setAuditEntityId(id);
    return referralSlip(db, id, user.displayName);
  },
};
