import { z } from 'zod';

/** What the audit log records. Never confidential content: only who, when, what kind of act, on which id. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.lock',
  'auth.unlock',
  'auth.recover',
  'auth.throttled',
  'setup.create',
  'account.changePassword',
  'account.setLanguage',
  'users.create',
  'users.update',
  'users.disable',
  'users.enable',
  'users.resetPassword',
  'settings.update',
  'audit.verify',
  'call.forbidden',
  'referrals.consentOverride',
  'visitors.seed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ['success', 'failure', 'refused'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  userLogin: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  outcome: AuditOutcome;
  /** An error code or procedure name, never content. */
  detail: string | null;
}

export const auditFilterSchema = z.object({
  action: z.string().max(64).optional(),
  userId: z.number().int().positive().optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  from: z.iso.datetime({ error: 'invalid' }).optional(),
  to: z.iso.datetime({ error: 'invalid' }).optional(),
  limit: z.number().int().min(1).max(500).default(100),
  beforeId: z.number().int().positive().optional(),
});
export type AuditFilter = z.input<typeof auditFilterSchema>;

export interface AuditVerification {
  intact: boolean;
  entries: number;
  /** The first entry whose hash or link does not hold, when the chain is broken. */
  firstBrokenId: number | null;
  problem: 'edited' | 'missing' | 'reordered' | 'truncated' | null;
}
