import { z } from 'zod';
import { procedure } from './define';
import { ADMIN_ROLES, STAFF_ROLES } from '../domain/accounts';
import { INTERPRETER_KINDS, spokenLanguage, type InterpreterView } from '../domain/listening';
import { requiredText, rowId } from './common';

/** Interpreters and cultural mediators: staff-side records, not users. */
export const interpreterInputSchema = z.object({
  id: rowId.nullable().default(null),
  name: requiredText(120),
  kind: z.enum(INTERPRETER_KINDS, { error: 'required' }),
  languages: z.array(spokenLanguage).min(1, { error: 'required' }).max(10),
  phone: z.string().max(40, { error: 'tooLong' }).nullable().default(null),
  active: z.boolean().default(true),
});

export const interpretersProcedures = {
  'interpreters.list': procedure<InterpreterView[]>()({ input: z.object({ includeInactive: z.boolean().default(false) }), access: STAFF_ROLES, audit: false }),
  'interpreters.save': procedure<InterpreterView>()({ input: interpreterInputSchema, access: ADMIN_ROLES, audit: { kind: 'write', entity: 'interpreter' } }),
};
