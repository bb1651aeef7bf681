import { appendAudit } from '../audit/service';
import type { Db } from '../db/database';
import type { Desk } from '../desk';
import { AppError } from '../errors';
import { copyOf, fromB64, toB64, wipe } from '../vault/crypto';
import { requireActiveVisitor } from '../visitors/service';
import type { NoteBody, NoteDraft, NoteView } from '../../../shared/domain/notes';
import {
  authorWrapKeyOf,
  newNoteKey,
  openBody,
  openDraft,
  pinKeyOf,
  pinnedRecipientKey,
  pinRecipientKey,
  readerPrivateKeyOf,
  readerPublicKeyOf,
  sealBody,
  sealDraft,
  unwrapForAuthor,
  unwrapForReader,
  wrapForAuthor,
  wrapForReader,
  type NoteContext,
} from './keys';
import {
  appointmentOf,
  authorNameOf,
  authorNotesFor,
  getNoteRow,
  insertGrant,
  insertKey,
  insertNote,
  isActivePsychologist,
  keyFor,
  noteDraftOf,
  publicKeyOf,
  publishPublicKey,
  saveNoteDraft,
  setNoteBody,
  standingHandover,
  standingHandoversFrom,
  toSummary,
  visitorCodeOf,
  type NoteRow,
} from './service';

/**
 * A psychologist's own work with notes: writing, reading, handing over. Every call runs
 * on a copy of her secret (a lock cannot wipe it under the work) and wipes every key it
 * derived or unwrapped before it returns.
 */

/** Runs `work` with a copy of the session's secret; her notes are closed while she has none. */
export function withOwnSecret<T>(desk: Desk, work: (secret: Buffer, ctx: { db: Db; userId: number; now: Date }) => T): T {
  const session = desk.requireSession();
  if (!session.userSecret) throw new AppError('notes.closed');
  const secret = copyOf(session.userSecret);
  try {
    return work(secret, { db: session.db, userId: session.user.id, now: desk.now() });
  } finally {
    wipe(secret);
  }
}

/**
 * Publishes the public key her colleagues wrap handed-over note keys to (at login, and when
 * her secret first comes). It derives from her secret and never legitimately changes: a
 * different one published means someone with the data key wrote it, so the alarm is
 * audited before hers replaces it.
 */
export function publishReaderKey(db: Db, userId: number, secret: Buffer, now: Date): void {
  const hers = toB64(readerPublicKeyOf(secret));
  const published = publicKeyOf(db, userId);
  if (published && published !== hers) {
    appendAudit(db, { at: now.toISOString(), userId, action: 'notes.publicKeyTampered', entity: 'user', entityId: String(userId), outcome: 'failure', detail: 'notes.publicKeyTampered' });
  }
  publishPublicKey(db, userId, hers, now);
}

export const contextOf = (row: NoteRow): NoteContext => ({ noteId: row.id, visitorId: row.visitor_id, authorId: row.author_id, appointmentId: row.appointment_id });

interface StandingGrant {
  id: number;
  recipientId: number;
  recipientKey: string;
}

/** Wraps one note's key to the colleague's key her handover pinned, once the pin is checked under the author's own key. */
function wrapToColleague(db: Db, row: NoteRow, noteKey: Buffer, grant: StandingGrant, pinKey: Buffer, now: Date): boolean {
  const pin = { kind: 'handover' as const, visitorId: row.visitor_id, authorId: row.author_id, recipientId: grant.recipientId };
  const publicKey = pinnedRecipientKey(pinKey, pin, grant.recipientKey);
  const reader = { readerId: grant.recipientId, grantId: grant.id };
  return insertKey(db, { ...reader, noteId: row.id, wrapped: wrapForReader(publicKey, contextOf(row), reader, noteKey) }, now);
}

/** The note's key for the reader, by the way she holds it; refused when she holds none. */
function noteKeyFor(db: Db, row: NoteRow, readerId: number, secret: Buffer): { key: Buffer; via: 'own' | 'handover' | 'breakGlass' } {
  const held = keyFor(db, row.id, readerId);
  if (!held) throw new AppError('notes.noAccess');
  if (row.author_id === readerId) {
    const wrapKey = authorWrapKeyOf(secret);
    try {
      return { key: unwrapForAuthor(wrapKey, contextOf(row), held.wrapped, held.grant_id), via: 'own' };
    } finally {
      wipe(wrapKey);
    }
  }
  const privateKey = readerPrivateKeyOf(secret);
  try {
    return { key: unwrapForReader(privateKey, contextOf(row), { readerId, grantId: held.grant_id }, held.wrapped), via: held.kind ?? 'handover' };
  } finally {
    wipe(privateKey);
  }
}

function viewOf(db: Db, row: NoteRow, readerId: number, via: 'own' | 'handover' | 'breakGlass', body: NoteBody): NoteView {
  return {
    ...toSummary({ ...row, display_name: authorNameOf(db, row.author_id), kind: via === 'own' ? null : via }, readerId),
    visitorCode: visitorCodeOf(db, row.visitor_id),
    body,
  };
}

export function createNote(desk: Desk, input: { visitorId?: number; appointmentId?: number; body: NoteBody }): NoteView {
  return withOwnSecret(desk, (secret, { db, userId, now }) => {
    let visitorId = input.visitorId;
    if (input.appointmentId !== undefined) {
      const appointment = appointmentOf(db, input.appointmentId);
      if (appointment.psychologistId !== userId) throw new AppError('notes.notYourAppointment');
      if (visitorId !== undefined && visitorId !== appointment.visitorId) throw new AppError('notes.notYourAppointment');
      visitorId = appointment.visitorId;
    }
    if (visitorId === undefined) throw new AppError('visitors.notFound');
    requireActiveVisitor(db, visitorId);
    const id = insertNote(db, { visitorId, appointmentId: input.appointmentId ?? null, authorId: userId }, now);
    const row = getNoteRow(db, id);
    const noteKey = newNoteKey();
    const wrapKey = authorWrapKeyOf(secret);
    const pinKey = pinKeyOf(secret);
    try {
      setNoteBody(db, id, sealBody(noteKey, contextOf(row), input.body), now);
      insertKey(db, { noteId: id, readerId: userId, grantId: null, wrapped: wrapForAuthor(wrapKey, contextOf(row), noteKey) }, now);
      // A handover that stands covers her later notes about this visitor too.
      for (const handover of standingHandoversFrom(db, userId, visitorId)) wrapToColleague(db, row, noteKey, handover, pinKey, now);
    } finally {
      wipe(noteKey, wrapKey, pinKey);
    }
    return viewOf(db, getNoteRow(db, id), userId, 'own', input.body);
  });
}

export function updateNote(desk: Desk, id: number, body: NoteBody): NoteView {
  return withOwnSecret(desk, (secret, { db, userId, now }) => {
    const row = getNoteRow(db, id);
    // Only its author edits a note; a colleague it was handed over to reads it.
    if (row.author_id !== userId) throw new AppError('notes.notAuthor');
    requireActiveVisitor(db, row.visitor_id);
    const { key } = noteKeyFor(db, row, userId, secret);
    try {
      setNoteBody(db, id, sealBody(key, contextOf(row), body), now);
    } finally {
      wipe(key);
    }
    return viewOf(db, getNoteRow(db, id), userId, 'own', body);
  });
}

export function readNote(desk: Desk, id: number): NoteView {
  return withOwnSecret(desk, (secret, { db, userId }) => {
    const row = getNoteRow(db, id);
    const { key, via } = noteKeyFor(db, row, userId, secret);
    try {
      return viewOf(db, row, userId, via, openBody(key, contextOf(row), row.body));
    } finally {
      wipe(key);
    }
  });
}

/** Her notes about a visitor, wrapped for a colleague; her later ones follow while the handover stands. */
export function handOver(desk: Desk, visitorId: number, recipientId: number): number {
  return withOwnSecret(desk, (secret, { db, userId, now }) => {
    requireActiveVisitor(db, visitorId);
    if (recipientId === userId) throw new AppError('notes.cannotGrantSelf');
    if (!isActivePsychologist(db, recipientId)) throw new AppError('notes.recipientNotPsychologist');
    const published = publicKeyOf(db, recipientId);
    if (!published) throw new AppError('notes.recipientCannotReceive');
    const wrapKey = authorWrapKeyOf(secret);
    const pinKey = pinKeyOf(secret);
    let wrapped = 0;
    try {
      // A handover that stands keeps the key pinned when it was made.
      const standing = standingHandover(db, userId, visitorId, recipientId);
      const pin = { kind: 'handover' as const, visitorId, authorId: userId, recipientId };
      const recipientKey = standing?.recipientKey ?? pinRecipientKey(pinKey, pin, fromB64(published));
      const grant = { id: standing?.id ?? insertGrant(db, { ...pin, recipientKey, reason: null, grantedBy: userId }, now), recipientId, recipientKey };
      for (const row of authorNotesFor(db, userId, visitorId, recipientId)) {
        const noteKey = unwrapForAuthor(wrapKey, contextOf(row), row.wrapped);
        try {
          if (wrapToColleague(db, row, noteKey, grant, pinKey, now)) wrapped++;
        } finally {
          wipe(noteKey);
        }
      }
    } finally {
      wipe(wrapKey, pinKey);
    }
    return wrapped;
  });
}

export function saveDraft(desk: Desk, key: string, data: NoteDraft): void {
  withOwnSecret(desk, (secret, { db, userId, now }) => saveNoteDraft(db, userId, key, sealDraft(secret, userId, key, data), now));
}

export function readDraft(desk: Desk, key: string): { data: NoteDraft; updatedAt: string } | null {
  return withOwnSecret(desk, (secret, { db, userId }) => {
    const stored = noteDraftOf(db, userId, key);
    return stored ? { data: openDraft(secret, userId, key, stored.body), updatedAt: stored.updatedAt } : null;
  });
}
