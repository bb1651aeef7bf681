import { z } from 'zod';
import { procedure } from './define';
import { ADMIN_ROLES, CLINICAL_ROLES, userIdSchema } from '../domain/accounts';
import {
  BREAK_GLASS_REASON_MAX,
  BREAK_GLASS_REASON_MIN,
  NOTE_DRAFT_KEY_PATTERN,
  noteBodySchema,
  noteDraftSchema,
  type BreakGlassNotice,
  type BreakGlassPreview,
  type ClosedNotesAccount,
  type NoteDraft,
  type NotesStatus,
  type NoteView,
  type PsychologistOption,
  type VisitorNotes,
} from '../domain/notes';

/**
 * Private session notes. Reading and writing are the psychologists' alone (an
 * administrator's or a desk worker's call is refused and audited by the router);
 * break-glass is the administrators', with the recovery key, and never returns a note's
 * content. No procedure gives an administrator a secret closed by a password reset.
 */

const id = z.number({ error: 'required' }).int().positive();
const draftKey = z.string({ error: 'required' }).regex(NOTE_DRAFT_KEY_PATTERN, { error: 'invalid' });
const recoveryKey = z.string({ error: 'required' }).min(1, { error: 'required' }).max(200, { error: 'tooLong' });
const psychologist = CLINICAL_ROLES;
const admin = ADMIN_ROLES;

export const notesProcedures = {
  'notes.status': procedure<NotesStatus>()({
    input: z.object({}),
    access: psychologist,
    audit: false,
  }),
  'notes.create': procedure<NoteView>()({
    input: z
      .object({ visitorId: id.optional(), appointmentId: id.optional(), body: noteBodySchema })
      .refine((input) => input.visitorId !== undefined || input.appointmentId !== undefined, { error: 'required', path: ['visitorId'] }),
    access: psychologist,
    audit: { kind: 'write', entity: 'note' },
  }),
  'notes.update': procedure<NoteView>()({
    input: z.object({ id, body: noteBodySchema }),
    access: psychologist,
    audit: { kind: 'write', entity: 'note' },
  }),
  'notes.get': procedure<NoteView>()({
    input: z.object({ id }),
    access: psychologist,
    audit: { kind: 'read', entity: 'note' },
  }),
  'notes.listForVisitor': procedure<VisitorNotes>()({
    input: z.object({ visitorId: id }),
    access: psychologist,
    audit: { kind: 'read', entity: 'visitor' },
  }),
  'notes.psychologists': procedure<PsychologistOption[]>()({
    input: z.object({}),
    access: [...psychologist, ...admin],
    audit: false,
  }),
  'notes.handover': procedure<{ notes: number }>()({
    input: z.object({ visitorId: id, recipientId: userIdSchema }),
    access: psychologist,
    audit: { kind: 'write', entity: 'visitor' },
  }),
  'notes.endHandover': procedure<{ keysTakenBack: number }>()({
    input: z.object({ id }),
    access: psychologist,
    audit: { kind: 'write', entity: 'noteGrant' },
  }),
  'notes.notices': procedure<BreakGlassNotice[]>()({
    input: z.object({}),
    access: psychologist,
    audit: false,
  }),
  'notes.acknowledgeNotice': procedure<null>()({
    input: z.object({ id }),
    access: psychologist,
    audit: { kind: 'write', entity: 'noteGrant' },
  }),
  'notes.saveDraft': procedure<null>()({
    input: z.object({ key: draftKey, data: noteDraftSchema }),
    access: psychologist,
    audit: false,
  }),
  'notes.getDraft': procedure<{ data: NoteDraft; updatedAt: string } | null>()({
    input: z.object({ key: draftKey }),
    access: psychologist,
    audit: false,
  }),
  'notes.discardDraft': procedure<null>()({
    input: z.object({ key: draftKey }),
    access: psychologist,
    audit: false,
  }),
  'notes.breakGlassPreview': procedure<BreakGlassPreview>()({
    input: z.object({ visitorCode: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(40, { error: 'tooLong' }) }),
    access: admin,
    audit: { kind: 'read', entity: 'visitor' },
  }),
  'notes.breakGlass': procedure<{ notes: number; authors: number }>()({
    input: z.object({
      recoveryKey,
      visitorId: id,
      recipientId: userIdSchema,
      reason: z
        .string({ error: 'required' })
        .trim()
        .min(BREAK_GLASS_REASON_MIN, { error: 'notes.reasonTooShort' })
        .max(BREAK_GLASS_REASON_MAX, { error: 'notes.reasonTooLong' }),
    }),
    access: admin,
    audit: { kind: 'write', entity: 'visitor' },
  }),
  'notes.closedAccounts': procedure<ClosedNotesAccount[]>()({
    input: z.object({}),
    access: admin,
    audit: false,
  }),
};
