import type Database from 'better-sqlite3-multiple-ciphers';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
