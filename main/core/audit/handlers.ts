import type { HandlersFor } from '../router';
import { listAudit, verifyAudit } from './service';

export const auditHandlers: HandlersFor<'audit.list' | 'audit.verify'> = {
  'audit.list': (filter, { desk }) => listAudit(desk.requireSession().db, filter),
  'audit.verify': (_input, { desk }) => verifyAudit(desk.requireSession().db),
};
