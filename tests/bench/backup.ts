import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { createBackup, verifyBackup, type BackupSecret } from '../../main/core/backups/backup';
import type { BackupProgress } from '../../main/core/backups/file';
import { openForRestore, stageRestore, swapInRestore } from '../../main/core/backups/restore';
import { openKeyed } from '../../main/core/db/database';
import { checkpoint } from '../../main/core/db/copy';
import { VAULT_FILE } from '../../main/core/desk';
import { median, ms, table } from './measure';
import { listeningUnit } from './listening-unit';
import { BENCH_ADMIN } from './side-by-side';

/**
 * A backup of the seeded listening unit beside what a person would do by hand: `cp` of
 * the database file (checkpointed first, so the file is the whole database), the same
 * copy flushed to disk, and `age` encrypting and decrypting that file with an X25519
 * key. Each round runs every measure once, in turn, so all see the same load.
 */

const SECRET: BackupSecret = { kind: 'password', login: BENCH_ADMIN.login, password: BENCH_ADMIN.password };

function run(program: string, args: string[]): number {
  const started = performance.now();
  execFileSync(program, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  return performance.now() - started;
}

interface Stages {
  snapshot: number;
  write: number;
  /** Reading back and opening every chunk into the work folder. */
  readBack: number;
  /** Opening the database inside, `integrity_check`, the counts. */
  check: number;
}

/** Stage times from the progress reports: a stage lasts until the first report of the next; reading back ends at its last byte. */
function stageClock() {
  const started = performance.now();
  const firstAt: Partial<Record<BackupProgress['stage'], number>> = {};
  let readBackEnded: number | null = null;
  return {
    onProgress: (p: BackupProgress) => {
      firstAt[p.stage] ??= performance.now();
      if (p.stage === 'verify' && p.done >= p.total) readBackEnded = performance.now();
    },
    stages(ended: number): Stages {
      const write = firstAt.write ?? started;
      const verify = firstAt.verify ?? ended;
      const readEnd = readBackEnded ?? ended;
      return { snapshot: write - started, write: verify - write, readBack: readEnd - verify, check: ended - readEnd };
    },
  };
}

const sizeOf = (path: string) => statSync(path).size;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

export async function benchBackup(visitors: number): Promise<void> {
  const unit = await listeningUnit(visitors);
  const deskDir = dirname(unit.database);
  const scratch = mkdtempSync(join(tmpdir(), 'guichet-bench-backup-'));
  const rounds = Number(process.env.GUICHET_BENCH_BACKUP_ROUNDS ?? 3);
  const keyFile = join(scratch, 'key.txt');
  execFileSync('age-keygen', ['-o', keyFile], { stdio: 'ignore' });
  const recipient = /^# public key: (age1\S+)$/m.exec(readFileSync(keyFile, 'utf8'))?.[1];
  if (!recipient) throw new Error('bench: age-keygen gave no public key');
  // The desk's own connection, as the app's backup job uses it; work files go to a folder of their own.
  const db = openKeyed(unit.database, unit.dataKey, { fileMustExist: true });
  const workDir = join(scratch, 'work');
  mkdirSync(workDir);
  const times = { cp: [] as number[], cpSync: [] as number[], ageEncrypt: [] as number[], ageDecrypt: [] as number[], create: [] as number[], verify: [] as number[], restore: [] as number[] };
  const stages: Stages[] = [];
  const verifyStages: Stages[] = [];
  const sizes = { database: 0, age: 0, backup: 0 };
  try {
    checkpoint(db);
    sizes.database = sizeOf(unit.database);
    for (let round = 0; round < rounds; round++) {
      const copy = join(scratch, 'copy.db');
      times.cp.push(run('cp', [unit.database, copy]));
      rmSync(copy);
      times.cpSync.push(run('sh', ['-c', 'cp "$1" "$2" && sync "$2"', 'cp', unit.database, copy]));
      rmSync(copy);
      const encrypted = join(scratch, 'db.age');
      times.ageEncrypt.push(run('age', ['-r', recipient, '-o', encrypted, unit.database]));
      sizes.age = sizeOf(encrypted);
      times.ageDecrypt.push(run('age', ['-d', '-i', keyFile, '-o', copy, encrypted]));
      rmSync(copy);
      rmSync(encrypted);

      const target = join(scratch, `drive-${round}`);
      const clock = stageClock();
      const started = performance.now();
      const made = await createBackup({
        dataDir: workDir,
        db,
        dataKey: unit.dataKey,
        vaultPath: join(deskDir, VAULT_FILE),
        appVersion: 'bench',
        now: new Date(),
        targetDir: target,
        onProgress: clock.onProgress,
      });
      const ended = performance.now();
      times.create.push(ended - started);
      stages.push(clock.stages(ended));
      sizes.backup = made.bytes;

      const verifyClock = stageClock();
      let begun = performance.now();
      await verifyBackup({ path: made.path, secret: SECRET, dataDir: workDir, onProgress: verifyClock.onProgress });
      const verified = performance.now();
      times.verify.push(verified - begun);
      verifyStages.push(verifyClock.stages(verified));

      const restored = join(scratch, `restored-${round}`);
      mkdirSync(restored);
      begun = performance.now();
      const opened = await openForRestore({ path: made.path, secret: SECRET, dataDir: restored });
      stageRestore(opened, { dataDir: restored, now: new Date(), fileName: basename(made.path) });
      swapInRestore(restored);
      times.restore.push(performance.now() - begun);
      opened.dataKey.fill(0);
      rmSync(restored, { recursive: true, force: true });
      rmSync(target, { recursive: true, force: true });
    }
  } finally {
    db.close();
    rmSync(scratch, { recursive: true, force: true });
  }

  const cp = median(times.cp);
  const ageEncrypt = median(times.ageEncrypt);
  const ageDecrypt = median(times.ageDecrypt);
  const row = (label: string, values: number[], against: number, againstName: string): [string, string, string] => {
    const t = median(values);
    return [label, ms(t), `${(t / cp).toFixed(1)}× cp · ${(t / against).toFixed(2)}× ${againstName}`];
  };
  table(
    `Backup of the listening unit (${visitors.toLocaleString('en')} visitors, ${unit.made.appointments.toLocaleString('en')} appointments, ${unit.made.notes.toLocaleString('en')} notes), median of ${rounds}`,
    [
      ['database file (checkpointed)', mb(sizes.database)],
      ['age file', mb(sizes.age), `${(sizes.age / sizes.database).toFixed(4)}× the database`],
      ['backup file (vault + snapshot, 64 KiB chunks)', mb(sizes.backup), `${(sizes.backup / sizes.database).toFixed(4)}× the database`],
      ['cp of the database file', ms(cp), '1.0× cp'],
      row('cp, then sync of the copy', times.cpSync, ageEncrypt, 'age -r'),
      row('age -r (encrypt to an X25519 key)', times.ageEncrypt, ageEncrypt, 'age -r'),
      row('age -d (decrypt)', times.ageDecrypt, ageDecrypt, 'age -d'),
      row('createBackup: snapshot, write, full verify', times.create, ageEncrypt, 'age -r'),
      row('  of which snapshot (VACUUM INTO, counts)', stages.map((s) => s.snapshot), ageEncrypt, 'age -r'),
      row('  of which write (seal, flush, rename)', stages.map((s) => s.write), ageEncrypt, 'age -r'),
      row('  of which reading back every chunk', stages.map((s) => s.readBack), ageDecrypt, 'age -d'),
      row('  of which the database inside: open, integrity_check, counts', stages.map((s) => s.check), ageDecrypt, 'age -d'),
      row('verifyBackup alone (password, every chunk, integrity_check)', times.verify, ageDecrypt, 'age -d'),
      row('  of which header and password (Argon2id)', verifyStages.map((s) => s.snapshot + s.write), ageDecrypt, 'age -d'),
      row('  of which reading every chunk', verifyStages.map((s) => s.readBack), ageDecrypt, 'age -d'),
      row('  of which the database inside: open, integrity_check, counts', verifyStages.map((s) => s.check), ageDecrypt, 'age -d'),
      row('restore: open + verify, stage (migrate, audit), swap', times.restore, ageDecrypt, 'age -d'),
    ],
  );
  console.log(`  (each line is the median of its own rounds: stages need not add up; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
}
