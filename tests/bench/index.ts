/**
 * `npm run bench`: figures measured side by side in one run, printed as ratios
 * (machines are noisy; tests never assert timings). GUICHET_BENCH_VISITORS sets the
 * number of visitors for the search, schedule, notes and childcare sections (default
 * 100,000; the schedule and notes sections share one seeded listening unit with twice as
 * many appointments, childcare seeds its own desk with the workshops' and childcare's year).
 * Names of sections as arguments run only those (`npm run bench -- search-ui`); none runs
 * them all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../../main/core/audit/service';
import { migrate, openDatabase, type Db } from '../../main/core/db/database';
import { Desk } from '../../main/core/desk';
import { setUpDesk } from '../../main/core/setup/first-run';
import { login } from '../../main/core/accounts/authentication';
import { calibrateKdf, deriveKey, KDF_FLOOR, newKdfParams } from '../../main/core/vault/kdf';
import { randomBytes } from '../../main/core/vault/crypto';
import { median, ms, table, time } from './measure';
import { benchSearchUi } from './search-ui';
import { benchVisitors } from './visitors';
import { benchSchedule } from './schedule';
import { benchNotes } from './notes';
import { benchBackup } from './backup';
import { benchChildcare } from './childcare';
import { removeListeningUnit } from './listening-unit';

async function benchKdfAndUnlock(): Promise<void> {
  const calibrated = await calibrateKdf();
  const floorRuns: number[] = [];
  const calibratedRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    floorRuns.push(await time(() => deriveKey('bench password', newKdfParams(KDF_FLOOR))));
    calibratedRuns.push(await time(() => deriveKey('bench password', newKdfParams(calibrated))));
  }

  const dir = mkdtempSync(join(tmpdir(), 'guichet-bench-'));
  try {
    const desk = Desk.open({ dataDir: dir, kdfCost: calibrated });
    await setUpDesk(desk, { login: 'bench', displayName: 'Bench', password: 'a bench passphrase', language: 'fr', organisationName: 'Bench' });
    desk.lock('button');
    const unlockRuns: number[] = [];
    for (let i = 0; i < 5; i++) {
      unlockRuns.push(await time(() => login(desk, 'bench', 'a bench passphrase')));
      desk.lock('button');
    }
    desk.close();
    table('Key derivation and unlock (Argon2id, median of 5)', [
      ['calibrated parameters', `m=${calibrated.m / 1024} MiB`, `t=${calibrated.t} p=${calibrated.p} (target 500 ms)`],
      ['KDF at the floor (64 MiB, t=3)', ms(median(floorRuns))],
      ['KDF calibrated', ms(median(calibratedRuns)), `${(median(calibratedRuns) / median(floorRuns)).toFixed(1)}× the floor`],
      ['unlock (KDF + open + checks)', ms(median(unlockRuns)), `${(median(unlockRuns) / median(calibratedRuns)).toFixed(2)}× the KDF alone`],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchAuditWrites(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-bench-'));
  try {
    const key = randomBytes(32);
    const encrypted = openDatabase(join(dir, 'encrypted.db'), key, { create: true });
    const plain: Db = new Database(join(dir, 'plain.db'));
    plain.pragma('journal_mode=WAL');
    plain.pragma('synchronous=FULL');
    migrate(plain);
    const entries = 2000;
    const run = (db: Db) => () => {
      for (let i = 0; i < entries; i++) {
        appendAudit(db, { at: new Date().toISOString(), userId: null, action: 'bench.write', entity: 'user', entityId: String(i), outcome: 'success' });
      }
    };
    // Interleaved rounds so both see the same machine load.
    const encRuns: number[] = [];
    const plainRuns: number[] = [];
    for (let round = 0; round < 3; round++) {
      plainRuns.push(await time(run(plain)));
      encRuns.push(await time(run(encrypted)));
    }
    encrypted.close();
    plain.close();
    const enc = median(encRuns);
    const pl = median(plainRuns);
    table(`Audit appends, one durable transaction each (${entries} per round, median of 3)`, [
      ['plain SQLite', `${Math.round((entries / pl) * 1000)}/s`],
      ['SQLCipher (encrypted)', `${Math.round((entries / enc) * 1000)}/s`, `${(enc / pl).toFixed(2)}× the plain time`],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const visitors = Number(process.env.GUICHET_BENCH_VISITORS ?? 100_000);
const sections: Record<string, () => Promise<void>> = {
  kdf: benchKdfAndUnlock,
  audit: benchAuditWrites,
  visitors: () => benchVisitors(visitors),
  'search-ui': () => benchSearchUi(visitors),
  schedule: () => benchSchedule(visitors),
  notes: () => benchNotes(visitors),
  backup: () => benchBackup(visitors),
  childcare: () => benchChildcare(visitors),
};
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in sections));
if (unknown.length > 0) throw new Error(`bench: no section ${unknown.join(', ')} (sections: ${Object.keys(sections).join(', ')})`);

console.log(`Guichet bench — ${new Date().toISOString()} — node ${process.version}`);
try {
  for (const [name, run] of Object.entries(sections)) if (asked.length === 0 || asked.includes(name)) await run();
} finally {
  removeListeningUnit();
}
