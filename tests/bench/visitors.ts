import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../../main/core/db/database';
import { Desk } from '../../main/core/desk';
import { setUpDesk } from '../../main/core/setup/first-run';
import { KDF_FLOOR } from '../../main/core/vault/kdf';
import { seedVisitors } from '../../main/core/visitors/seed';
import { insertVisitor, searchVisitors } from '../../main/core/visitors/service';
import { rotateDataKey } from '../../main/core/keys/rotation';
import { fsyncFile } from '../../main/core/keys/rotation-files';
import { searchTerms } from '../../shared/domain/search-text';
import { median, ms, percentile, table, time } from './measure';

/** Typical fragments typed at the desk: part of a name, a family name, Arabic script, a code, a phone. */
const QUERIES = ['aissa', 'diallo', 'kouam', 'فاطم', 'عبد الر', 'NDR-2025-01', '0612', 'mama', 'grace bah', 'ousmane'];

/** Every text the box holds from the third character as the fragments are typed: what the screen asks for. */
const TYPED = [...new Set(QUERIES.flatMap((q) => [...q].slice(2).map((_, i) => [...q].slice(0, i + 3).join(''))))];

/**
 * The page a keystroke asks for (51 rows), two ways over the same index: as search did
 * before migration 0005 — every match fetched, then sorted by last activity — and as it
 * does now, in the index's own recency order, stopping after the page.
 */
function typedLatencies(db: Db, rounds: number): { sorted: number[]; ranked: number[] } {
  const sorted = db.prepare(`SELECT v.* FROM visitor_search s JOIN visitors v ON v.search_rank = s.rowid
    WHERE visitor_search MATCH ? ORDER BY v.last_activity_at DESC LIMIT 51`);
  const now = new Date();
  const out = { sorted: [] as number[], ranked: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    for (const text of TYPED) {
      const match = searchTerms(text).map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
      let started = performance.now();
      sorted.all(match);
      out.sorted.push(performance.now() - started);
      started = performance.now();
      searchVisitors(db, text, 50, now);
      out.ranked.push(performance.now() - started);
    }
  }
  return out;
}

function searchLatencies(db: Db, rounds: number): number[] {
  const now = new Date();
  const latencies: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of QUERIES) {
      const started = performance.now();
      searchVisitors(db, query, 100, now);
      latencies.push(performance.now() - started);
    }
  }
  return latencies;
}

export async function benchVisitors(count: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-bench-'));
  try {
    const desk = Desk.open({ dataDir: join(dir, 'desk'), kdfCost: KDF_FLOOR });
    await setUpDesk(desk, { login: 'bench', displayName: 'Bench', password: 'a bench passphrase', language: 'fr', organisationName: 'Bench' });
    const session = desk.requireSession();
    const seedTime = await time(() => seedVisitors(session.db, { visitors: count, seed: 42, actorId: 1, prefix: 'NDR', now: new Date() }));

    // Data-key rotation against what it cannot be faster than: a durable copy of the same file.
    const databasePath = join(dir, 'desk', 'guichet.db');
    session.db.pragma('wal_checkpoint(TRUNCATE)');
    const size = statSync(databasePath).size;
    const copies: number[] = [];
    const rotations: number[] = [];
    for (let round = 0; round < 3; round++) {
      copies.push(
        await time(() => {
          copyFileSync(databasePath, join(dir, 'copy.db'));
          fsyncFile(join(dir, 'copy.db'));
        }),
      );
      rmSync(join(dir, 'copy.db'));
      rotations.push(await time(() => rotateDataKey(desk)));
    }
    const key = Buffer.from(desk.requireSession().dataKey);
    await desk.lock('button');
    await desk.close();

    // The same data, decrypted: a copy rekeyed to no key.
    const plainPath = join(dir, 'plain.db');
    copyFileSync(join(dir, 'desk', 'guichet.db'), plainPath);
    const decrypt = new Database(plainPath);
    decrypt.pragma(`cipher='sqlcipher'`);
    decrypt.pragma('legacy=4');
    decrypt.pragma(`key="x'${key.toString('hex')}'"`);
    decrypt.pragma('journal_mode=DELETE');
    decrypt.pragma(`rekey=''`);
    decrypt.close();

    const encrypted = new Database(join(dir, 'desk', 'guichet.db'));
    encrypted.pragma(`cipher='sqlcipher'`);
    encrypted.pragma('legacy=4');
    encrypted.pragma(`key="x'${key.toString('hex')}'"`);
    const plain = new Database(plainPath);
    for (const db of [encrypted, plain]) {
      db.pragma('journal_mode=WAL');
      db.pragma('synchronous=FULL');
      db.pragma('temp_store=MEMORY');
      db.pragma('cache_size=-65536');
    }
    // Warm both caches the same way, then interleave rounds.
    searchLatencies(encrypted, 1);
    searchLatencies(plain, 1);
    const enc: number[] = [];
    const pl: number[] = [];
    for (let round = 0; round < 5; round++) {
      pl.push(...searchLatencies(plain, 2));
      enc.push(...searchLatencies(encrypted, 2));
    }
    typedLatencies(encrypted, 1);
    const typed = typedLatencies(encrypted, 5);

    // Registration: one durable transaction per visitor, as at the desk.
    const register = (db: Db, n: number) => () => {
      const fields = { firstName: 'Bench', lastName: 'Visitor', alias: null, sex: 'female', birthYear: 1990, birthYearEstimated: false, nationality: 'GN', languages: ['fr'], interpreterNeeded: false, interpreterLanguage: null, phone: '+212612345678', familySituation: 'single', childrenCount: 1, housing: 'rented', arrivalMonth: '2025-01' } as const;
      for (let i = 0; i < n; i++) db.transaction(() => insertVisitor(db, { id: 1 }, { ...fields, languages: ['fr'] }, { prefix: 'BEN', year: 2026 }, new Date()))();
    };
    const registrations = 500;
    const regEnc: number[] = [];
    const regPlain: number[] = [];
    for (let round = 0; round < 3; round++) {
      regPlain.push(await time(register(plain, registrations)));
      regEnc.push(await time(register(encrypted, registrations)));
    }
    encrypted.close();
    plain.close();

    const p = (values: number[], q: number) => `${percentile(values, q).toFixed(2)} ms`;
    table(`Visitors: ${count.toLocaleString('en')} seeded in ${(seedTime / 1000).toFixed(1)} s (seed 42)`, []);
    table(`Search, ${QUERIES.length} typical fragments × 10 rounds, 100 results max`, [
      ['plain SQLite p50 / p95', `${p(pl, 50)} / ${p(pl, 95)}`],
      ['SQLCipher p50 / p95', `${p(enc, 50)} / ${p(enc, 95)}`, `ratio p50 ${(percentile(enc, 50) / percentile(pl, 50)).toFixed(2)}×, p95 ${(percentile(enc, 95) / percentile(pl, 95)).toFixed(2)}×`],
    ]);
    const worst = (values: number[]) => `${Math.max(...values).toFixed(2)} ms`;
    table(`Search as typed: ${TYPED.length} texts (each fragment from its third character) × 5 rounds, the first 51 rows, SQLCipher`, [
      ['every match sorted by activity (before 0005) p50 / p95 / max', `${p(typed.sorted, 50)} / ${p(typed.sorted, 95)} / ${worst(typed.sorted)}`],
      ['index in recency order (now) p50 / p95 / max', `${p(typed.ranked, 50)} / ${p(typed.ranked, 95)} / ${worst(typed.ranked)}`, `ratio p95 ${(percentile(typed.ranked, 95) / percentile(typed.sorted, 95)).toFixed(2)}×`],
    ]);
    table(`Data-key rotation at ${count.toLocaleString('en')} visitors (${(size / 1024 / 1024).toFixed(0)} MiB, median of 3)`, [
      ['durable copy of the file', ms(median(copies))],
      ['rotation (VACUUM INTO, rekey, vault, swap)', ms(median(rotations)), `${(median(rotations) / median(copies)).toFixed(1)}× the copy`],
    ]);
    table(`Registration, one durable transaction each (${registrations} per round, median of 3)`, [
      ['plain SQLite', `${Math.round((registrations / median(regPlain)) * 1000)}/s`],
      ['SQLCipher', `${Math.round((registrations / median(regEnc)) * 1000)}/s`, `${(median(regEnc) / median(regPlain)).toFixed(2)}× the plain time`],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
