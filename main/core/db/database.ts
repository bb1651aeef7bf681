import { chmodSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../errors';
import { isWiped, secretBuffer, wipe } from '../vault/crypto';
import { MIGRATIONS, LATEST_VERSION } from './migrations';
import type { Migration, MigrationContext } from './migrations/types';

export type Db = Database.Database;

export interface OpenOptions {
  /** true only when setting up a new data folder; never creates over an existing file. */
  create: boolean;
  /** The path of an Electron-ABI build of the native module, when running under Electron. */
  nativeBinding?: string;
  /** The desk's clock, for the rows a migration writes. */
  now?: Date;
}

const HEX = Buffer.from('0123456789abcdef', 'ascii');

/**
 * SQLCipher's raw-key form `x'<64 hex digits>'`, written byte by byte into a Buffer that
 * the caller wipes: the key never becomes a JavaScript string, which could not be wiped.
 */
function rawKeyForm(key: Buffer): Buffer {
  const form = secretBuffer(3 + key.length * 2);
  form[0] = 0x78; // x
  form[1] = 0x27; // '
  for (let i = 0; i < key.length; i++) {
    form[2 + 2 * i] = HEX[key[i] >> 4];
    form[3 + 2 * i] = HEX[key[i] & 15];
  }
  form[form.length - 1] = 0x27;
  return form;
}

/** Gives a connection its key (or, with `rekey`, re-encrypts it under a new one). */
export function applyKey(db: Database.Database, key: Buffer, how: 'key' | 'rekey' = 'key'): void {
  if (isWiped(key)) throw new AppError('vault.keyWiped');
  const form = rawKeyForm(key);
  try {
    if (how === 'key') db.key(form);
    else db.rekey(form);
  } finally {
    wipe(form);
  }
}

/** A plain connection to an SQLCipher v4 file, keyed and checked, without pragmas or migrations. */
export function openKeyed(path: string, dataKey: Buffer, options: { nativeBinding?: string; fileMustExist: boolean }): Database.Database {
  const db = new Database(path, {
    fileMustExist: options.fileMustExist,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    applyKey(db, dataKey);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      if (isNotADatabase(error)) throw new AppError('db.wrongKey');
      throw error;
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function isNotADatabase(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

/** The pragmas every connection to the desk's database runs with. */
export function configureConnection(db: Db): void {
  // Temporary tables and sort spills stay in memory: SQLite's temp files are not encrypted.
  db.pragma('temp_store=MEMORY');
  db.pragma('journal_mode=WAL');
  db.pragma('synchronous=FULL');
  db.pragma('foreign_keys=ON');
  db.pragma('secure_delete=ON');
  db.pragma('busy_timeout=5000');
  // 64 MiB of decrypted pages: searches at 100,000 visitors stay in memory instead of decrypting again.
  db.pragma('cache_size=-65536');
}

/**
 * Opens the SQLCipher v4 database with the raw data key, checks the key by reading
 * `sqlite_master`, sets the pragmas every connection needs, and brings the schema up
 * to date. A database from a newer app is refused untouched.
 */
export function openDatabase(path: string, dataKey: Buffer, options: OpenOptions): Db {
  const exists = existsSync(path);
  if (options.create && exists) throw new AppError('data.alreadyInitialized');
  if (!options.create && !exists) throw new AppError('db.missing');

  let db: Db;
  try {
    db = openKeyed(path, dataKey, { fileMustExist: !options.create, nativeBinding: options.nativeBinding });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw isNotADatabase(error) ? new AppError('db.corrupt') : error;
  }
  try {
    // Only this account may read the file (SQLite gives its WAL and SHM the same mode).
    if (options.create && process.platform !== 'win32') chmodSync(path, 0o600);
    configureConnection(db);
    migrate(db, { now: options.now });
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    if (isNotADatabase(error)) throw new AppError('db.corrupt');
    throw error;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export interface MigrateOptions {
  /** Stops after this version: tests build a database as an older app left it (tests/support/schema-versions.ts). */
  upTo?: number;
  /** When the migrations run; defaults to the system clock. */
  now?: Date;
}

/** Forward-only: each pending migration and its version number in one transaction. */
export function migrate(db: Db, options: MigrateOptions = {}): void {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) {
    throw new AppError('db.fromNewerVersion', { params: { found: current, supported: LATEST_VERSION } });
  }
  const upTo = options.upTo ?? LATEST_VERSION;
  if (!Number.isInteger(upTo) || upTo < current || upTo > LATEST_VERSION) throw new RangeError(`cannot migrate from ${current} to ${upTo}`);
  const context = { now: options.now ?? new Date() };
  for (const migration of MIGRATIONS) {
    if (migration.version > current && migration.version <= upTo) runMigration(db, migration, context);
  }
}

/** One migration and its version number, in one transaction: both or neither. */
export function runMigration(db: Db, migration: Migration, context: MigrationContext): void {
  db.transaction(() => {
    migration.up(db, context);
    db.pragma(`user_version=${migration.version}`);
  })();
}
