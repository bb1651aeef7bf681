import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIRM_WORDS, SAFETY_COPIES } from '../../main/core/backups/jobs';
import { FolderLock } from '../../main/core/storage/folder-lock';
import { generateRecoveryKey } from '../../main/core/vault/recovery-key';
import { runGuichet, text, type Run } from '../support/cli';
import { openTestDesk, removeDir, tempDataDir, TestClock, type TestDesk } from '../support/desk';

/**
 * `guichet backup …` run for real as child processes, with this file's clock, over a real
 * encrypted desk and a folder standing for the USB drive. What each run did is then checked
 * through a Desk and the router in this process, once the child has let the folder go.
 */
const clock = new TestClock();

const ADMIN = Object.freeze({ login: 'amina', displayName: 'Amina Admin', password: 'the desk opens at nine' });
const LATER_PASSWORD = 'a new password after the backup';
const CONSENTS = { dataProcessing: true, referrals: true, phoneContact: false, reporting: true };

let home: string;
let data: string;
let drive: string;
let recoveryKey = '';
const worker = { login: 'fatima', password: 'fatima chose this long password' };
let backupFile = '';

function guichet(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return runGuichet(args, { clock, home, env: { GUICHET_LANGUAGE: 'en', ...env } });
}

const asAdmin = (password: string = ADMIN.password) => ({ GUICHET_LOGIN: ADMIN.login, GUICHET_PASSWORD: password });

async function withDesk<T>(dir: string, act: (test: TestDesk) => Promise<T>): Promise<T> {
  const test = openTestDesk(dir, clock);
  try {
    return await act(test);
  } finally {
    test.close();
  }
}

/** What the desk holds now, counted on an administrator's own session. */
async function visitorsIn(dir: string, password: string = ADMIN.password): Promise<number> {
  return withDesk(dir, async (test) => {
    await test.ok('auth.login', { login: ADMIN.login, password });
    return (test.desk.requireSession().db.prepare('SELECT count(*) AS n FROM visitors').get() as { n: number }).n;
  });
}

/** The failure's one line on stderr, its code in Latin letters first. */
function expectFailure(run: Run, code: string): void {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(new RegExp(`^guichet: error ${code.replace('.', '\\.')} — `));
}

beforeAll(async () => {
  home = tempDataDir('guichet-cli-backup-');
  // Inside the test's own folder, so that the safety copy beside it lands there too.
  data = join(home, 'data');
  // A drive is plugged in: its folder exists (a missing one is a drive pulled out).
  drive = join(home, 'KINGSTON');
  mkdirSync(drive);
  await withDesk(data, async (test) => {
    const setup = await test.ok('setup.create', { ...ADMIN, language: 'en', organisationName: 'Tadamon' });
    recoveryKey = setup.recoveryKey;
    const created = await test.ok('users.create', { login: worker.login, displayName: 'Fatima', roles: ['desk'], language: 'en' });
    test.desk.lock('button');
    await test.ok('auth.login', { login: worker.login, password: created.oneTimePassword });
    await test.ok('account.changePassword', { currentPassword: created.oneTimePassword, newPassword: worker.password });
    await test.ok('visitors.register', { fields: { sex: 'female', birthYear: 1990 }, consents: CONSENTS });
  });
});

afterAll(() => removeDir(home));

describe('guichet backup create', () => {
  it('refuses a user who is not an administrator and writes nothing on the drive', async () => {
    const run = await guichet(['backup', 'create', '--data', data, '--to', drive], { GUICHET_LOGIN: worker.login, GUICHET_PASSWORD: worker.password });

    expectFailure(run, 'call.forbidden');
    expect(existsSync(join(drive, 'Guichet-backups')) ? readdirSync(join(drive, 'Guichet-backups')) : []).toEqual([]);
  });

  it('makes a verified backup on the drive, records it as the last one and audits it', async () => {
    const run = await guichet(['backup', 'create', '--data', data, '--to', drive], asAdmin());

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const files = readdirSync(join(drive, 'Guichet-backups'));
    expect(files).toHaveLength(1);
    backupFile = join(drive, 'Guichet-backups', files[0]);
    const size = text('en', 'cli.backup.megabytes', { size: (statSync(backupFile).size / 1e6).toFixed(1) });
    expect(run.stdout).toBe(`${text('en', 'cli.backupCreate.done', { path: backupFile, size })}\n`);
    // The command let the folder go.
    FolderLock.acquire(data).release();
    await withDesk(data, async (test) => {
      await test.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
      expect(await test.ok('backups.overview', {})).toMatchObject({ lastVerified: { file: files[0], drive: 'KINGSTON' }, daysSince: 0, overdue: false });
      const { entries } = await test.ok('audit.list', { action: 'backups.create' });
      // Beside the refusal of the test before.
      expect(entries.map((e) => [e.outcome, e.entityId]).sort()).toEqual([
        ['refused', null],
        ['success', files[0]],
      ]);
    });
  });
});

describe('guichet backup list', () => {
  it("lists the drive's backups with this desk's marked, and a file that is no backup with its problem", async () => {
    writeFileSync(join(drive, 'Guichet-backups', 'holiday-photos.guichet-backup'), 'not a backup at all');

    const run = await guichet(['backup', 'list', '--data', data, '--on', drive]);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Desk [0-9a-f-]{8} \(this desk\)$/);
    expect(lines.find((l) => l.startsWith(backupFile))).toMatch(/ \d{4}-\d\d-\d\d \d\d:\d\d UTC {2}[\d.]+ MB {2}\d+\.\d+\.\d+ +\d+$/);
    expect(run.stdout).toContain(text('en', 'cli.backupList.unreadable'));
    expect(run.stdout).toMatch(/holiday-photos\.guichet-backup {2}backup\.(notABackup|damaged) — /);
  });

  it('lists them without marking any as this desk when --data names no desk', async () => {
    const run = await guichet(['backup', 'list', '--data', join(home, 'elsewhere'), '--on', drive]);

    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^Desk [0-9a-f-]{8}$/);
    expect(existsSync(join(home, 'elsewhere'))).toBe(false);
  });
});

describe('guichet backup verify', () => {
  it('checks the backup in full with the recovery key and prints its manifest', async () => {
    const run = await guichet(['backup', 'verify', backupFile, '--data', data], { GUICHET_RECOVERY_KEY: recoveryKey });

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^visitors +1$/m);
    expect(run.stdout).toMatch(/^accounts +2$/m);
    expect(run.stdout).toMatch(/^desk +[0-9a-f-]{8} \(this desk\)$/m);
    expect(run.stdout).toContain(text('en', 'cli.backup.openedWith.recoveryKey'));
    expect(run.stdout.trimEnd().split('\n').pop()).toBe(text('en', 'cli.backupVerify.done', { path: backupFile }));
    // Nothing is left of the checked copy in the data folder.
    expect(readdirSync(data).filter((n) => n.startsWith('.backup-work-'))).toEqual([]);
  });

  it("opens it with an administrator's password too", async () => {
    const run = await guichet(['backup', 'verify', backupFile, '--data', data], asAdmin());

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(text('en', 'cli.backup.openedWith.password'));
  });

  it('checks it while the app holds the data folder, and still knows it is this desk\'s', async () => {
    const held = openTestDesk(data, clock);
    try {
      const run = await guichet(['backup', 'verify', backupFile, '--data', data], { GUICHET_RECOVERY_KEY: recoveryKey });

      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^desk +[0-9a-f-]{8} \(this desk\)$/m);
    } finally {
      held.close();
    }
  });

  it('refuses a damaged file with backup.damaged', async () => {
    const damaged = join(home, 'damaged.guichet-backup');
    copyFileSync(backupFile, damaged);
    const bytes = readFileSync(damaged);
    bytes[bytes.length - 200] ^= 0x01;
    writeFileSync(damaged, bytes);

    expectFailure(await guichet(['backup', 'verify', damaged, '--data', data], { GUICHET_RECOVERY_KEY: recoveryKey }), 'backup.damaged');
  });

  it("refuses another desk's recovery key, and a mistyped one, without naming either", async () => {
    const another = generateRecoveryKey();
    const wrong = await guichet(['backup', 'verify', backupFile, '--data', data], { GUICHET_RECOVERY_KEY: another });
    expectFailure(wrong, 'backup.wrongRecoveryKey');
    expect(wrong.stderr).not.toContain(another);

    expectFailure(await guichet(['backup', 'verify', backupFile, '--data', data], { GUICHET_RECOVERY_KEY: 'ABCD-EFGH' }), 'recovery.malformed');
  });

  it('says which file it needs', async () => {
    const run = await guichet(['backup', 'verify', '--data', data], { GUICHET_RECOVERY_KEY: recoveryKey });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(text('en', 'cli.usage.required', { option: 'FILE' }));
  });
});

describe('guichet backup restore', () => {
  it('confirms with --yes by the word the app asks for, in each language', () => {
    expect((['fr', 'ar', 'en'] as const).map((language) => text(language, 'cli.backupRestore.confirmWord')).sort()).toEqual([...CONFIRM_WORDS].sort());
  });

  it('asks for a typed confirmation, which a script gives with --yes, before it checks anything', async () => {
    const run = await guichet(['backup', 'restore', backupFile, '--data', data], { ...asAdmin(), GUICHET_RECOVERY_KEY: recoveryKey });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(text('en', 'cli.backup.usage.noTerminalToConfirm'));
  });

  it('refuses a damaged file and leaves the data as it was', async () => {
    const damaged = join(home, 'damaged.guichet-backup');

    expectFailure(await guichet(['backup', 'restore', damaged, '--data', data, '--yes'], { ...asAdmin(), GUICHET_RECOVERY_KEY: recoveryKey }), 'backup.damaged');
    expect(await visitorsIn(data)).toBe(1);
  });

  it('is refused to a user who is not an administrator', async () => {
    const run = await guichet(['backup', 'restore', backupFile, '--data', data, '--yes'], { GUICHET_LOGIN: worker.login, GUICHET_PASSWORD: worker.password, GUICHET_RECOVERY_KEY: recoveryKey });

    expectFailure(run, 'call.forbidden');
    expect(await visitorsIn(data)).toBe(1);
  });

  it('brings the day of the backup back: a later visitor is gone, the old password works again, the replaced data is kept', async () => {
    // After the backup: a visitor registered and the administrator's password changed.
    await withDesk(data, async (test) => {
      await test.ok('auth.login', { login: worker.login, password: worker.password });
      await test.ok('visitors.register', { fields: { sex: 'male', birthYear: 2004 }, consents: CONSENTS });
      test.desk.lock('button');
      await test.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
      await test.ok('account.changePassword', { currentPassword: ADMIN.password, newPassword: LATER_PASSWORD });
    });
    expect(await visitorsIn(data, LATER_PASSWORD)).toBe(2);

    // Today's password unlocks the desk for the safety copy; the recovery key opens the backup.
    const run = await guichet(['backup', 'restore', backupFile, '--data', data, '--yes'], { ...asAdmin(LATER_PASSWORD), GUICHET_RECOVERY_KEY: recoveryKey });

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^visitors +1$/m);
    expect(run.stdout).toContain(text('en', 'cli.backupRestore.done', { path: backupFile, dir: data }));
    expect(await visitorsIn(data)).toBe(1);
    await withDesk(data, async (test) => {
      expect(await test.call('auth.login', { login: ADMIN.login, password: LATER_PASSWORD })).toMatchObject({ ok: false, error: { code: 'auth.invalidCredentials' } });
    });
    const safety = readdirSync(join(home, SAFETY_COPIES));
    expect(safety).toHaveLength(1);
    // The safety copy holds the data the restore replaced, the later visitor with it.
    const kept = await guichet(['backup', 'verify', join(home, SAFETY_COPIES, safety[0]), '--data', data], { GUICHET_RECOVERY_KEY: recoveryKey });
    expect(kept.code).toBe(0);
    expect(kept.stdout).toMatch(/^visitors +2$/m);
  });

  it("restores onto a new machine's empty folder with the password she had that day", async () => {
    const fresh = join(home, 'new-machine');

    const run = await guichet(['backup', 'restore', backupFile, '--data', fresh, '--yes'], asAdmin());

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).not.toContain(text('en', 'cli.backupRestore.safetyCopyKept', { dir: join(home, SAFETY_COPIES) }));
    expect(await visitorsIn(fresh)).toBe(1);
  });
});
