import type { Db } from '../db/database';
import { AppError } from '../errors';
import type { BreakGlassNotice, ClosedNotesAccount, NoteAccess, NoteSummary, PsychologistOption } from '../../../shared/domain/notes';

/**
 * The notes' rows. Bodies, wrapped keys and drafts arrive here sealed and leave sealed:
 * this file never holds a key (see keys.ts and notes.ts).
 */

export interface NoteRow {
  id: number;
  visitor_id: number;
  appointment_id: number | null;
  author_id: number;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface KeyRow {
  wrapped: string;
  grant_id: number | null;
  kind: 'handover' | 'breakGlass' | null;
}

// ── public keys ─────────────────────────────────────────────────────────────

export function publishPublicKey(db: Db, userId: number, publicKey: string, now: Date): void {
  db.prepare(
    `INSERT INTO notes_public_keys (user_id, public_key, published_at) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET public_key = excluded.public_key, published_at = excluded.published_at
     WHERE notes_public_keys.public_key <> excluded.public_key`,
  ).run(userId, publicKey, now.toISOString());
}

export function publicKeyOf(db: Db, userId: number): string | null {
  const row = db.prepare('SELECT public_key FROM notes_public_keys WHERE user_id = ?').get(userId) as { public_key: string } | undefined;
  return row?.public_key ?? null;
}

/** Active psychologists, and whether a note key can be wrapped to each. */
export function listPsychologists(db: Db): PsychologistOption[] {
  return (
    db
      .prepare(
        `SELECT u.id, u.display_name, k.public_key IS NOT NULL AS can_receive FROM users u
         JOIN user_roles r ON r.user_id = u.id AND r.role = 'psychologist'
         LEFT JOIN notes_public_keys k ON k.user_id = u.id
         WHERE u.status = 'active' ORDER BY u.display_name COLLATE NOCASE`,
      )
      .all() as { id: number; display_name: string; can_receive: number }[]
  ).map((r) => ({ id: r.id, displayName: r.display_name, canReceive: r.can_receive === 1 }));
}

export function isActivePsychologist(db: Db, userId: number): boolean {
  return (
    db
      .prepare(`SELECT 1 FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'psychologist' WHERE u.id = ? AND u.status = 'active'`)
      .get(userId) !== undefined
  );
}

// ── notes ───────────────────────────────────────────────────────────────────

/** A note row with a placeholder body: its id enters the body's AAD, so the body is sealed once the id exists. */
export function insertNote(db: Db, note: { visitorId: number; appointmentId: number | null; authorId: number }, now: Date): number {
  const at = now.toISOString();
  return Number(
    db
      .prepare('INSERT INTO session_notes (visitor_id, appointment_id, author_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(note.visitorId, note.appointmentId, note.authorId, '', at, at).lastInsertRowid,
  );
}

export function setNoteBody(db: Db, id: number, body: string, now: Date): void {
  db.prepare('UPDATE session_notes SET body = ?, updated_at = ? WHERE id = ?').run(body, now.toISOString(), id);
}

export function getNoteRow(db: Db, id: number): NoteRow {
  const row = db.prepare('SELECT * FROM session_notes WHERE id = ?').get(id) as NoteRow | undefined;
  if (!row) throw new AppError('notes.notFound');
  return row;
}

export function keyFor(db: Db, noteId: number, readerId: number): KeyRow | null {
  const row = db
    .prepare('SELECT k.wrapped, k.grant_id, g.kind FROM note_keys k LEFT JOIN note_grants g ON g.id = k.grant_id WHERE k.note_id = ? AND k.reader_id = ?')
    .get(noteId, readerId) as KeyRow | undefined;
  return row ?? null;
}

/** A reader keeps the first key she was given to a note: a second grant changes nothing. */
export function insertKey(db: Db, key: { noteId: number; readerId: number; grantId: number | null; wrapped: string }, now: Date): boolean {
  return (
    db
      .prepare('INSERT OR IGNORE INTO note_keys (note_id, reader_id, grant_id, wrapped, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(key.noteId, key.readerId, key.grantId, key.wrapped, now.toISOString()).changes === 1
  );
}

/** An author's notes about a visitor with her own wrapped key to each, that `readerId` does not hold yet. */
export function authorNotesFor(db: Db, authorId: number, visitorId: number, readerId: number): (NoteRow & { wrapped: string })[] {
  return db
    .prepare(
      `SELECT n.*, k.wrapped FROM session_notes n JOIN note_keys k ON k.note_id = n.id AND k.reader_id = n.author_id
       WHERE n.author_id = ? AND n.visitor_id = ?
         AND NOT EXISTS (SELECT 1 FROM note_keys o WHERE o.note_id = n.id AND o.reader_id = ?) ORDER BY n.id`,
    )
    .all(authorId, visitorId, readerId) as (NoteRow & { wrapped: string })[];
}

export function authorsOfVisitorNotes(db: Db, visitorId: number): { id: number; displayName: string; active: boolean; notes: number }[] {
  return (
    db
      .prepare(
        `SELECT u.id, u.display_name, u.status, count(*) AS notes FROM session_notes n JOIN users u ON u.id = n.author_id
         WHERE n.visitor_id = ? GROUP BY u.id ORDER BY u.display_name COLLATE NOCASE`,
      )
      .all(visitorId) as { id: number; display_name: string; status: string; notes: number }[]
  ).map((r) => ({ id: r.id, displayName: r.display_name, active: r.status === 'active', notes: r.notes }));
}

interface SummaryRow extends NoteRow {
  display_name: string;
  grant_id: number | null;
  kind: 'handover' | 'breakGlass' | null;
}

function accessOf(row: { author_id: number; kind: KeyRow['kind'] }, readerId: number): NoteAccess {
  return row.author_id === readerId ? 'own' : (row.kind ?? 'handover');
}

export function toSummary(row: NoteRow & { display_name: string; kind: KeyRow['kind'] }, readerId: number): NoteSummary {
  return {
    id: row.id,
    visitorId: row.visitor_id,
    appointmentId: row.appointment_id,
    author: { id: row.author_id, displayName: row.display_name },
    mine: row.author_id === readerId,
    access: accessOf(row, readerId),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function authorNameOf(db: Db, userId: number): string {
  const row = db.prepare('SELECT display_name FROM users WHERE id = ?').get(userId) as { display_name: string } | undefined;
  return row?.display_name ?? '';
}

/**
 * The notes about a visitor this reader holds a key to, newest first. Nothing about the
 * others, not even their number: that a colleague keeps notes about her is told only to an
 * administrator at break-glass, which needs it.
 */
export function notesReadableBy(db: Db, readerId: number, visitorId: number): { notes: NoteSummary[] } {
  const rows = db
    .prepare(
      `SELECT n.*, u.display_name, k.grant_id, g.kind FROM session_notes n
       JOIN note_keys k ON k.note_id = n.id AND k.reader_id = ?
       LEFT JOIN note_grants g ON g.id = k.grant_id
       JOIN users u ON u.id = n.author_id
       WHERE n.visitor_id = ? ORDER BY n.created_at DESC, n.id DESC`,
    )
    .all(readerId, visitorId) as SummaryRow[];
  return { notes: rows.map((r) => toSummary(r, readerId)) };
}

export function visitorCodeOf(db: Db, visitorId: number): string {
  const row = db.prepare('SELECT code FROM visitors WHERE id = ?').get(visitorId) as { code: string } | undefined;
  if (!row) throw new AppError('visitors.notFound');
  return row.code;
}

export function visitorIdByCode(db: Db, code: string): number {
  const row = db.prepare('SELECT id FROM visitors WHERE code = ? COLLATE NOCASE').get(code.trim()) as { id: number } | undefined;
  if (!row) throw new AppError('visitors.notFound');
  return row.id;
}

export function appointmentOf(db: Db, id: number): { visitorId: number; psychologistId: number } {
  const row = db.prepare('SELECT visitor_id, psychologist_id FROM appointments WHERE id = ?').get(id) as
    | { visitor_id: number; psychologist_id: number }
    | undefined;
  if (!row) throw new AppError('notes.appointmentNotFound');
  return { visitorId: row.visitor_id, psychologistId: row.psychologist_id };
}

// ── grants ──────────────────────────────────────────────────────────────────

export function insertGrant(
  db: Db,
  grant: { kind: 'handover' | 'breakGlass'; visitorId: number; authorId: number; recipientId: number; recipientKey: string; reason: string | null; grantedBy: number },
  now: Date,
): number {
  return Number(
    db
      .prepare('INSERT INTO note_grants (kind, visitor_id, author_id, recipient_id, recipient_key, reason, granted_by, granted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(grant.kind, grant.visitorId, grant.authorId, grant.recipientId, grant.recipientKey, grant.reason, grant.grantedBy, now.toISOString()).lastInsertRowid,
  );
}

export function standingHandover(db: Db, authorId: number, visitorId: number, recipientId: number): { id: number; recipientKey: string } | null {
  const row = db
    .prepare(`SELECT id, recipient_key FROM note_grants WHERE kind = 'handover' AND ended_at IS NULL AND author_id = ? AND visitor_id = ? AND recipient_id = ?`)
    .get(authorId, visitorId, recipientId) as { id: number; recipient_key: string } | undefined;
  return row ? { id: row.id, recipientKey: row.recipient_key } : null;
}

/** The colleagues an author's notes about a visitor are handed over to, while the handover stands and she is still an active psychologist. */
export function standingHandoversFrom(db: Db, authorId: number, visitorId: number): { id: number; recipientId: number; recipientKey: string; recipientName: string; since: string }[] {
  return (
    db
      .prepare(
        `SELECT g.id, g.recipient_id, g.recipient_key, u.display_name, g.granted_at FROM note_grants g JOIN users u ON u.id = g.recipient_id
         WHERE g.kind = 'handover' AND g.ended_at IS NULL AND g.author_id = ? AND g.visitor_id = ? AND u.status = 'active'
           AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'psychologist')
         ORDER BY g.granted_at, g.id`,
      )
      .all(authorId, visitorId) as { id: number; recipient_id: number; recipient_key: string; display_name: string; granted_at: string }[]
  ).map((r) => ({ id: r.id, recipientId: r.recipient_id, recipientKey: r.recipient_key, recipientName: r.display_name, since: r.granted_at }));
}

/** The author ends her handover: her later notes no longer follow, and the keys it gave are taken back. */
export function endHandover(db: Db, grantId: number, authorId: number, now: Date): number {
  const changed = db
    .prepare(`UPDATE note_grants SET ended_at = ? WHERE id = ? AND author_id = ? AND kind = 'handover' AND ended_at IS NULL`)
    .run(now.toISOString(), grantId, authorId).changes;
  if (changed !== 1) throw new AppError('notes.notFound');
  return db.prepare('DELETE FROM note_keys WHERE grant_id = ?').run(grantId).changes;
}

/** A user disabled, or no longer a psychologist: the handovers to her end, and the keys they gave her go. */
export function endHandoversTo(db: Db, recipientId: number, now: Date): number {
  const grants = db.prepare(`SELECT id FROM note_grants WHERE recipient_id = ? AND kind = 'handover' AND ended_at IS NULL`).all(recipientId) as { id: number }[];
  for (const { id } of grants) {
    db.prepare('UPDATE note_grants SET ended_at = ? WHERE id = ?').run(now.toISOString(), id);
    db.prepare('DELETE FROM note_keys WHERE grant_id = ?').run(id);
  }
  return grants.length;
}

export function unseenBreakGlass(db: Db, authorId: number): BreakGlassNotice[] {
  return (
    db
      .prepare(
        `SELECT g.id, g.visitor_id, v.code, g.recipient_id, r.display_name AS recipient_name, g.granted_by, b.display_name AS by_name, g.reason, g.granted_at
         FROM note_grants g JOIN visitors v ON v.id = g.visitor_id JOIN users r ON r.id = g.recipient_id JOIN users b ON b.id = g.granted_by
         WHERE g.kind = 'breakGlass' AND g.author_id = ? AND g.author_seen_at IS NULL ORDER BY g.granted_at, g.id`,
      )
      .all(authorId) as {
      id: number;
      visitor_id: number;
      code: string;
      recipient_id: number;
      recipient_name: string;
      granted_by: number;
      by_name: string;
      reason: string;
      granted_at: string;
    }[]
  ).map((r) => ({
    id: r.id,
    visitorId: r.visitor_id,
    visitorCode: r.code,
    recipient: { id: r.recipient_id, displayName: r.recipient_name },
    grantedBy: { id: r.granted_by, displayName: r.by_name },
    reason: r.reason,
    grantedAt: r.granted_at,
  }));
}

export function acknowledgeBreakGlass(db: Db, grantId: number, authorId: number, now: Date): void {
  const changed = db
    .prepare(`UPDATE note_grants SET author_seen_at = ? WHERE id = ? AND author_id = ? AND kind = 'breakGlass' AND author_seen_at IS NULL`)
    .run(now.toISOString(), grantId, authorId).changes;
  if (changed !== 1) throw new AppError('notes.notFound');
}

// ── anonymisation ───────────────────────────────────────────────────────────

/**
 * A visitor anonymised: her notes, every key to them, the grants about her and anyone's
 * sealed drafts about her go for good (secure_delete zeroes the pages; the caller
 * compacts after the commit). Returns how many notes went.
 */
export function eraseVisitorNotes(db: Db, visitorId: number): number {
  const notes = db.prepare('SELECT id FROM session_notes WHERE visitor_id = ?').all(visitorId) as { id: number }[];
  const appointments = db.prepare('SELECT id FROM appointments WHERE visitor_id = ?').all(visitorId) as { id: number }[];
  const draftKeys = [`newForVisitor-${visitorId}`, ...notes.map((n) => `note-${n.id}`), ...appointments.map((a) => `newForAppointment-${a.id}`)];
  const discard = db.prepare('DELETE FROM note_drafts WHERE draft_key = ?');
  for (const key of draftKeys) discard.run(key);
  db.prepare('DELETE FROM note_keys WHERE note_id IN (SELECT id FROM session_notes WHERE visitor_id = ?)').run(visitorId);
  db.prepare('DELETE FROM note_keys WHERE grant_id IN (SELECT id FROM note_grants WHERE visitor_id = ?)').run(visitorId);
  db.prepare('DELETE FROM session_notes WHERE visitor_id = ?').run(visitorId);
  db.prepare('DELETE FROM note_grants WHERE visitor_id = ?').run(visitorId);
  return notes.length;
}

// ── drafts ──────────────────────────────────────────────────────────────────

export function saveNoteDraft(db: Db, userId: number, key: string, sealed: string, now: Date): void {
  db.prepare(
    `INSERT INTO note_drafts (user_id, draft_key, body, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id, draft_key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
  ).run(userId, key, sealed, now.toISOString());
}

export function noteDraftOf(db: Db, userId: number, key: string): { body: string; updatedAt: string } | null {
  const row = db.prepare('SELECT body, updated_at FROM note_drafts WHERE user_id = ? AND draft_key = ?').get(userId, key) as
    | { body: string; updated_at: string }
    | undefined;
  return row ? { body: row.body, updatedAt: row.updated_at } : null;
}

export function discardNoteDraft(db: Db, userId: number, key: string): void {
  db.prepare('DELETE FROM note_drafts WHERE user_id = ? AND draft_key = ?').run(userId, key);
}

// ── a secret missing after a password reset ─────────────────────────────────

export function markSecretMissing(db: Db, userId: number, now: Date): void {
  db.prepare('INSERT OR IGNORE INTO notes_secret_missing (user_id, missing_since) VALUES (?, ?)').run(userId, now.toISOString());
}

export function clearSecretMissing(db: Db, userId: number): void {
  db.prepare('DELETE FROM notes_secret_missing WHERE user_id = ?').run(userId);
}

/** Active psychologists whose notes are closed: the administrators' screen says how they reopen (see auth.recover). */
export function closedAccounts(db: Db): ClosedNotesAccount[] {
  return (
    db
      .prepare(
        `SELECT u.id, u.login, u.display_name, s.missing_since
         FROM notes_secret_missing s JOIN users u ON u.id = s.user_id
         WHERE u.status = 'active' AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'psychologist')
         ORDER BY s.missing_since, u.id`,
      )
      .all() as { id: number; login: string; display_name: string; missing_since: string }[]
  ).map((r) => ({ userId: r.id, login: r.login, displayName: r.display_name, since: r.missing_since }));
}
