import { z } from 'zod';

export const ROLES = ['desk', 'psychologist', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The role lists the contract's procedures are open to, declared once: who works with
 * visitors at the desk (registration, consents, intakes), every member of staff, and the
 * administrators. The renderer never keeps lists of its own: it asks `mayCall`.
 */
export const DESK_WORK_ROLES = ['desk', 'psychologist'] as const satisfies readonly Role[];
export const STAFF_ROLES = ['desk', 'psychologist', 'admin'] as const satisfies readonly Role[];
export const ADMIN_ROLES = ['admin'] as const satisfies readonly Role[];
export const CLINICAL_ROLES = ['psychologist'] as const satisfies readonly Role[];

export const LANGUAGES = ['fr', 'ar', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

/** Lengths counted in Unicode code points, as a person counts characters (ASVS 6.2.1). */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_RECOMMENDED_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 1024;

export function codePointLength(text: string): number {
  return [...text].length;
}

/**
 * Passwords are only checked for length here; the list of common passwords is
 * checked in main, where it is shipped. No composition rules, no trimming, no truncation.
 */
export const passwordSchema = z
  .string({ error: 'required' })
  .refine((p) => codePointLength(p) >= PASSWORD_MIN_LENGTH, { error: 'password.tooShort' })
  .refine((p) => codePointLength(p) <= PASSWORD_MAX_LENGTH, { error: 'password.tooLong' });

export const loginSchema = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .max(64, { error: 'tooLong' })
  .regex(/^[\p{L}\p{N}._-]+$/u, { error: 'login.invalid' });

export const displayNameSchema = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .max(120, { error: 'tooLong' });

export const rolesSchema = z
  .array(z.enum(ROLES, { error: 'invalid' }))
  .min(1, { error: 'roles.required' })
  .transform((roles) => ROLES.filter((r) => roles.includes(r)));

export const languageSchema = z.enum(LANGUAGES, { error: 'invalid' });

export const userIdSchema = z.number({ error: 'required' }).int().positive();

export interface UserSummary {
  id: number;
  login: string;
  displayName: string;
  roles: Role[];
  language: Language;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface SessionUser {
  id: number;
  login: string;
  displayName: string;
  roles: Role[];
  language: Language;
  mustChangePassword: boolean;
}
