import { z } from 'zod';
import { SESSION_KIND_KEYS } from './listening';

/**
 * Private session notes: a psychologist's free text and a few structured fields, sealed
 * in the database with a key only their readers' own secrets open (main/core/notes).
 */

/**
 * The longest note, in characters (code points). A session note runs to a page or two;
 * 20,000 characters is about eight pages, beyond any session and far below what would
 * slow the desk (a 50,000-character paste is refused with `notes.tooLong`).
 */
export const NOTE_MAX_LENGTH = 20_000;
export const BREAK_GLASS_REASON_MIN = 10;
/** Short, because it is kept in clear beside the grant (shown to the author): why access is needed, never a session's content. */
export const BREAK_GLASS_REASON_MAX = 300;

export const RISK_LEVELS = ['none', 'low', 'moderate', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** How a reader holds a note: she wrote it, it was handed over to her, or granted by break-glass. */
export const NOTE_ACCESS = ['own', 'handover', 'breakGlass'] as const;
export type NoteAccess = (typeof NOTE_ACCESS)[number];

const codePoints = (text: string) => [...text].length;

const noteText = z
  .string({ error: 'required' })
  .refine((text) => codePoints(text) <= NOTE_MAX_LENGTH, { error: 'notes.tooLong' });

/** What is sealed: the free text and the structured fields, so nothing clinical is in clear. */
export const noteBodySchema = z.object({
  text: noteText.refine((text) => text.trim().length > 0, { error: 'required' }),
  sessionKind: z.enum(SESSION_KIND_KEYS, { error: 'invalid' }).nullable().default(null),
  followUpPlanned: z.boolean({ error: 'invalid' }).default(false),
  riskLevel: z.enum(RISK_LEVELS, { error: 'invalid' }).default('none'),
});
export type NoteBody = z.output<typeof noteBodySchema>;

/** A draft may be empty: it is what she has typed so far. */
export const noteDraftSchema = noteBodySchema.extend({ text: noteText });
export type NoteDraft = z.output<typeof noteDraftSchema>;

/** The form a note draft belongs to: a new note for a visitor or an appointment, or an edit of a note. */
export const NOTE_DRAFT_KEY_PATTERN = /^(newForVisitor|newForAppointment|note)-[1-9]\d{0,14}$/;

export function noteDraftKey(target: { visitorId?: number; appointmentId?: number; noteId?: number }): string {
  if (target.noteId) return `note-${target.noteId}`;
  if (target.appointmentId) return `newForAppointment-${target.appointmentId}`;
  return `newForVisitor-${target.visitorId ?? 0}`;
}

export interface NoteAuthor {
  id: number;
  displayName: string;
}

export interface NoteSummary {
  id: number;
  visitorId: number;
  appointmentId: number | null;
  author: NoteAuthor;
  mine: boolean;
  access: NoteAccess;
  createdAt: string;
  updatedAt: string;
}

export interface NoteView extends NoteSummary {
  visitorCode: string;
  body: NoteBody;
}

export interface VisitorNotes {
  visitor: { id: number; code: string };
  notes: NoteSummary[];
  /** Her own handovers about this visitor that still stand (she may end each). */
  handovers: StandingHandover[];
}

export interface StandingHandover {
  id: number;
  recipient: { id: number; displayName: string };
  since: string;
}

export interface NotesStatus {
  /** False after a password reset until auth.recover, with her present, brings her secret back: her notes stay closed. */
  hasSecret: boolean;
}

export interface PsychologistOption {
  id: number;
  displayName: string;
  /** She has logged in with her own secret since notes came: notes can be wrapped to her. */
  canReceive: boolean;
}

/** Shown to an author at her login: an administrator gave a colleague her notes about one visitor. */
export interface BreakGlassNotice {
  id: number;
  visitorId: number;
  visitorCode: string;
  recipient: NoteAuthor;
  grantedBy: NoteAuthor;
  reason: string;
  grantedAt: string;
}

export interface BreakGlassPreview {
  visitorId: number;
  visitorCode: string;
  authors: { id: number; displayName: string; active: boolean; notes: number }[];
}

export interface ClosedNotesAccount {
  userId: number;
  login: string;
  displayName: string;
  since: string;
}
