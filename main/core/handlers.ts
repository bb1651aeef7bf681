import { accountHandlers, appHandlers, authHandlers, keysHandlers, usersHandlers } from './accounts/handlers';
import { auditHandlers } from './audit/handlers';
import { createRouter, type Handlers, type Router } from './router';
import { settingsHandlers } from './settings/handlers';
import { referralsHandlers, visitorsHandlers } from './visitors/handlers';

/** The whole contract's implementation; the type makes a missing handler a compile error. */
export const handlers: Handlers = {
  ...appHandlers,
  ...authHandlers,
  ...accountHandlers,
  ...usersHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...visitorsHandlers,
  ...referralsHandlers,
  ...keysHandlers,
};

export function createDeskRouter(log?: (line: string) => void): Router {
  return createRouter(handlers, log);
}
