import type Database from 'better-sqlite3-multiple-ciphers';

export interface MigrationContext {
  /** When the migration runs: the desk's clock, for the rows it writes (tests inject theirs). */
  now: Date;
}

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database, context: MigrationContext): void;
}
