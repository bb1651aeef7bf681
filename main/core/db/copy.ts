import type { Db } from './database';

/** Moves the WAL's pages into the database file and empties the WAL. Not inside a transaction. */
export function checkpoint(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * A consistent copy of the whole database at `path`, encrypted under the same key:
 * `db.backup()` fails on an encrypted database, `VACUUM INTO` does not. `path` must be
 * missing or an empty file.
 */
export function vacuumInto(db: Db, path: string): void {
  db.exec(`VACUUM INTO ${sqlString(path)}`);
}
