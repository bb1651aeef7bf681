import { z } from 'zod';
import { procedure } from './define';
import { languageSchema, passwordSchema, type SessionUser } from '../domain/accounts';

export const accountProcedures = {
  'account.me': procedure<SessionUser>()({
    input: z.object({}),
    access: 'session',
    audit: false,
    duringPasswordChange: true,
  }),
  'account.changePassword': procedure<SessionUser>()({
    input: z.object({
      currentPassword: z.string({ error: 'required' }).min(1, { error: 'required' }).max(4096, { error: 'tooLong' }),
      newPassword: passwordSchema,
    }),
    access: 'session',
    audit: { kind: 'write', entity: 'user' },
    duringPasswordChange: true,
  }),
  'account.setLanguage': procedure<SessionUser>()({
    input: z.object({ language: languageSchema }),
    access: 'session',
    audit: { kind: 'write', entity: 'user' },
    duringPasswordChange: true,
  }),
};
