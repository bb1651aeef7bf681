import { z } from 'zod';
import { procedure } from './define';
import { DRAFT_FORM_PATTERN, draftDataProblem } from '../domain/drafts';

const draftForm = z.string().regex(DRAFT_FORM_PATTERN);
/** A draft's data: plain JSON of bounded depth and size, anything else refused before it reaches JSON.stringify. */
const draftData = z.unknown().superRefine((data, ctx) => {
  const problem = draftDataProblem(data);
  if (problem === 'invalid') ctx.addIssue({ code: 'custom', message: 'drafts.invalid' });
  if (problem === 'tooLarge') ctx.addIssue({ code: 'custom', message: 'drafts.tooLarge' });
});

export const draftsProcedures = {
  'drafts.save': procedure<null>()({
    input: z.object({ form: draftForm, data: draftData }),
    access: 'session',
    audit: false,
  }),
  'drafts.get': procedure<{ data: unknown; updatedAt: string } | null>()({
    input: z.object({ form: draftForm }),
    access: 'session',
    audit: false,
  }),
  'drafts.list': procedure<{ form: string; updatedAt: string }[]>()({
    input: z.object({}),
    access: 'session',
    audit: false,
  }),
  'drafts.discard': procedure<null>()({
    input: z.object({ form: draftForm }),
    access: 'session',
    audit: false,
  }),
};
