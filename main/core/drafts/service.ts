import type { Db } from '../db/database';
import { AppError } from '../errors';
import { DRAFT_MAX_BYTES } from '../../../shared/domain/drafts';

/**
 * A half-filled form survives a lock: kept in the encrypted database, per user and per
 * form. `data` is plain JSON within bounds (the contract checked it), so it serialises.
 */
export function saveDraft(db: Db, userId: number, form: string, data: unknown, now: Date): void {
  const json = JSON.stringify(data);
  if (Buffer.byteLength(json) > DRAFT_MAX_BYTES) throw new AppError('drafts.tooLarge');
  db.prepare(
    `INSERT INTO drafts (user_id, form, data, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id, form) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
  ).run(userId, form, json, now.toISOString());
}

export function getDraft(db: Db, userId: number, form: string): { data: unknown; updatedAt: string } | null {
  const row = db.prepare('SELECT data, updated_at FROM drafts WHERE user_id = ? AND form = ?').get(userId, form) as
    | { data: string; updated_at: string }
    | undefined;
  return row ? { data: JSON.parse(row.data) as unknown, updatedAt: row.updated_at } : null;
}

export function listDrafts(db: Db, userId: number): { form: string; updatedAt: string }[] {
  return (db.prepare('SELECT form, updated_at FROM drafts WHERE user_id = ? ORDER BY updated_at DESC').all(userId) as {
    form: string;
    updated_at: string;
  }[]).map((r) => ({ form: r.form, updatedAt: r.updated_at }));
}

export function discardDraft(db: Db, userId: number, form: string): void {
  db.prepare('DELETE FROM drafts WHERE user_id = ? AND form = ?').run(userId, form);
}
