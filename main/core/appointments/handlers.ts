import type { HandlersFor } from '../router';
import { acting } from '../acting';
import { AppError } from '../errors';
import { getKind, listKinds, saveKind } from './kinds/service';

const notYet = () => {
  throw new AppError('call.internal');
};

export const appointmentsHandlers: HandlersFor<
  | 'appointments.kinds'
  | 'appointments.saveKind'
  | 'appointments.findSlots'
  | 'appointments.book'
  | 'appointments.recordWalkIn'
  | 'appointments.get'
  | 'appointments.range'
  | 'appointments.myDay'
  | 'appointments.ofVisitor'
  | 'appointments.setStatus'
  | 'appointments.reschedule'
  | 'appointments.cancelSeriesFrom'
  | 'appointments.toReassign'
  | 'appointments.reminders'
  | 'appointments.card'
> = {
  'appointments.kinds': ({ includeInactive }, { desk }) => listKinds(acting(desk).db, includeInactive),
  'appointments.saveKind': (input, { desk, setAuditEntityId }) => {
    const { db } = acting(desk);
    if (input.id !== null) getKind(db, input.id);
    const kind = saveKind(db, input);
    setAuditEntityId(kind.id);
    return kind;
  },
  'appointments.findSlots': notYet,
  'appointments.book': notYet,
  'appointments.recordWalkIn': notYet,
  'appointments.get': notYet,
  'appointments.range': notYet,
  'appointments.myDay': notYet,
  'appointments.ofVisitor': notYet,
  'appointments.setStatus': notYet,
  'appointments.reschedule': notYet,
  'appointments.cancelSeriesFrom': notYet,
  'appointments.toReassign': notYet,
  'appointments.reminders': notYet,
  'appointments.card': notYet,
};
