import type { HandlersFor } from '../router';
import type { Desk } from '../desk';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { readSettings } from '../settings/service';
import { consentHistory, currentConsents, hasConsent, recordConsent } from './consents';
import { discardDraft, getDraft, listDrafts, saveDraft } from './drafts';
import { disclosureOf, intakesFor, recordIntake } from './intakes';
import {
  createPartner,
  followUpsDue,
  getReferral,
  insertReferral,
  listPartners,
  referralSlip,
  referralsOf,
  setReferralStatus,
  updatePartner,
} from './referrals';
import {
  anonymiseVisitor,
  compactAfterErasure,
  eraseIdentifyingData,
  findDuplicates,
  insertVisitor,
  recentVisitors,
  requireActiveVisitor,
  retentionCandidates,
  revealName,
  searchVisitors,
  touchVisitor,
  updateVisitor,
  validateVisitorFields,
  visitorChanges,
  visitorDetail,
} from './service';
import { CONSENT_KINDS, identifyingFieldsHeld, type VisitorFields } from '../../../shared/domain/visitors';
import { calendarDateIn } from '../../../shared/domain/calendar';
import { mayOverrideReferralConsent } from '../../../shared/domain/policy';
import { IDENTITY_ERASED_DETAIL } from '../../../shared/domain/audit';
import { visitorIdOfForm } from '../../../shared/domain/drafts';

/** Without consent to data processing, only the minimum is kept: no names, phone or situation. */
function requireConsentForIdentifyingData(fields: VisitorFields, consented: boolean): void {
  if (consented) return;
  const present = identifyingFieldsHeld(fields);
  if (present.length > 0) {
    throw new AppError('visitors.consentRequired', {
      fields: Object.fromEntries(present.map((f) => [`fields.${f}`, 'consent.dataProcessingRequired'])),
    });
  }
}

/**
 * A visit or a referral is recorded once it has happened: dated at the latest today,
 * on the desk's calendar (its time zone), by the desk's clock.
 */
function refuseFutureDate(db: Db, now: Date, field: 'visitDate' | 'referredOn', date: string): void {
  if (date > calendarDateIn(readSettings(db).timeZone, now)) {
    throw new AppError('call.invalidInput', { fields: { [field]: `${field}.future` as const } });
  }
}

function session(desk: Desk) {
  const s = desk.requireSession();
  return { db: s.db, user: s.user, actor: { id: s.user.id }, now: desk.now() };
}

export const visitorsHandlers: HandlersFor<
  | 'visitors.search'
  | 'visitors.recent'
  | 'visitors.checkDuplicates'
  | 'visitors.register'
  | 'visitors.get'
  | 'visitors.revealName'
  | 'visitors.update'
  | 'visitors.anonymise'
  | 'visitors.retentionCandidates'
  | 'consents.record'
  | 'intakes.record'
  | 'intakes.disclosure'
  | 'drafts.save'
  | 'drafts.get'
  | 'drafts.list'
  | 'drafts.discard'
> = {
  'visitors.search': ({ query, limit }, { desk }) => {
    const { db, now } = session(desk);
    return searchVisitors(db, query, limit, now);
  },
  'visitors.recent': ({ limit }, { desk }) => {
    const { db, now } = session(desk);
    return recentVisitors(db, limit, now);
  },
  'visitors.checkDuplicates': ({ fields }, { desk }) => {
    const { db, now } = session(desk);
    return findDuplicates(db, fields, now);
  },
  'visitors.register': ({ fields, consents }, { desk, setAuditEntityId }) => {
    const { db, actor, now } = session(desk);
    const { visitorCodePrefix, timeZone } = readSettings(db);
    const valid = validateVisitorFields(fields, now, timeZone);
    requireConsentForIdentifyingData(valid, consents.dataProcessing);
    const created = db.transaction(() => {
      const year = Number(calendarDateIn(timeZone, now).slice(0, 4));
      const visitor = insertVisitor(db, actor, valid, { prefix: visitorCodePrefix, year }, now);
      for (const kind of CONSENT_KINDS) recordConsent(db, actor, visitor.id, kind, consents[kind], now);
      return visitor;
    })();
    setAuditEntityId(created.id);
    return created;
  },
  'visitors.get': ({ id }, { desk, setAuditEntityId }) => {
    const { db, user, now } = session(desk);
    setAuditEntityId(id);
    return {
      visitor: visitorDetail(db, id, now),
      consents: currentConsents(db, id),
      consentHistory: consentHistory(db, id),
      intakes: intakesFor(db, id, user.roles),
      referrals: referralsOf(db, id),
      changes: visitorChanges(db, id),
    };
  },
  'visitors.revealName': ({ id }, { desk, setAuditEntityId }) => {
    setAuditEntityId(id);
    return revealName(session(desk).db, id);
  },
  'visitors.update': ({ id, fields }, { desk, setAuditEntityId }) => {
    const { db, actor, now } = session(desk);
    setAuditEntityId(id);
    const valid = validateVisitorFields(fields, now, readSettings(db).timeZone);
    requireActiveVisitor(db, id);
    requireConsentForIdentifyingData(valid, hasConsent(db, id, 'dataProcessing'));
    db.transaction(() => updateVisitor(db, actor, id, valid, now))();
    return visitorDetail(db, id, now);
  },
  'visitors.anonymise': ({ id }, { desk, setAuditEntityId, afterCommit }) => {
    const { db, actor, now } = session(desk);
    setAuditEntityId(id);
    anonymiseVisitor(db, actor, id, now);
    afterCommit(() => compactAfterErasure(db));
    return visitorDetail(db, id, now);
  },
  'visitors.retentionCandidates': (_input, { desk }) => {
    const { db, now } = session(desk);
    return retentionCandidates(db, readSettings(db).retentionMonths, now);
  },
  'consents.record': ({ visitorId, kind, granted }, { desk, setAuditEntityId, setAuditDetail, afterCommit }) => {
    const { db, actor, now } = session(desk);
    setAuditEntityId(visitorId);
    requireActiveVisitor(db, visitorId);
    // Without consent to data processing only the minimum is kept: what is more goes now, for good.
    const erase = kind === 'dataProcessing' && !granted;
    db.transaction(() => {
      recordConsent(db, actor, visitorId, kind, granted, now);
      touchVisitor(db, visitorId, now);
      if (erase) eraseIdentifyingData(db, visitorId, now);
    })();
    if (erase) {
      setAuditDetail(IDENTITY_ERASED_DETAIL);
      afterCommit(() => compactAfterErasure(db));
    }
    return currentConsents(db, visitorId);
  },
  'intakes.record': (input, { desk, setAuditEntityId }) => {
    const { db, actor, now } = session(desk);
    refuseFutureDate(db, now, 'visitDate', input.visitDate);
    requireActiveVisitor(db, input.visitorId);
    if (input.deskNotes && !hasConsent(db, input.visitorId, 'dataProcessing')) {
      throw new AppError('visitors.consentRequired', { fields: { deskNotes: 'consent.dataProcessingRequired' } });
    }
    const id = db.transaction(() => {
      const intakeId = recordIntake(db, actor, input, now);
      touchVisitor(db, input.visitorId, now);
      return intakeId;
    })();
    setAuditEntityId(id);
    return { id };
  },
  'intakes.disclosure': ({ intakeId }, { desk, setAuditEntityId }) => {
    const { db, user } = session(desk);
    setAuditEntityId(intakeId);
    return disclosureOf(db, intakeId, user.roles);
  },
  'drafts.save': ({ form, data }, { desk }) => {
    const { db, user, now } = session(desk);
    // A form about an anonymised visitor would keep, in its draft, what anonymisation erased.
    const about = visitorIdOfForm(form);
    if (about !== null) requireActiveVisitor(db, about);
    saveDraft(db, user.id, form, data, now);
    return null;
  },
  'drafts.get': ({ form }, { desk }) => {
    const { db, user } = session(desk);
    return getDraft(db, user.id, form);
  },
  'drafts.list': (_input, { desk }) => {
    const { db, user } = session(desk);
    return listDrafts(db, user.id);
  },
  'drafts.discard': ({ form }, { desk }) => {
    const { db, user } = session(desk);
    discardDraft(db, user.id, form);
    return null;
  },
};

export const referralsHandlers: HandlersFor<
  'partners.list' | 'partners.create' | 'partners.update' | 'referrals.create' | 'referrals.setStatus' | 'referrals.followUpsDue' | 'referrals.slip'
> = {
  'partners.list': ({ includeInactive }, { desk }) => listPartners(session(desk).db, includeInactive),
  'partners.create': (fields, { desk, setAuditEntityId }) => {
    const { db, now } = session(desk);
    const partner = createPartner(db, fields, now);
    setAuditEntityId(partner.id);
    return partner;
  },
  'partners.update': ({ id, ...fields }, { desk, setAuditEntityId }) => {
    const { db, now } = session(desk);
    setAuditEntityId(id);
    return updatePartner(db, id, fields, now);
  },
  'referrals.create': (input, { desk, setAuditEntityId }) => {
    const { db, user, actor, now } = session(desk);
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
    const { db, actor, now } = session(desk);
    setAuditEntityId(input.id);
    // Her referrals stay for the counts, frozen: a new status or reason would be written about her after the erasure.
    requireActiveVisitor(db, getReferral(db, input.id).visitorId);
    return db.transaction(() => setReferralStatus(db, actor, input, now))();
  },
  'referrals.followUpsDue': ({ on }, { desk }) => followUpsDue(session(desk).db, on),
  'referrals.slip': ({ id }, { desk, setAuditEntityId }) => {
    const { db, user } = session(desk);
    setAuditEntityId(id);
    return referralSlip(db, id, user.displayName);
  },
};
