import type { Db } from './database';
import { statement } from './statements';

/**
 * Rows written in bulk by the synthetic year (`guichet seed`, the bench): tens of thousands
 * of sessions, enrolments and roll calls a second, where a domain's service writes one at a
 * time behind its checks. The seed plans rows that pass those checks (its tests say so); this
 * only writes them. Table and column names come from the seed's code, never from input.
 */
export function insertRows(db: Db, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): number[] {
  const insert = statement(db, `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  return rows.map((row) => Number(insert.run(...row).lastInsertRowid));
}

/** What a seed plans from: the visitors not anonymised, with the facts that make a mother or a learner. */
export interface SeedVisitor {
  id: number;
  sex: string;
  birthYear: number | null;
  familySituation: string | null;
  registeredAt: string;
}

export function seedVisitorFacts(db: Db): SeedVisitor[] {
  return statement(
    db,
    `SELECT id, sex, birth_year AS birthYear, family_situation AS familySituation, created_at AS registeredAt
     FROM visitors WHERE anonymised_at IS NULL ORDER BY id`,
  ).all() as SeedVisitor[];
}

/** A table of keyed rows (activity kinds, say): each key's id. */
export function idsByKey(db: Db, table: string): Map<string, number> {
  return new Map((statement(db, `SELECT id, key FROM ${table} WHERE key IS NOT NULL`).all() as { id: number; key: string }[]).map((r) => [r.key, r.id]));
}
