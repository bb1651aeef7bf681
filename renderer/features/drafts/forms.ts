import { REGISTRATION_FORM, kindOfForm, visitorIdOfForm } from '../../../shared/domain/drafts';

/**
 * Where each form that keeps a draft lives. Their names are shared with main
 * (shared/domain/drafts.ts); later forms add their line there and here.
 */
export interface DraftForm {
  kind: 'registration' | 'intake' | 'other';
  /** The page that holds the form, or null when this version does not know it. */
  path: string | null;
}

export function draftForm(form: string): DraftForm {
  if (form === REGISTRATION_FORM) return { kind: 'registration', path: '/visitors/new' };
  const visitorId = visitorIdOfForm(form);
  if (visitorId !== null && kindOfForm(form) === 'intake') return { kind: 'intake', path: `/visitors/${visitorId}/intake` };
  return { kind: 'other', path: null };
}

/** What a draft holds: the form's values, and a label to name it by (the visitor's code). */
export interface StoredDraft<T> {
  v: 1;
  label: string | null;
  values: T;
}

export function isStoredDraft<T>(data: unknown): data is StoredDraft<T> {
  return typeof data === 'object' && data !== null && (data as { v?: unknown }).v === 1 && typeof (data as { values?: unknown }).values === 'object';
}

/** Navigation state asking the form at `path` to take its draft back at once. */
export interface ResumeState {
  resumeDraft: string;
}

export function resumeRequested(state: unknown, form: string): boolean {
  return typeof state === 'object' && state !== null && (state as Partial<ResumeState>).resumeDraft === form;
}
