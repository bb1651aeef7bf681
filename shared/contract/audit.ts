import { z } from 'zod';
import { procedure } from './define';
import { ADMIN_ROLES } from '../domain/accounts';
import { auditFilterSchema, type AuditEntry, type AuditVerification } from '../domain/audit';

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `beforeId` to read the next (older) page; null at the start of the log. */
  nextBeforeId: number | null;
}

export const auditProcedures = {
  'audit.list': procedure<AuditPage>()({
    input: auditFilterSchema,
    access: ADMIN_ROLES,
    audit: false,
  }),
  'audit.verify': procedure<AuditVerification>()({
    input: z.object({}),
    access: ADMIN_ROLES,
    audit: { kind: 'read', entity: 'audit' },
  }),
};
