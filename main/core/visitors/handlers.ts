import type { HandlersFor } from '../router';
import { acting } from '../acting';
import { AppError } from '../errors';
import { intakesFor } from '../intakes/service';
import { referralsOf } from '../referrals/service';
import { readSettings } from '../settings/service';
import { consentHistory, currentConsents, hasConsent, recordConsent } from '../consents/service';
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
import { IDENTITY_ERASED_DETAIL } from '../../../shared/domain/audit';

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
> = {
  'visitors.search': ({ query, limit }, { desk }) => {
    const { db, now } = acting(desk);
    return searchVisitors(db, query, limit, now);
  },
  'visitors.recent': ({ limit }, { desk }) => {
    const { db, now } = acting(desk);
    return recentVisitors(db, limit, now);
  },
  'visitors.checkDuplicates': ({ fields }, { desk }) => {
    const { db, now } = acting(desk);
    return findDuplicates(db, fields, now);
  },
  'visitors.register': ({ fields, consents }, { desk, setAuditEntityId }) => {
    const { db, actor, now } = acting(desk);
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
    const { db, user, now } = acting(desk);
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
    return revealName(acting(desk).db, id);
  },
  'visitors.update': ({ id, fields }, { desk, setAuditEntityId }) => {
    const { db, actor, now } = acting(desk);
    setAuditEntityId(id);
    const valid = validateVisitorFields(fields, now, readSettings(db).timeZone);
    requireActiveVisitor(db, id);
    requireConsentForIdentifyingData(valid, hasConsent(db, id, 'dataProcessing'));
    db.transaction(() => updateVisitor(db, actor, id, valid, now))();
    return visitorDetail(db, id, now);
  },
  'visitors.anonymise': ({ id }, { desk, setAuditEntityId, afterCommit }) => {
    const { db, actor, now } = acting(desk);
    setAuditEntityId(id);
    anonymiseVisitor(db, actor, id, now);
    afterCommit(() => compactAfterErasure(db));
    return visitorDetail(db, id, now);
  },
  'visitors.retentionCandidates': (_input, { desk }) => {
    const { db, now } = acting(desk);
    return retentionCandidates(db, readSettings(db).retentionMonths, now);
  },
  'consents.record': ({ visitorId, kind, granted }, { desk, setAuditEntityId, setAuditDetail, afterCommit }) => {
    const { db, actor, now } = acting(desk);
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
};
