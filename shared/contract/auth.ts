import { z } from 'zod';
import { procedure } from './define';
import { passwordSchema, type SessionUser } from '../domain/accounts';

export const authProcedures = {
  'auth.login': procedure<SessionUser>()({
    input: z.object({
      login: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(256, { error: 'tooLong' }),
      password: z.string({ error: 'required' }).min(1, { error: 'required' }).max(4096, { error: 'tooLong' }),
    }),
    access: 'public',
    audit: false,
  }),
  'auth.lock': procedure<null>()({
    input: z.object({ reason: z.enum(['button', 'shortcut', 'idle', 'switchUser']).default('button') }),
    access: 'public',
    audit: false,
    duringPasswordChange: true,
  }),
  /** Break-glass: the organisation's recovery key sets a new password for an administrator. */
  'auth.recover': procedure<SessionUser>()({
    input: z.object({
      recoveryKey: z.string({ error: 'required' }).min(1, { error: 'required' }).max(200, { error: 'tooLong' }),
      login: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(256, { error: 'tooLong' }),
      newPassword: passwordSchema,
    }),
    access: 'public',
    audit: false,
  }),
};
