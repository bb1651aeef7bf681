import { z } from 'zod';
import { procedure } from './define';
import {
  displayNameSchema,
  languageSchema,
  loginSchema,
  passwordSchema,
  type Language,
  type SessionUser,
} from '../domain/accounts';
import type { ErrorCode } from '../errors';
import { organisationNameSchema } from '../domain/settings';

export type DeskState =
  | { kind: 'setup' }
  | { kind: 'locked'; lastLogin: string | null }
  | { kind: 'open'; user: SessionUser; idleLockMinutes: number; timeZone: string }
  | { kind: 'broken'; code: ErrorCode };

export interface DeskStatus {
  state: DeskState;
  /** The language the login and setup screens open in (the last one used at this desk). */
  deskLanguage: Language;
  version: string;
}

export interface SetupResult {
  user: SessionUser;
  /** Shown once, for the organisation's safe. Never stored in clear anywhere. */
  recoveryKey: string;
}

export const appProcedures = {
  'app.status': procedure<DeskStatus>()({
    input: z.object({}),
    access: 'public',
    audit: false,
    duringPasswordChange: true,
  }),
  'app.setDeskLanguage': procedure<null>()({
    input: z.object({ language: languageSchema }),
    access: 'public',
    audit: false,
    duringPasswordChange: true,
  }),
  'setup.create': procedure<SetupResult>()({
    input: z.object({
      login: loginSchema,
      displayName: displayNameSchema,
      password: passwordSchema,
      language: languageSchema,
      /** Printed on the referral slips: the first run asks for it, so that no slip goes out unsigned. */
      organisationName: organisationNameSchema.min(1, { error: 'required' }),
    }),
    access: 'public',
    audit: false,
  }),
};
