import { accountHandlers, appHandlers, authHandlers, keysHandlers, usersHandlers } from './accounts/handlers';
import { auditHandlers } from './audit/handlers';
import { createRouter, type Handlers, type Router } from './router';
import { settingsHandlers } from './settings/handlers';
import { draftsHandlers } from './drafts/handlers';
import { intakesHandlers } from './intakes/handlers';
import { referralsHandlers } from './referrals/handlers';
import { visitorsHandlers } from './visitors/handlers';
import { placesHandlers } from './places/handlers';
import { interpretersHandlers } from './interpreters/handlers';
import { availabilityHandlers } from './availability/handlers';
import { appointmentsHandlers } from './appointments/handlers';
import { notesHandlers } from './notes/handlers';
import { backupsHandlers } from './backups/handlers';
import { childrenHandlers } from './children/handlers';
import { childcareHandlers } from './childcare/handlers';
import { activitiesHandlers } from './activities/handlers';
import { eventsHandlers } from './events/handlers';

/** The whole contract's implementation; the type makes a missing handler a compile error. */
export const handlers: Handlers = {
  ...appHandlers,
  ...authHandlers,
  ...accountHandlers,
  ...usersHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...visitorsHandlers,
  ...intakesHandlers,
  ...draftsHandlers,
  ...referralsHandlers,
  ...keysHandlers,
  ...placesHandlers,
  ...interpretersHandlers,
  ...availabilityHandlers,
  ...appointmentsHandlers,
  ...notesHandlers,
  ...backupsHandlers,
  ...childrenHandlers,
  ...childcareHandlers,
  ...activitiesHandlers,
  ...eventsHandlers,
};

export function createDeskRouter(log?: (line: string) => void): Router {
  return createRouter(handlers, log);
}
