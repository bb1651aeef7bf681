import type { Db } from '../db/database';
import { statement } from '../db/statements';
import { AppError } from '../errors';
import type { ServiceFieldCode } from '../../../shared/errors';
import { foldForSearch, searchTerms } from '../../../shared/domain/search-text';
import { normalisePhone } from '../../../shared/domain/phone';
import { calendarDateIn } from '../../../shared/domain/calendar';
import { MAX_AGE_YEARS, type VisitorFields } from '../../../shared/domain/visitors';
import {
  ANONYMISED_FIELDS,
  EMPTY_IDENTIFYING_FIELDS,
  fieldsFromRow,
  toColumnValue,
  VISITOR_FIELD_NAMES,
  VISITOR_FIELDS,
  type VisitorFieldName,
} from '../../../shared/domain/visitor-fields';
import { visitorIdOfForm } from '../../../shared/domain/drafts';
import type { DuplicateCandidate, VisitorChange, VisitorDetail, VisitorListItem, VisitorSearchResult } from '../../../shared/domain/visitor-views';
import { eraseVisitorNotes } from '../notes/service';
import { anonymiseChildrenOf } from '../children/service';
import { cancelFutureBookingsOf } from '../childcare/bookings/service';
import { readSettings } from '../settings/service';

export interface Actor {
  id: number;
}

/** A row of `visitors`: the fields' columns (see shared/domain/visitor-fields.ts), and the record's own. */
type VisitorRow = Record<string, unknown> & {
  id: number;
  code: string;
  first_name: string | null;
  last_name: string | null;
  alias: string | null;
  sex: VisitorFields['sex'];
  birth_year: number | null;
  nationality: string | null;
  birth_year_band: string | null;
  created_at: string;
  updated_at: string;
  last_activity_at: string;
  /** Where the visitor stands in search: renewed, larger than every other, whenever something happens to her (migration 0005). */
  search_rank: number;
  anonymised_at: string | null;
};

const column = (name: VisitorFieldName): string => VISITOR_FIELDS[name].column;
const INSERT_VISITOR = `INSERT INTO visitors (code, ${VISITOR_FIELD_NAMES.map(column).join(', ')}, created_at, created_by, updated_at, last_activity_at, search_rank)
  VALUES (@code, ${VISITOR_FIELD_NAMES.map((name) => `@${name}`).join(', ')}, @at, @by, @at, @at, @rank)`;

/** Checks what a schema cannot: the birth year against the desk's clock, the phone number. */
export function validateVisitorFields(fields: VisitorFields, now: Date, timeZone: string): VisitorFields {
  // The desk's own year and month: at midnight on New Year's Eve UTC is still in the old year.
  const today = calendarDateIn(timeZone, now);
  const year = Number(today.slice(0, 4));
  const errors: Record<string, ServiceFieldCode> = {};
  if (fields.birthYear !== null && fields.birthYear > year) errors.birthYear = 'birthYear.future';
  if (fields.birthYear !== null && fields.birthYear < year - MAX_AGE_YEARS) errors.birthYear = 'birthYear.tooOld';
  let phone: string | null = null;
  if (fields.phone && fields.phone.trim()) {
    phone = normalisePhone(fields.phone);
    if (!phone) errors.phone = 'phone.invalid';
  }
  if (fields.arrivalMonth && fields.arrivalMonth > today.slice(0, 7)) {
    errors.arrivalMonth = 'arrivalMonth.future';
  }
  if (fields.interpreterNeeded && !fields.interpreterLanguage) errors.interpreterLanguage = 'required';
  if (Object.keys(errors).length > 0) {
    // Paths as in the procedures' input, where the identity sits under `fields`.
    throw new AppError('call.invalidInput', { fields: Object.fromEntries(Object.entries(errors).map(([k, v]) => [`fields.${k}`, v])) });
  }
  return { ...fields, phone, interpreterLanguage: fields.interpreterNeeded ? fields.interpreterLanguage : null };
}

/** What the search index holds for a visitor: folded code, names, alias and phone digits (with and without country code). */
function searchTextOf(code: string, f: Pick<VisitorFields, 'firstName' | 'lastName' | 'alias' | 'phone'>): string {
  const phoneDigits = f.phone ? f.phone.replace(/\D/g, '') : '';
  const localPhone = f.phone?.startsWith('+212') ? `0${f.phone.slice(4)}` : '';
  return foldForSearch([code, f.firstName, f.lastName, f.alias, phoneDigits, localPhone].filter(Boolean).join(' '));
}

/** What the index holds for a visitor as her row stands: her code alone once anonymised. */
function searchTextOfRow(row: VisitorRow): string {
  return row.anonymised_at ? foldForSearch(row.code) : searchTextOf(row.code, fieldsFromRow(row));
}

/**
 * The search index is keyed by `search_rank`, not by id, so that FTS5 itself gives the
 * matches most recent first and a search reads only the page it shows (migration 0005).
 * `from` is the rank the entry stands under now (none for a new visitor).
 */
function writeSearchEntry(db: Db, text: string, rank: number, from: number | null): void {
  if (from !== null) statement(db, 'DELETE FROM visitor_search WHERE rowid = ?').run(from);
  if (text) statement(db, 'INSERT INTO visitor_search (rowid, text) VALUES (?, ?)').run(rank, text);
}

/** A rank larger than every other: the visitor it is given comes first in search. */
function nextSearchRank(db: Db): number {
  return (statement(db, 'SELECT coalesce(max(search_rank), 0) + 1 AS rank FROM visitors').get() as { rank: number }).rank;
}

/** Something happened to her: she moves to the top of search, her entry under her new rank. */
function rerank(db: Db, row: VisitorRow, text: string): void {
  const rank = nextSearchRank(db);
  statement(db, 'UPDATE visitors SET search_rank = ? WHERE id = ?').run(rank, row.id);
  writeSearchEntry(db, text, rank, row.search_rank);
}

export function allocateVisitorCode(db: Db, prefix: string, year: number): string {
  const row = statement(
    db,
    `INSERT INTO visitor_codes (prefix, year, last) VALUES (?, ?, 1)
       ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1 RETURNING last`,
  ).get(prefix, year) as { last: number };
  return `${prefix}-${year}-${String(row.last).padStart(4, '0')}`;
}

/** `code.year` is the desk's calendar year (the code's middle part), not UTC's. */
export function insertVisitor(
  db: Db,
  actor: Actor,
  fields: VisitorFields,
  code: { prefix: string; year: number },
  now: Date,
): { id: number; code: string } {
  const at = now.toISOString();
  const visitorCode = allocateVisitorCode(db, code.prefix, code.year);
  const rank = nextSearchRank(db);
  const result = statement(db, INSERT_VISITOR).run({
    code: visitorCode,
    at,
    rank,
    by: actor.id,
    ...Object.fromEntries(VISITOR_FIELD_NAMES.map((name) => [name, toColumnValue(name, fields[name])])),
  });
  const id = Number(result.lastInsertRowid);
  writeSearchEntry(db, searchTextOf(visitorCode, fields), rank, null);
  return { id, code: visitorCode };
}

function getRow(db: Db, id: number): VisitorRow {
  const row = statement(db, 'SELECT * FROM visitors WHERE id = ?').get(id) as VisitorRow | undefined;
  if (!row) throw new AppError('visitors.notFound');
  return row;
}

export function requireActiveVisitor(db: Db, id: number): VisitorRow {
  const row = getRow(db, id);
  if (row.anonymised_at) throw new AppError('visitors.anonymised');
  return row;
}

export function touchVisitor(db: Db, id: number, now: Date): void {
  const row = getRow(db, id);
  statement(db, 'UPDATE visitors SET last_activity_at = ? WHERE id = ?').run(now.toISOString(), id);
  rerank(db, row, searchTextOfRow(row));
}

/** Applies the changed fields and records, per field, who changed it, when, from what to what. */
export function updateVisitor(db: Db, actor: Actor, id: number, next: VisitorFields, now: Date): string[] {
  const row = requireActiveVisitor(db, id);
  const current = fieldsFromRow(row);
  const changed = VISITOR_FIELD_NAMES.filter(
    (field) => JSON.stringify(current[field]) !== JSON.stringify(next[field]),
  );
  if (changed.length === 0) return [];
  const at = now.toISOString();
  db.prepare(
    `UPDATE visitors SET ${changed.map((f) => `${column(f)} = @${f}`).join(', ')}, updated_at = @at, last_activity_at = @at WHERE id = @id`,
  ).run({ id, at, ...Object.fromEntries(changed.map((f) => [f, toColumnValue(f, next[f])])) });
  const record = statement(
    db,
    'INSERT INTO visitor_changes (visitor_id, field, old_value, new_value, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const field of changed) {
    record.run(id, field, JSON.stringify(current[field]), JSON.stringify(next[field]), at, actor.id);
  }
  rerank(db, row, searchTextOf(row.code, next));
  return changed;
}

function ageOf(row: Pick<VisitorRow, 'birth_year'>, now: Date): number | null {
  return row.birth_year === null ? null : now.getUTCFullYear() - row.birth_year;
}

function initialsOf(row: Pick<VisitorRow, 'first_name' | 'last_name'>): string | null {
  const initials = [row.first_name, row.last_name]
    .filter((n): n is string => !!n)
    .map((n) => `${[...n][0]}.`)
    .join(' ');
  return initials || null;
}

/** A row as lists show it: names hidden (code, alias or initials, age, nationality). */
export function toListItem(row: VisitorRow, now: Date): VisitorListItem {
  return {
    id: row.id,
    code: row.code,
    alias: row.alias,
    initials: initialsOf(row),
    sex: row.sex,
    age: ageOf(row, now),
    nationality: row.nationality,
    anonymised: row.anonymised_at !== null,
    lastActivityAt: row.last_activity_at,
  };
}

export function revealName(db: Db, id: number): { firstName: string | null; lastName: string | null } {
  const row = getRow(db, id);
  return { firstName: row.first_name, lastName: row.last_name };
}

export function visitorDetail(db: Db, id: number, now: Date): VisitorDetail {
  const row = getRow(db, id);
  return { ...toListItem(row, now), fields: fieldsFromRow(row), createdAt: row.created_at, updatedAt: row.updated_at, birthYearBand: row.birth_year_band };
}

/** FTS5 phrase syntax: a term inside double quotes, its own quotes doubled. */
function phrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

export function searchVisitors(db: Db, query: string, limit: number, now: Date): VisitorSearchResult {
  const terms = searchTerms(query);
  if (terms.length === 0) return { status: 'tooShort', items: [], total: 0 };
  // A phone typed in local form is also looked up in E.164 digits.
  const phone = /^[+\d][\d\s().-]{5,}$/.test(query.trim()) ? normalisePhone(query) : null;
  const match = phone ? `(${terms.map(phrase).join(' AND ')}) OR ${phrase(phone.replace(/\D/g, ''))}` : terms.map(phrase).join(' AND ');
  // Most recent first, as FTS5 walks its rowids (the ranks) backwards: it stops after
  // the page, even when every visitor matches (the desk's code prefix, a year).
  const rows = statement(
    db,
    `SELECT v.* FROM visitor_search s JOIN visitors v ON v.search_rank = s.rowid
       WHERE visitor_search MATCH ? ORDER BY s.rowid DESC LIMIT ?`,
  ).all(match, limit + 1) as VisitorRow[];
  return { status: 'ok', items: rows.slice(0, limit).map((r) => toListItem(r, now)), total: rows.length, more: rows.length > limit };
}

export function recentVisitors(db: Db, limit: number, now: Date): VisitorListItem[] {
  const rows = db
    .prepare('SELECT * FROM visitors WHERE anonymised_at IS NULL ORDER BY last_activity_at DESC LIMIT ?')
    .all(limit) as VisitorRow[];
  return rows.map((r) => toListItem(r, now));
}

/**
 * Likely matches before a new registration: same phone, a similar name or alias
 * (shared fragments), or a close birth year with the same nationality and sex.
 */
export function findDuplicates(db: Db, candidate: VisitorFields, now: Date): DuplicateCandidate[] {
  const scores = new Map<number, { score: number; reasons: Set<DuplicateCandidate['reasons'][number]> }>();
  const add = (id: number, score: number, reason: DuplicateCandidate['reasons'][number]) => {
    const entry = scores.get(id) ?? { score: 0, reasons: new Set() };
    entry.score += score;
    entry.reasons.add(reason);
    scores.set(id, entry);
  };
  const phone = candidate.phone ? normalisePhone(candidate.phone) : null;
  if (phone) {
    for (const { id } of statement(db, 'SELECT id FROM visitors WHERE phone = ? AND anonymised_at IS NULL').all(phone) as { id: number }[]) {
      add(id, 5, 'phone');
    }
  }
  for (const [field, reason] of [
    [candidate.firstName, 'name'],
    [candidate.lastName, 'name'],
    [candidate.alias, 'alias'],
  ] as const) {
    if (!field) continue;
    const terms = searchTerms(field, 3).map((t) => ([...t].length > 5 ? [...t].slice(0, 5).join('') : t));
    if (terms.length === 0) continue;
    const rows = statement(
      db,
      `SELECT v.id FROM visitor_search s JOIN visitors v ON v.search_rank = s.rowid WHERE visitor_search MATCH ? ORDER BY s.rowid DESC LIMIT 50`,
    )
      .all(terms.map(phrase).join(' OR ')) as { id: number }[];
    for (const { id } of rows) add(id, 2, reason);
  }
  const ids = [...scores.keys()];
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT * FROM visitors WHERE anonymised_at IS NULL AND id IN (${ids.map(() => '?').join(',')})`)
    .all(...ids) as VisitorRow[];
  for (const row of rows) {
    if (candidate.birthYear !== null && row.birth_year !== null && Math.abs(row.birth_year - candidate.birthYear) <= 2) {
      add(row.id, 1, 'birthYear');
    }
  }
  return rows
    .map((row) => ({ visitor: toListItem(row, now), score: scores.get(row.id)?.score ?? 0, reasons: [...(scores.get(row.id)?.reasons ?? [])] }))
    .filter((c) => c.score >= 2)
    .sort((a, b) => b.score - a.score)
    .slice(0, 10);
}

function birthYearBand(year: number | null): string | null {
  if (year === null) return null;
  const start = year - (year % 5);
  return `${start}-${start + 4}`;
}

/**
 * Erases for good the given fields of a visitor (left at their empty value) and what
 * could repeat them: their values in the edit history, the desk's notes, the free-text
 * reasons of her referrals and of their events, anyone's unfinished forms about her,
 * and her search entry (the code alone is left to find her by). A referral made
 * without consent keeps that fact, not its reason. Runs inside the caller's
 * transaction; `compactAfterErasure` must follow once it is committed.
 */
function eraseVisitorData(db: Db, row: VisitorRow, empty: Partial<VisitorFields>, now: Date): void {
  const fields = Object.keys(empty) as VisitorFieldName[];
  db.prepare(`UPDATE visitors SET ${fields.map((f) => `${column(f)} = @${f}`).join(', ')}, updated_at = @at WHERE id = @id`).run({
    id: row.id,
    at: now.toISOString(),
    ...Object.fromEntries(fields.map((f) => [f, toColumnValue(f, empty[f] as VisitorFields[typeof f])])),
  });
  statement(db, 'UPDATE visitor_changes SET old_value = NULL, new_value = NULL WHERE visitor_id = ? AND field IN (SELECT value FROM json_each(?))').run(
    row.id,
    JSON.stringify(fields),
  );
  statement(db, 'UPDATE intakes SET desk_notes = NULL WHERE visitor_id = ?').run(row.id);
  statement(
    db,
    `UPDATE referrals SET status_reason = NULL,
       consent_override_reason = CASE WHEN consent_override_reason IS NULL THEN NULL ELSE '' END
     WHERE visitor_id = ?`,
  ).run(row.id);
  statement(db, 'UPDATE referral_events SET reason = NULL WHERE referral_id IN (SELECT id FROM referrals WHERE visitor_id = ?)').run(row.id);
  const drafts = statement(db, 'SELECT user_id, form FROM drafts').all() as { user_id: number; form: string }[];
  const discard = statement(db, 'DELETE FROM drafts WHERE user_id = ? AND form = ?');
  for (const draft of drafts) if (visitorIdOfForm(draft.form) === row.id) discard.run(draft.user_id, draft.form);
  writeSearchEntry(db, foldForSearch(row.code), row.search_rank, row.search_rank);
}

/**
 * After an erasure is committed: the search index merged, so the erased words leave
 * its pages, and the WAL copied back and emptied, so no older copy of a page stays in
 * it. secure_delete has zeroed the freed pages. Not inside a transaction: a
 * checkpoint cannot complete within one.
 */
export function compactAfterErasure(db: Db): void {
  statement(db, `INSERT INTO visitor_search (visitor_search) VALUES ('optimize')`).run();
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Consent to data processing withdrawn: only the minimum stays. Her identifying fields
 * and everything that could repeat them are erased for good; the record stays active,
 * with her code, sex, birth year, nationality, languages and the services she received.
 */
export function eraseIdentifyingData(db: Db, id: number, now: Date): void {
  eraseVisitorData(db, requireActiveVisitor(db, id), EMPTY_IDENTIFYING_FIELDS, now);
}

/**
 * Anonymisation: the identifying fields and, beyond them, the exact birth year and the
 * languages, every value in her edit history, and her private session notes (see
 * eraseVisitorNotes). Sex, birth-year band, nationality
 * and the count of services stay, so past indicators do not change.
 */
export function anonymiseVisitor(db: Db, actor: Actor, id: number, now: Date): void {
  const row = getRow(db, id);
  if (row.anonymised_at) throw new AppError('visitors.alreadyAnonymised');
  const at = now.toISOString();
  db.transaction(() => {
    eraseVisitorData(db, row, ANONYMISED_FIELDS, now);
    statement(db, 'UPDATE visitors SET birth_year_band = ?, anonymised_at = ?, anonymised_by = ? WHERE id = ?').run(birthYearBand(row.birth_year), at, actor.id, id);
    statement(db, 'UPDATE visitor_changes SET old_value = NULL, new_value = NULL WHERE visitor_id = ?').run(id);
    // Her private session notes too, with their keys, grants and drafts: nobody can open them again.
    eraseVisitorNotes(db, id);
    // Her children with her: their names, notes, allergies and adults; their future places go to the next families.
    const children = anonymiseChildrenOf(db, id, now, calendarDateIn(readSettings(db).timeZone, now));
    cancelFutureBookingsOf(db, actor, children, now);
  })();
}

/** Visitors with no activity for `months`: candidates an administrator may anonymise. */
export function retentionCandidates(db: Db, months: number, now: Date, limit = 500): VisitorListItem[] {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const rows = db
    .prepare('SELECT * FROM visitors WHERE anonymised_at IS NULL AND last_activity_at < ? ORDER BY last_activity_at LIMIT ?')
    .all(cutoff.toISOString(), limit) as VisitorRow[];
  return rows.map((r) => toListItem(r, now));
}

/** Who changed which field when, newest first (values stay inside the encrypted database). */
export function visitorChanges(db: Db, id: number): VisitorChange[] {
  const rows = statement(
    db,
    `SELECT c.id, c.field, c.old_value, c.new_value, c.changed_at, u.login FROM visitor_changes c
       LEFT JOIN users u ON u.id = c.changed_by WHERE c.visitor_id = ? ORDER BY c.id DESC`,
  ).all(id) as { id: number; field: string; old_value: string | null; new_value: string | null; changed_at: string; login: string | null }[];
  return rows.map((r) => ({
    id: r.id,
    field: r.field,
    oldValue: r.old_value === null ? null : (JSON.parse(r.old_value) as unknown),
    newValue: r.new_value === null ? null : (JSON.parse(r.new_value) as unknown),
    changedAt: r.changed_at,
    changedBy: r.login,
  }));
}
