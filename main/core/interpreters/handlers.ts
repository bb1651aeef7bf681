import type { HandlersFor } from '../router';
import { acting } from '../acting';
import { listInterpreters, saveInterpreter } from './service';

export const interpretersHandlers: HandlersFor<'interpreters.list' | 'interpreters.save'> = {
  'interpreters.list': ({ includeInactive }, { desk }) => listInterpreters(acting(desk).db, includeInactive),
  'interpreters.save': (input, { desk, setAuditEntityId }) => {
    const { db, now } = acting(desk);
    const interpreter = saveInterpreter(db, input, now);
    setAuditEntityId(interpreter.id);
    return interpreter;
  },
};
