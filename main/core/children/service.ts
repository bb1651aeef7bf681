import type { Db } from '../db/database';
import { statement } from '../db/statements';
import { AppError } from '../errors';
import type { ChildFields } from '../../../shared/contract/children';
import { ageInMonthsOn, type AdultRelation, type AuthorisedAdultView, type ChildView } from '../../../shared/domain/childcare';
import type { Sex } from '../../../shared/domain/visitors';

export interface Actor {
  id: number;
}

export interface ChildRow {
  id: number;
  mother_id: number;
  first_name: string | null;
  birth_date: string | null;
  age_years: number | null;
  age_given_on: string | null;
  sex: Sex;
  allergies: string | null;
  care_notes: string | null;
  anonymised_at: string | null;
}

interface AdultRow {
  id: number;
  child_id: number;
  name: string | null;
  relation: AdultRelation;
  phone: string | null;
}

export function getChildRow(db: Db, id: number): ChildRow {
  const row = statement(db, 'SELECT * FROM children WHERE id = ?').get(id) as ChildRow | undefined;
  if (!row) throw new AppError('children.notFound');
  return row;
}

/** A child whose mother was anonymised is no one the desk can book any more. */
export function requireActiveChild(db: Db, id: number): ChildRow {
  const row = getChildRow(db, id);
  if (row.anonymised_at) throw new AppError('children.anonymised');
  return row;
}

/** The adults on her list now (her mother is implied, not a row). */
export function authorisedAdults(db: Db, childIds: readonly number[]): Map<number, AuthorisedAdultView[]> {
  const byChild = new Map<number, AuthorisedAdultView[]>();
  if (childIds.length === 0) return byChild;
  const rows = db
    .prepare(`SELECT id, child_id, name, relation, phone FROM child_adults WHERE removed_at IS NULL AND child_id IN (${childIds.map(() => '?').join(',')}) ORDER BY id`)
    .all(...childIds) as AdultRow[];
  for (const r of rows) {
    const list = byChild.get(r.child_id) ?? [];
    list.push({ id: r.id, name: r.name ?? '', relation: r.relation, phone: r.phone });
    byChild.set(r.child_id, list);
  }
  return byChild;
}

export function ageMonthsOf(row: ChildRow, on: string): number {
  return ageInMonthsOn({ birthDate: row.birth_date, ageYears: row.age_years, ageGivenOn: row.age_given_on }, on);
}

/** Her view; `withNotes` false leaves allergies and care notes out (policy.seesChildCareNotes). */
export function childViews(db: Db, rows: ChildRow[], today: string, withNotes: boolean): ChildView[] {
  const adults = authorisedAdults(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    motherId: r.mother_id,
    firstName: r.first_name,
    birthDate: r.birth_date,
    ageYears: r.age_years,
    ageGivenOn: r.age_given_on,
    ageMonths: ageMonthsOf(r, today),
    sex: r.sex,
    allergies: withNotes ? r.allergies : null,
    careNotes: withNotes ? r.care_notes : null,
    adults: adults.get(r.id) ?? [],
    anonymised: r.anonymised_at !== null,
  }));
}

export function childrenOfMother(db: Db, motherId: number): ChildRow[] {
  return statement(db, 'SELECT * FROM children WHERE mother_id = ? ORDER BY id').all(motherId) as ChildRow[];
}

/** The mother must be a visitor the desk still knows (not anonymised). */
function requireActiveMother(db: Db, motherId: number): void {
  const mother = statement(db, 'SELECT anonymised_at FROM visitors WHERE id = ?').get(motherId) as { anonymised_at: string | null } | undefined;
  if (!mother) throw new AppError('visitors.notFound');
  if (mother.anonymised_at) throw new AppError('visitors.anonymised');
}

function checkBirthDate(fields: ChildFields, today: string): void {
  if (fields.birthDate !== null && fields.birthDate > today) {
    throw new AppError('call.invalidInput', { fields: { 'child.birthDate': 'children.birthDateFuture' } });
  }
}

/** An approximate age keeps the day it was given; a birth date, when known, replaces it. */
function ageColumns(fields: ChildFields, today: string, previous: ChildRow | null) {
  if (fields.birthDate !== null) return { birth_date: fields.birthDate, age_years: null, age_given_on: null };
  const unchanged = previous !== null && previous.birth_date === null && previous.age_years === fields.ageYears;
  return { birth_date: null, age_years: fields.ageYears, age_given_on: unchanged ? previous.age_given_on : today };
}

function saveAdults(db: Db, actor: Actor, childId: number, fields: ChildFields, at: string): void {
  const current = authorisedAdults(db, [childId]).get(childId) ?? [];
  const kept = new Set(fields.adults.flatMap((a) => (a.id === null ? [] : [a.id])));
  for (const adult of current) {
    if (!kept.has(adult.id)) statement(db, 'UPDATE child_adults SET removed_at = ?, removed_by = ? WHERE id = ?').run(at, actor.id, adult.id);
  }
  const known = new Set(current.map((a) => a.id));
  for (const adult of fields.adults) {
    if (adult.id !== null) {
      if (!known.has(adult.id)) throw new AppError('call.invalidInput', { fields: { 'child.adults': 'required' } });
      statement(db, 'UPDATE child_adults SET name = ?, relation = ?, phone = ? WHERE id = ?').run(adult.name, adult.relation, adult.phone, adult.id);
    } else {
      statement(db, 'INSERT INTO child_adults (child_id, name, relation, phone, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)').run(childId, adult.name, adult.relation, adult.phone, at, actor.id);
    }
  }
}

export function addChild(db: Db, actor: Actor, motherId: number, fields: ChildFields, now: Date, today: string): number {
  requireActiveMother(db, motherId);
  checkBirthDate(fields, today);
  const at = now.toISOString();
  const age = ageColumns(fields, today, null);
  const result = statement(
    db,
    `INSERT INTO children (mother_id, first_name, birth_date, age_years, age_given_on, sex, allergies, care_notes, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(motherId, fields.firstName || null, age.birth_date, age.age_years, age.age_given_on, fields.sex, fields.allergies || null, fields.careNotes || null, at, actor.id, at);
  const id = Number(result.lastInsertRowid);
  saveAdults(db, actor, id, fields, at);
  return id;
}

export function updateChild(db: Db, actor: Actor, id: number, fields: ChildFields, now: Date, today: string): void {
  const row = requireActiveChild(db, id);
  checkBirthDate(fields, today);
  const at = now.toISOString();
  const age = ageColumns(fields, today, row);
  statement(db, 'UPDATE children SET first_name = ?, birth_date = ?, age_years = ?, age_given_on = ?, sex = ?, allergies = ?, care_notes = ?, updated_at = ? WHERE id = ?').run(
    fields.firstName || null,
    age.birth_date,
    age.age_years,
    age.age_given_on,
    fields.sex,
    fields.allergies || null,
    fields.careNotes || null,
    at,
    id,
  );
  saveAdults(db, actor, id, fields, at);
}

/**
 * Her mother anonymised: each child's first name, notes, allergies and exact birth date go
 * (her age in years on that day stays, as the mother's birth-year band does), and so do the
 * names and phones of the adults on her list and of anyone who collected her. The bookings
 * themselves are the childcare's to cancel (childcare/service.ts: cancelFutureBookingsOf).
 */
export function anonymiseChildrenOf(db: Db, motherId: number, now: Date, today: string): number[] {
  const rows = childrenOfMother(db, motherId).filter((r) => r.anonymised_at === null);
  const at = now.toISOString();
  for (const row of rows) {
    const years = Math.floor(ageMonthsOf(row, today) / 12);
    statement(
      db,
      `UPDATE children SET first_name = NULL, birth_date = NULL, age_years = ?, age_given_on = ?, allergies = NULL, care_notes = NULL, anonymised_at = ?, updated_at = ? WHERE id = ?`,
    ).run(Math.min(years, 17), today, at, at, row.id);
    statement(db, 'UPDATE child_adults SET name = NULL, phone = NULL, removed_at = COALESCE(removed_at, ?) WHERE child_id = ?').run(at, row.id);
  }
  return rows.map((r) => r.id);
}
