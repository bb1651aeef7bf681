/**
 * Run as a child process by the kill test: opens the desk, logs in as the administrator
 * and makes a backup to the drive folder, printing a line at each progress event. Given a
 * stage and which of its events (a number, or `end` for the one where done reaches
 * total), it stops dead there, its only thread blocked, so that the test's kill -9 lands
 * at that very point; given `none` it runs on and the kill lands wherever it lands.
 */
import { createBackup } from '../../main/core/backups/backup';
import type { BackupProgress } from '../../main/core/backups/file';
import { VAULT_FILE } from '../../main/core/desk';
import { openChildDesk } from './child-desk';

const [dataDir, drive, login, password, holdStage, holdAt] = process.argv.slice(2);
const { desk, ok } = openChildDesk(dataDir);
await ok('auth.login', { login, password });
const session = desk.requireSession();
const seen = new Map<string, number>();
let events = 0;

function holdsHere(p: BackupProgress): boolean {
  if (p.stage !== holdStage) return false;
  return holdAt === 'end' ? p.done === p.total : seen.get(p.stage) === Number(holdAt);
}

const made = await createBackup({
  dataDir,
  db: session.db,
  dataKey: session.dataKey,
  vaultPath: desk.path(VAULT_FILE),
  appVersion: 'test',
  now: new Date(),
  targetDir: drive,
  onProgress: (p) => {
    seen.set(p.stage, (seen.get(p.stage) ?? 0) + 1);
    // Writes to a pipe are synchronous on Linux: the test reads each line before the next step runs.
    process.stdout.write(`progress ${++events} ${p.stage} ${p.done}/${p.total}\n`);
    if (holdsHere(p)) {
      process.stdout.write('holding\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
    }
  },
});
process.stdout.write(`done ${made.path}\n`);
desk.close();
