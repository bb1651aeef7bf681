import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../../main/core/db/database';
import { DATABASE_FILE, Desk } from '../../main/core/desk';
import { setUpDesk } from '../../main/core/setup/first-run';
import { KDF_FLOOR } from '../../main/core/vault/kdf';
import { percentile, table } from './measure';

/**
 * The harness the sections share: a desk seeded in a temporary folder, then the same data
 * twice, as the desk keeps it (SQLCipher) and decrypted into a plain copy, both opened with
 * the desk's own pragmas, so that a ratio between the two is the price of the encryption.
 */

export const BENCH_ADMIN = { login: 'bench', displayName: 'Bench', password: 'a bench passphrase', language: 'fr', organisationName: 'Bench' } as const;

export interface SeededDesk<T = unknown> {
  dir: string;
  desk: Desk;
  /** What the seed returned, and how long it took. */
  made: T;
  seededMs: number;
  remove(): void;
}

/** A new desk in a temporary folder, its administrator logged in, and `seed` run in her session (timed). */
export async function seededDesk<T>(seed: (desk: Desk, db: Db) => T | Promise<T>): Promise<SeededDesk<T>> {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-bench-'));
  const desk = Desk.open({ dataDir: join(dir, 'desk'), kdfCost: KDF_FLOOR });
  await setUpDesk(desk, { ...BENCH_ADMIN });
  const started = performance.now();
  const made = await seed(desk, desk.requireSession().db);
  return { dir, desk, made, seededMs: performance.now() - started, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface SideBySide {
  encrypted: Db;
  plain: Db;
  close(): void;
}

function open(path: string, key: Buffer | null): Db {
  const db = new Database(path);
  if (key) {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
  }
  return db;
}

/**
 * Locks and closes the desk, then opens its database and a decrypted copy of it. With
 * `copy`, the encrypted side is a copy too, so that the seeded folder serves again.
 */
export async function sideBySide(seeded: SeededDesk, options: { copy: boolean } = { copy: false }): Promise<SideBySide> {
  const session = seeded.desk.requireSession();
  const key = Buffer.from(session.dataKey);
  session.db.pragma('wal_checkpoint(TRUNCATE)');
  await seeded.desk.lock('button');
  await seeded.desk.close();
  return sideBySideOf(join(seeded.dir, 'desk', DATABASE_FILE), key, options.copy);
}

/** The same, from an encrypted database file already closed and its key (the caller keeps the key). */
export function sideBySideOf(database: string, key: Buffer, copy: boolean): SideBySide {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-bench-side-'));
  const encryptedPath = copy ? join(dir, 'encrypted.db') : database;
  if (copy) copyFileSync(database, encryptedPath);
  const plainPath = join(dir, 'plain.db');
  copyFileSync(database, plainPath);
  const decrypt = open(plainPath, key);
  decrypt.pragma('journal_mode=DELETE');
  decrypt.pragma(`rekey=''`);
  decrypt.close();
  const encrypted = open(encryptedPath, key);
  const plain = open(plainPath, null);
  for (const db of [encrypted, plain]) {
    db.pragma('journal_mode=WAL');
    db.pragma('synchronous=FULL');
    db.pragma('temp_store=MEMORY');
    db.pragma('cache_size=-65536');
    db.pragma('foreign_keys=ON');
  }
  return {
    encrypted,
    plain,
    close() {
      encrypted.close();
      plain.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Timings<K extends string> = Record<K, number[]>;

/**
 * Runs `run` on both sides, a warm-up round each and then `rounds` interleaved (plain,
 * then encrypted), with the same round number on both: the same questions and the same load.
 */
export function interleaved<K extends string>(sides: SideBySide, keys: readonly K[], rounds: number, run: (db: Db, round: number) => Timings<K>): { plain: Timings<K>; encrypted: Timings<K> } {
  const empty = () => Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Timings<K>;
  run(sides.encrypted, -1);
  run(sides.plain, -1);
  const out = { plain: empty(), encrypted: empty() };
  for (let round = 0; round < rounds; round++) {
    for (const side of ['plain', 'encrypted'] as const) {
      const got = run(sides[side], round);
      for (const k of keys) out[side][k].push(...got[k]);
    }
  }
  return out;
}

export const p50p95 = (values: number[]): string => `${percentile(values, 50).toFixed(2)} / ${percentile(values, 95).toFixed(2)} ms`;

export const ratioOf = (encrypted: number[], plain: number[]): string =>
  `ratio p50 ${(percentile(encrypted, 50) / percentile(plain, 50)).toFixed(2)}×, p95 ${(percentile(encrypted, 95) / percentile(plain, 95)).toFixed(2)}×`;

/** One measure, p50 / p95 on each side and their ratio. */
export function compared(title: string, plain: number[], encrypted: number[]): void {
  table(title, [
    ['plain SQLite', p50p95(plain)],
    ['SQLCipher', p50p95(encrypted), ratioOf(encrypted, plain)],
  ]);
}
