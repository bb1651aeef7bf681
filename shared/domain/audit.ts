import { z } from 'zod';
import { ROLES, type Role } from './accounts';

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
  /** An error code, a procedure name, a change of roles (`rolesChangeDetail`), an erasure or a printed slip's language, never content. */
  detail: string | null;
}

/** The audit note of a withdrawal of consent to data processing, which erased her identifying data. */
export const IDENTITY_ERASED_DETAIL = 'visitors.identityErased';

const NO_ROLE = 'none';

/**
 * The audit note of a change of roles, before and after: `roles: desk → desk,psychologist`
 * (`none` for a new account). Roles are not confidential, and who gave whom which
 * role is exactly what the log is for.
 */
export function rolesChangeDetail(before: readonly Role[], after: readonly Role[]): string {
  const list = (roles: readonly Role[]) => (roles.length > 0 ? roles.join(',') : NO_ROLE);
  return `roles: ${list(before)} → ${list(after)}`;
}

/** The roles before and after in a note written by `rolesChangeDetail`; null for any other note. */
export function parseRolesChange(detail: string): { before: Role[]; after: Role[] } | null {
  const match = /^roles: ([\w,]+) → ([\w,]+)$/.exec(detail);
  if (!match) return null;
  const list = (text: string): Role[] | null => {
    if (text === NO_ROLE) return [];
    const roles = text.split(',');
    return roles.every((role) => (ROLES as readonly string[]).includes(role)) ? (roles as Role[]) : null;
  };
  const before = list(match[1]);
  const after = list(match[2]);
  return before && after ? { before, after } : null;
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
