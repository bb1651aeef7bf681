import type { HandlersFor } from '../router';
import { acting } from '../acting';
import { AppError } from '../errors';
import { refuseFutureDate } from '../settings/desk-calendar';
import { hasConsent } from '../consents/service';
import { requireActiveVisitor, touchVisitor } from '../visitors/service';
import { disclosureOf, recordIntake } from './service';

export const intakesHandlers: HandlersFor<'intakes.record' | 'intakes.disclosure'> = {
  'intakes.record': (input, { desk, setAuditEntityId }) => {
    const { db, actor, now } = acting(desk);
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
    const { db, user } = acting(desk);
    setAuditEntityId(intakeId);
    return disclosureOf(db, intakeId, user.roles);
  },
};
