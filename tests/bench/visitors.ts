import { copyFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../main/core/db/database';
import { seedVisitors } from '../../main/core/visitors/seed';
import { insertVisitor, searchVisitors } from '../../main/core/visitors/service';
import { rotateDataKey } from '../../main/core/keys/rotation';
import { fsyncFile } from '../../main/core/keys/rotation-files';
import { searchTerms } from '../../shared/domain/search-text';
import { median, ms, percentile, table, time } from './measure';
import { compared, interleaved, seededDesk, sideBySide } from './side-by-side';

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
  const seeded = await seededDesk((_desk, db) => seedVisitors(db, { visitors: count, seed: 42, actorId: 1, prefix: 'NDR', now: new Date() }));
  try {
    const { desk, dir } = seeded;
    const session = desk.requireSession();

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

    const sides = await sideBySide(seeded);
    const { encrypted, plain } = sides;
    // Warm both caches the same way, then interleave rounds.
    const search = interleaved(sides, ['search'] as const, 5, (db) => ({ search: searchLatencies(db, 2) }));
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
    sides.close();

    const p = (values: number[], q: number) => `${percentile(values, q).toFixed(2)} ms`;
    table(`Visitors: ${count.toLocaleString('en')} seeded in ${(seeded.seededMs / 1000).toFixed(1)} s (seed 42)`, []);
    compared(`Search, ${QUERIES.length} typical fragments × 10 rounds, 100 results max; p50 / p95`, search.plain.search, search.encrypted.search);
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
    seeded.remove();
  }
}
