import type { Db } from './database';

/** The database's own facts, in `meta`: which vault it belongs to, which vault generation it last saw. */
export function readMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** The highest vault generation this database has seen; 0 before the first one was recorded. */
export function recordedVaultGeneration(db: Db): number {
  return Number(readMeta(db, 'vault_generation') ?? 0);
}

export function recordVaultGeneration(db: Db, generation: number): void {
  if (generation > recordedVaultGeneration(db)) writeMeta(db, 'vault_generation', String(generation));
}
