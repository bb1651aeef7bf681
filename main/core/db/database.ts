import { chmodSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../errors';
import { MIGRATIONS, LATEST_VERSION } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** true only when setting up a new data folder; never creates over an existing file. */
  create: boolean;
  /** The path of an Electron-ABI build of the native module, when running under Electron. */
  nativeBinding?: string;
}

function isNotADatabase(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
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

  const db = new Database(path, {
    fileMustExist: !options.create,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    // Only this account may read the file (SQLite gives its WAL and SHM the same mode).
    if (options.create && process.platform !== 'win32') chmodSync(path, 0o600);
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${dataKey.toString('hex')}'"`);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      if (isNotADatabase(error)) throw new AppError('db.wrongKey');
      throw error;
    }
    // Temporary tables and sort spills stay in memory: SQLite's temp files are not encrypted.
    db.pragma('temp_store=MEMORY');
    db.pragma('journal_mode=WAL');
    db.pragma('synchronous=FULL');
    db.pragma('foreign_keys=ON');
    db.pragma('secure_delete=ON');
    db.pragma('busy_timeout=5000');
    // 64 MiB of decrypted pages: searches at 100,000 visitors stay in memory instead of decrypting again.
    db.pragma('cache_size=-65536');
    migrate(db);
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

/** Forward-only: each pending migration and its version number in one transaction. */
export function migrate(db: Db): void {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) {
    throw new AppError('db.fromNewerVersion', { params: { found: current, supported: LATEST_VERSION } });
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version=${migration.version}`);
    })();
  }
}
