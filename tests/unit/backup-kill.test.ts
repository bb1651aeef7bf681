import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBackup, WORK_PREFIX } from '../../main/core/backups/backup';
import { BACKUP_EXTENSION, PARTIAL_EXTENSION } from '../../main/core/backups/file';
import { cleanDrive, cleanLeftovers, isPartialBackupName } from '../../main/core/backups/leftovers';
import { codeOf, filesHoldingDeep, partialsOn, workFoldersIn } from '../support/backup-checks';
import { backupDesk, CANARY, fakeDrive, type BackupDesk } from '../support/backups';
import { killed, startSupportChild, waitForOutput } from '../support/child-process';
import { ADMIN, openTestDesk, tempDataDir } from '../support/desk';

let t: BackupDesk;
let kills = 0;

beforeAll(async () => {
  t = await backupDesk();
  // The children open the folder themselves: the lock is theirs.
  t.close();
}, 120_000);

afterAll(() => {
  console.log(`backup kill cases: ${kills} children killed with SIGKILL`);
});

function backupsOn(drive: string): string[] {
  return existsSync(drive) ? readdirSync(drive).filter((name) => name.endsWith(BACKUP_EXTENSION)) : [];
}

/** The desk opens after the kill, as at the next start, and its audit log holds. */
async function expectDeskOpens(round: string): Promise<void> {
  const after = openTestDesk(t.dir, t.clock);
  try {
    await after.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
    expect((await after.ok('audit.verify', {})).intact, round).toBe(true);
  } finally {
    after.close();
  }
}

describe('kill -9 during a backup', () => {
  it('leaves no backup that fails to verify, a temporary file never named as a backup, and what is left is cleaned at the next start', async () => {
    const recovery = { kind: 'recovery' as const, recoveryKey: t.recoveryKey };
    // [stage, which event] where the child stops dead before the kill; 'none' runs freely and is killed as the line arrives.
    const points: [string, string, 'none' | 'renamed'][] = [
      ['snapshot', '1', 'none'],
      ['snapshot', '2', 'none'],
      ['write', '1', 'none'],
      ['write', '3', 'none'],
      ['write', 'end', 'renamed'],
      ['verify', '1', 'renamed'],
      ['verify', '3', 'renamed'],
      ['verify', 'end', 'renamed'],
    ];
    const seen = { partial: 0, work: 0, unverifiedButWhole: 0 };
    for (const [stage, at, expected] of points) {
      const round = `${stage} ${at}`;
      const drive = fakeDrive();
      const child = startSupportChild('backup-kill-child.ts', [t.dir, drive, ADMIN.login, ADMIN.password, stage, at], t.clock);
      await waitForOutput(child, 'holding');
      await killed(child);
      kills++;

      const backups = backupsOn(drive);
      const partials = partialsOn(drive);
      const work = workFoldersIn(t.dir);
      if (expected === 'none') expect(backups, round).toEqual([]);
      else {
        // Killed after the rename: the file is whole (written, flushed, renamed) though its check never finished.
        expect(backups, round).toHaveLength(1);
        expect(await codeOf(verifyBackup({ path: join(drive, backups[0]), secret: recovery, dataDir: t.dir })), round).toBe('ok');
        seen.unverifiedButWhole++;
      }
      // A temporary file only ever has its own name, never a backup's.
      for (const name of partials) {
        expect(name.endsWith(BACKUP_EXTENSION), round).toBe(false);
        expect(isPartialBackupName(name), round).toBe(true);
      }
      if (stage === 'write' && at !== 'end') expect(partials, round).toHaveLength(1);
      else expect(partials, round).toEqual([]);
      if (stage !== 'snapshot' || at !== '1') expect(work.length, round).toBeGreaterThan(0);
      seen.partial += partials.length;
      seen.work += work.length;
      // No plaintext on the drive, nor in what was left in the data folder.
      expect(filesHoldingDeep(drive, CANARY), round).toEqual([]);
      expect(filesHoldingDeep(t.dir, CANARY), round).toEqual([]);

      // The next start.
      expect(cleanLeftovers(t.dir).sort(), round).toEqual(work.sort());
      expect((await cleanDrive(drive)).sort(), round).toEqual(partials.sort());
      expect(workFoldersIn(t.dir), round).toEqual([]);
      expect(readdirSync(drive), round).toEqual(backups);
      await expectDeskOpens(round);
    }
    expect(seen.partial).toBeGreaterThanOrEqual(2);
    expect(seen.work).toBeGreaterThanOrEqual(7);
    expect(seen.unverifiedButWhole).toBe(4);
  }, 240_000);

  it('leaves the same guarantees when killed wherever a running backup happens to be', async () => {
    const recovery = { kind: 'recovery' as const, recoveryKey: t.recoveryKey };
    for (const line of [2, 4, 6, 9, 12]) {
      const round = `after line ${line}`;
      const drive = fakeDrive();
      const child = startSupportChild('backup-kill-child.ts', [t.dir, drive, ADMIN.login, ADMIN.password, 'none', '0'], t.clock);
      await waitForOutput(child, `progress ${line} `);
      await killed(child);
      kills++;
      for (const name of backupsOn(drive)) expect(await codeOf(verifyBackup({ path: join(drive, name), secret: recovery, dataDir: t.dir })), round).toBe('ok');
      expect(partialsOn(drive).every(isPartialBackupName), round).toBe(true);
      expect(filesHoldingDeep(drive, CANARY), round).toEqual([]);
      expect(filesHoldingDeep(t.dir, CANARY), round).toEqual([]);
      cleanLeftovers(t.dir);
      await cleanDrive(drive);
      expect(workFoldersIn(t.dir), round).toEqual([]);
      expect(partialsOn(drive), round).toEqual([]);
      await expectDeskOpens(round);
    }
    // Left to finish, the same child makes a backup that verifies and leaves nothing else.
    const drive = fakeDrive();
    const child = startSupportChild('backup-kill-child.ts', [t.dir, drive, ADMIN.login, ADMIN.password, 'none', '0'], t.clock);
    await waitForOutput(child, 'done ');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(backupsOn(drive)).toHaveLength(1);
    expect(readdirSync(drive)).toEqual(backupsOn(drive));
    expect(workFoldersIn(t.dir)).toEqual([]);
    expect(await codeOf(verifyBackup({ path: join(drive, backupsOn(drive)[0]), secret: recovery, dataDir: t.dir }))).toBe('ok');
  }, 240_000);
});

describe('the cleaning at the next start', () => {
  it('removes only the work folders and temporary files a backup writes, and nothing else', async () => {
    const data = tempDataDir('guichet-clean-');
    const kept = ['guichet.db', 'vault.json', '.backup-work-notes.txt', '.backup-workshop', 'backup-work-abc123'];
    for (const name of kept) writeFileSync(join(data, name), 'x');
    mkdirSync(join(data, `${WORK_PREFIX}0a1b2c3d4e5f`));
    writeFileSync(join(data, `${WORK_PREFIX}0a1b2c3d4e5f`, 'snapshot.db'), 'x');
    mkdirSync(join(data, `${WORK_PREFIX}ffffffffffff`));
    // A file under a work folder's name is not one of ours: left.
    writeFileSync(join(data, `${WORK_PREFIX}123456789abc`), 'x');
    expect(cleanLeftovers(data).sort()).toEqual([`${WORK_PREFIX}0a1b2c3d4e5f`, `${WORK_PREFIX}ffffffffffff`]);
    expect(readdirSync(data).sort()).toEqual([...kept, `${WORK_PREFIX}123456789abc`].sort());

    const drive = fakeDrive();
    const partial = `.guichet-0a1b2c3d-20261129T090000Z${BACKUP_EXTENSION}.9f8e7d6c${PARTIAL_EXTENSION}`;
    const others = [
      `guichet-0a1b2c3d-20261129T090000Z${BACKUP_EXTENSION}`,
      `guichet-0a1b2c3d-20261129T090000Z${BACKUP_EXTENSION}${PARTIAL_EXTENSION}`,
      `.holiday-photos.jpg${PARTIAL_EXTENSION}`,
      'notes.txt',
    ];
    writeFileSync(join(drive, partial), 'x');
    for (const name of others) writeFileSync(join(drive, name), 'x');
    // A folder and a link under a temporary file's name are not ours either; the link's target stays.
    mkdirSync(join(drive, `.a${BACKUP_EXTENSION}.00000000${PARTIAL_EXTENSION}`));
    const target = join(tempDataDir('guichet-target-'), 'precious');
    writeFileSync(target, 'x');
    symlinkSync(target, join(drive, `.b${BACKUP_EXTENSION}.11111111${PARTIAL_EXTENSION}`));
    expect(await cleanDrive(drive)).toEqual([partial]);
    expect(readdirSync(drive).sort()).toEqual([...others, `.a${BACKUP_EXTENSION}.00000000${PARTIAL_EXTENSION}`, `.b${BACKUP_EXTENSION}.11111111${PARTIAL_EXTENSION}`].sort());
    expect(existsSync(target)).toBe(true);

    // A drive unplugged, a folder never made: nothing to clean, no error.
    expect(await cleanDrive(join(drive, 'missing'))).toEqual([]);
    expect(cleanLeftovers(join(data, 'missing'))).toEqual([]);
  });
});
