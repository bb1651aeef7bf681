/**
 * Databases as an older app left them, for upgrade tests in Signal Desktop's
 * `updateToVersion` pattern: a real SQLCipher file keyed and configured as the app does,
 * migrated up to version N only; the test writes rows the way version N's app did, then
 * runs the next migrations and checks what it wrote.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { configureConnection, migrate, openKeyed, runMigration, schemaVersion, type Db } from '../../main/core/db/database';
import type { Migration } from '../../main/core/db/migrations/types';
import { removeDir, tempDataDir } from './desk';

export interface VersionedDatabase {
  db: Db;
  path: string;
  key: Buffer;
  /** Closes the connection and removes the folder. */
  dispose(): void;
}

/** A new encrypted database, configured as the app configures it, at version 0. */
export function emptyDatabase(): VersionedDatabase {
  const dir = tempDataDir('guichet-schema-');
  const path = join(dir, 'guichet.db');
  const key = randomBytes(32);
  const db = openKeyed(path, key, { fileMustExist: false });
  configureConnection(db);
  return {
    db,
    path,
    key,
    dispose() {
      if (db.open) db.close();
      removeDir(dir);
    },
  };
}

/** Runs the registered migrations up to `version` (and no further), at `now`. */
export function updateToVersion(db: Db, version: number, now: Date): void {
  migrate(db, { upTo: version, now });
  if (schemaVersion(db) !== version) throw new Error(`expected version ${version}, got ${schemaVersion(db)}`);
}

/** A database as the app left it at `version`. */
export function databaseAt(version: number, now: Date): VersionedDatabase {
  const made = emptyDatabase();
  updateToVersion(made.db, version, now);
  return made;
}

/** Runs a migration that is no longer registered (an earlier landing of one), as migrate() runs one. */
export function applyLandedMigration(db: Db, migration: Migration, now: Date): void {
  if (schemaVersion(db) !== migration.version - 1) throw new Error(`version ${migration.version} applies to version ${migration.version - 1}`);
  runMigration(db, migration, { now });
}

export interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** Every table, index, trigger and view, in name order. */
export function schemaOf(db: Db): SchemaObject[] {
  return db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`).all() as SchemaObject[];
}

/** The ordinary tables (the full-text index's shadow tables included) and every row of each, in rowid order. */
export function contentsOf(db: Db): Record<string, unknown[]> {
  const tables = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
    .all() as { name: string; sql: string }[];
  return Object.fromEntries(
    tables.map(({ name, sql }) => {
      const order = /WITHOUT ROWID/i.test(sql) ? '' : ' ORDER BY rowid';
      return [name, db.prepare(`SELECT * FROM "${name}"${order}`).all()];
    }),
  );
}
