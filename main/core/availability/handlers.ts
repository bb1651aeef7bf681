import type { HandlersFor } from '../router';
import { acting } from '../acting';
import { AppError } from '../errors';
import { mayPlanFor } from '../../../shared/domain/policy';
import type { AvailabilityOwner } from '../../../shared/domain/listening';
import type { SessionUser } from '../../../shared/domain/accounts';
import { addException, availabilityOf, getException, listPsychologists, removeException, setLanguages, setPlan } from './service';

/** A psychologist sets only her own; the router audits the refusal as the call's failure. */
function requirePlanner(user: SessionUser, owner: AvailabilityOwner | null): void {
  if (!mayPlanFor(user, owner)) throw new AppError('availability.notYours');
}

const ownerOfException = (e: { userId: number | null; interpreterId: number | null }): AvailabilityOwner | null =>
  e.userId !== null ? { userId: e.userId } : e.interpreterId !== null ? { interpreterId: e.interpreterId } : null;

export const availabilityHandlers: HandlersFor<
  | 'availability.psychologists'
  | 'availability.setLanguages'
  | 'availability.get'
  | 'availability.setPlan'
  | 'availability.addException'
  | 'availability.removeException'
> = {
  'availability.psychologists': (_input, { desk }) => listPsychologists(acting(desk).db),
  'availability.setLanguages': ({ userId, languages }, { desk, setAuditEntityId }) => {
    const { db, user } = acting(desk);
    setAuditEntityId(userId);
    requirePlanner(user, { userId });
    return setLanguages(db, userId, languages);
  },
  'availability.get': ({ owner }, { desk }) => availabilityOf(acting(desk).db, owner),
  'availability.setPlan': ({ owner, plan }, { desk, setAuditEntityId }) => {
    const { db, user } = acting(desk);
    setAuditEntityId('userId' in owner ? `user:${owner.userId}` : `interpreter:${owner.interpreterId}`);
    requirePlanner(user, owner);
    return setPlan(db, owner, plan);
  },
  'availability.addException': (input, { desk, setAuditEntityId }) => {
    const { db, user, actor, now } = acting(desk);
    // A leave is someone's; a closed place names the place; a holiday and a closed place are everyone's.
    if (input.kind === 'leave' && input.owner === null) throw new AppError('call.invalidInput', { fields: { owner: 'required' } });
    if (input.kind === 'placeClosed' && input.placeId === null) throw new AppError('call.invalidInput', { fields: { placeId: 'required' } });
    if (input.kind === 'differentHours' && input.owner === null && input.placeId === null) {
      throw new AppError('call.invalidInput', { fields: { placeId: 'required' } });
    }
    const owner = input.kind === 'placeClosed' || input.kind === 'publicHoliday' ? null : input.owner;
    requirePlanner(user, owner);
    const id = addException(db, actor, { ...input, owner }, now);
    setAuditEntityId(id);
    return availabilityOf(db, owner ?? { userId: user.id });
  },
  'availability.removeException': ({ id }, { desk, setAuditEntityId }) => {
    const { db, user } = acting(desk);
    setAuditEntityId(id);
    const exception = getException(db, id);
    const owner = ownerOfException(exception);
    requirePlanner(user, owner);
    removeException(db, id);
    return availabilityOf(db, owner ?? { userId: user.id });
  },
};
