import { z } from 'zod';
import { procedure } from './define';
import { ADMIN_ROLES, type UserSummary, displayNameSchema, languageSchema, loginSchema, rolesSchema, userIdSchema } from '../domain/accounts';

export interface UserWithOneTimePassword {
  user: UserSummary;
  /** Given to the person once; she must replace it at her next login. */
  oneTimePassword: string;
}

const admin = ADMIN_ROLES;

export const usersProcedures = {
  'users.list': procedure<UserSummary[]>()({
    input: z.object({}),
    access: admin,
    audit: false,
  }),
  'users.create': procedure<UserWithOneTimePassword>()({
    input: z.object({
      login: loginSchema,
      displayName: displayNameSchema,
      roles: rolesSchema,
      language: languageSchema.default('fr'),
    }),
    access: admin,
    audit: { kind: 'write', entity: 'user' },
  }),
  'users.update': procedure<UserSummary>()({
    input: z.object({
      id: userIdSchema,
      displayName: displayNameSchema.optional(),
      roles: rolesSchema.optional(),
    }),
    access: admin,
    audit: { kind: 'write', entity: 'user' },
  }),
  'users.disable': procedure<UserSummary>()({
    input: z.object({ id: userIdSchema }),
    access: admin,
    audit: { kind: 'write', entity: 'user' },
  }),
  'users.enable': procedure<UserWithOneTimePassword>()({
    input: z.object({ id: userIdSchema }),
    access: admin,
    audit: { kind: 'write', entity: 'user' },
  }),
  'users.resetPassword': procedure<UserWithOneTimePassword>()({
    input: z.object({ id: userIdSchema }),
    access: admin,
    audit: { kind: 'write', entity: 'user' },
  }),
};
