import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderLock } from '../../main/core/storage/folder-lock';
import { ROOT, runGuichet, text, type Run } from '../support/cli';
import { openTestDesk, removeDir, tempDataDir, TestClock, type TestDesk } from '../support/desk';

/** One clock for this file's desks and the command lines they check. */
const clock = new TestClock();

/**
 * The admin command line, run for real as a child process (the way an administrator
 * or a script runs it), over real encrypted folders. What it did is then checked
 * through a Desk and the router in this process, after the child has let the folder go.
 * These runs speak English (GUICHET_LANGUAGE=en), so that a failure reads plainly;
 * cli-language.test.ts shows how the language is chosen.
 */
function guichet(args: string[], env: Record<string, string> = {}, entry: 'source' | 'bin' = 'source'): Promise<Run> {
  return runGuichet(args, { clock, home, env: { GUICHET_LANGUAGE: 'en', ...env }, entry });
}

const RECOVERY_KEY_LINE = /^ {4}([0-9A-Z]{4}(?:-[0-9A-Z]{4}){7})$/m;
const ONE_TIME_PASSWORD_LINE = /^ {4}([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})$/m;

const ADMIN = Object.freeze({ login: 'amina', name: 'Amina Admin', password: 'the desk opens at nine' });
const asAdmin = { GUICHET_LOGIN: ADMIN.login, GUICHET_PASSWORD: ADMIN.password };

/** Opens the folder in this process, runs `act`, and always lets the folder go again. */
async function withDesk<T>(dir: string, act: (test: TestDesk) => Promise<T>): Promise<T> {
  const test = openTestDesk(dir, clock);
  try {
    return await act(test);
  } finally {
    test.close();
  }
}

async function logsIn(dir: string, login: string, password: string) {
  return withDesk(dir, (test) => test.call('auth.login', { login, password }));
}

async function loginsIn(dir: string): Promise<string[]> {
  return withDesk(dir, async (test) => {
    await test.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
    return (await test.ok('users.list', {})).map((u) => u.login).sort();
  });
}

let home: string;
let data: string;
let recoveryKey = '';
let nadiaPassword = '';

beforeAll(() => {
  home = tempDataDir('guichet-cli-');
  data = join(home, 'data');
});

afterAll(() => removeDir(home));

describe('guichet init', () => {
  it('sets up a vault and a database and prints the recovery key for the safe', async () => {
    const run = await guichet(['init', '--data', data, '--admin', ADMIN.login, '--name', ADMIN.name, '--organisation', 'Tadamon'], { GUICHET_PASSWORD: ADMIN.password });

    expect(run).toMatchObject({ code: 0, stderr: '' });
    recoveryKey = RECOVERY_KEY_LINE.exec(run.stdout)?.[1] ?? '';
    expect(recoveryKey).not.toBe('');
    expect(run.stdout).toContain(text('en', 'cli.init.keepItSafe'));
    expect(run.stdout).not.toContain(ADMIN.password);
    expect(existsSync(join(data, 'vault.json'))).toBe(true);
    expect(existsSync(join(data, 'guichet.db'))).toBe(true);
    // The lock file stays (it is never removed), but the command let it go.
    expect(statSync(join(data, 'guichet.lock')).size).toBe(0);
    FolderLock.acquire(data).release();
  });

  it('refuses to set up a folder twice and leaves the first database as it was', async () => {
    const before = { db: readFileSync(join(data, 'guichet.db')), vault: readFileSync(join(data, 'vault.json')), mtime: statSync(join(data, 'guichet.db')).mtimeMs };

    const run = await guichet(['init', '--data', data, '--admin', 'intruder', '--name', 'Someone Else', '--organisation', 'Tadamon'], { GUICHET_PASSWORD: 'another long password' });

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^guichet: error data\.alreadyInitialized/);
    expect(readFileSync(join(data, 'guichet.db')).equals(before.db)).toBe(true);
    expect(readFileSync(join(data, 'vault.json')).equals(before.vault)).toBe(true);
    expect(statSync(join(data, 'guichet.db')).mtimeMs).toBe(before.mtime);
    expect((await logsIn(data, ADMIN.login, ADMIN.password)).ok).toBe(true);
  });

  it('refuses a password that is too short and creates nothing', async () => {
    const fresh = join(home, 'short');

    const run = await guichet(['init', '--data', fresh, '--admin', 'amina', '--name', 'Amina', '--organisation', 'Tadamon'], { GUICHET_PASSWORD: 'short' });

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^guichet: error password\.tooShort —/);
    // The app's own advice for a new password follows the explanation.
    expect(run.stderr).toContain(text('en', 'password.hint', { min: 8, recommended: 15 }));
    // Only the lock file, empty and not held.
    expect(readdirSync(fresh)).toEqual(['guichet.lock']);
    FolderLock.acquire(fresh).release();
  });
});

describe('guichet user', () => {
  it('adds a user whose printed one-time password opens the desk, and must be replaced', async () => {
    const run = await guichet(['user', 'add', '--data', data, '--login', 'nadia', '--name', 'Nadia', '--roles', 'desk,psychologist'], asAdmin);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).not.toContain(ADMIN.password);
    nadiaPassword = ONE_TIME_PASSWORD_LINE.exec(run.stdout)?.[1] ?? '';
    const login = await logsIn(data, 'nadia', nadiaPassword);
    expect(login).toMatchObject({ ok: true, value: { login: 'nadia', roles: ['desk', 'psychologist'], mustChangePassword: true } });
  });

  it('refuses a wrong administrator password and creates no one', async () => {
    const run = await guichet(['user', 'add', '--data', data, '--login', 'karim', '--name', 'Karim', '--roles', 'desk'], {
      ...asAdmin,
      GUICHET_PASSWORD: 'not the right password',
    });

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^guichet: error auth\.invalidCredentials — /);
    expect(run.stderr).not.toContain('not the right password');
    expect(await loginsIn(data)).toEqual(['amina', 'nadia']);
  });

  it('refuses a user who is not an administrator, and the refusal is audited', async () => {
    const run = await guichet(['user', 'add', '--data', data, '--login', 'karim', '--name', 'Karim', '--roles', 'admin'], {
      GUICHET_LOGIN: 'nadia',
      GUICHET_PASSWORD: nadiaPassword,
    });

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^guichet: error call\.forbidden — /);
    expect(await loginsIn(data)).toEqual(['amina', 'nadia']);
    const refusals = await withDesk(data, async (test) => {
      await test.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
      return (await test.ok('audit.list', { action: 'users.create', outcome: 'refused' })).entries;
    });
    expect(refusals).toHaveLength(1);
    // The command line recorded it by the same clock as the desks of this file.
    expect(Math.abs(Date.parse(refusals[0].at) - clock.now().getTime())).toBeLessThan(10 * 60_000);
  });

  it('resets a password: the new one-time password opens the desk, the old one no longer does', async () => {
    const run = await guichet(['user', 'reset-password', '--data', data, '--login', 'NADIA'], asAdmin);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    const fresh = ONE_TIME_PASSWORD_LINE.exec(run.stdout)?.[1] ?? '';
    expect(fresh).not.toBe(nadiaPassword);
    expect((await logsIn(data, 'nadia', nadiaPassword)).ok).toBe(false);
    expect((await logsIn(data, 'nadia', fresh)).ok).toBe(true);
  });

  it('refuses to touch a login nobody has', async () => {
    const run = await guichet(['user', 'disable', '--data', data, '--login', 'nobody'], asAdmin);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^guichet: error users\.notFound — /);
  });
});

describe('guichet audit verify', () => {
  it('says the chain holds on an untouched folder', async () => {
    const run = await guichet(['audit', 'verify', '--data', data], asAdmin);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^audit: the chain holds \(\d+ entries\)\n$/);
  });

  it('names the first broken entry after an entry was edited behind the app', async () => {
    const tampered = tempDataDir('guichet-cli-audit-');
    try {
      await withDesk(tampered, async (test) => {
        await test.ok('setup.create', { login: ADMIN.login, displayName: ADMIN.name, password: ADMIN.password, language: 'fr', organisationName: 'Tadamon' });
        const { db } = test.desk.requireSession();
        db.exec('DROP TRIGGER audit_no_update');
        db.prepare(`UPDATE audit SET detail = 'edited' WHERE id = 2`).run();
      });

      const run = await guichet(['audit', 'verify', '--data', tampered], asAdmin);

      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`guichet: error audit.broken — ${text('en', 'audit.verification.broken', { id: 2, problem: text('en', 'audit.problems.edited') })}\n`);
    } finally {
      removeDir(tampered);
    }
  });
});

describe('guichet key rotate', () => {
  it('replaces the data key: the passwords still open the desk, the vault from before opens nothing', async () => {
    const before = readFileSync(join(data, 'vault.json'));
    const run = await guichet(['key', 'rotate', '--data', data], asAdmin);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/data key is replaced/);
    expect(run.stdout).toContain(text('en', 'cli.keyRotate.passwordsKept'));
    expect((await logsIn(data, ADMIN.login, ADMIN.password)).ok).toBe(true);
    const current = readFileSync(join(data, 'vault.json'));
    writeFileSync(join(data, 'vault.json'), before);
    try {
      expect(await logsIn(data, ADMIN.login, ADMIN.password)).toMatchObject({ ok: false, error: { code: 'db.wrongKey' } });
    } finally {
      writeFileSync(join(data, 'vault.json'), current);
    }
  });

  it('is refused without an administrator who logs in', async () => {
    const run = await guichet(['key', 'rotate', '--data', data], { GUICHET_LOGIN: 'nobody', GUICHET_PASSWORD: 'not a password here' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^guichet: error auth\.invalidCredentials/);
  });
});

describe('guichet seed', () => {
  it('adds synthetic visitors as an administrator, reproducibly for a given seed', async () => {
    // A small listening unit: what this test compares is the visitors (schedule-seed.test.ts checks the rest).
    const seeded = await guichet(['seed', '--data', data, '--visitors', '300', '--seed', '7', '--appointments', '60'], asAdmin);
    expect(seeded.stderr).toBe('');
    expect(seeded.stdout).toMatch(/^seeded 300 visitors, \d+ intakes, \d+ referrals in [\d.]+ s \(seed 7\)$/m);
    expect(seeded.code).toBe(0);
    const other = join(home, 'other');
    expect((await guichet(['init', '--data', other, '--admin', ADMIN.login, '--name', ADMIN.name, '--organisation', 'Tadamon'], { GUICHET_PASSWORD: ADMIN.password })).code).toBe(0);
    expect((await guichet(['seed', '--data', other, '--visitors', '300', '--seed', '7', '--appointments', '60'], asAdmin)).code).toBe(0);
    const sample = (dir: string) =>
      withDesk(dir, async (test) => {
        await test.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
        const items = (await test.ok('visitors.recent', { limit: 200 })).map((v) => `${v.sex}:${v.age}:${v.nationality}:${v.initials}`);
        return { items: items.sort() };
      });
    const [a, b] = [await sample(data), await sample(other)];
    expect(a.items).toHaveLength(200);
    expect(a.items).toEqual(b.items);
    // Two seeding processes, each opening the vault and writing a year of the listening unit,
    // workshops and childcare: some 20 s each on two busy cores.
  }, 120_000);

  it('refuses a count that is not a whole number', async () => {
    const run = await guichet(['seed', '--data', data, '--visitors', 'many'], asAdmin);
    expect(run.code).toBe(2);
  });

  it('makes psychologists whose printed password opens their notes, and refuses a weak GUICHET_SEED_PASSWORD before writing anything', async () => {
    const weak = await guichet(['seed', '--data', data, '--visitors', '40', '--seed', '9'], { ...asAdmin, GUICHET_SEED_PASSWORD: 'short' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/^guichet: error password\.tooShort/);
    const seeded = await guichet(['seed', '--data', data, '--visitors', '40', '--seed', '9', '--appointments', '60'], asAdmin);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/^Listening unit in [\d.]+ s: 3 psychologists, 7 interpreters, 60 appointments for \d+ visitors/m);
    const password = /^The psychologists log in as psy\.seed9\.1 … psy\.seed9\.3 with the password (\S+) /m.exec(seeded.stdout)?.[1] ?? '';
    expect(await withDesk(data, async (test) => {
      await test.ok('auth.login', { login: 'psy.seed9.2', password });
      return test.ok('notes.status', {});
    })).toEqual({ hasSecret: true });
  });
});

describe('the data folder', () => {
  it('is refused with data.inUse while the app holds it', async () => {
    const held = openTestDesk(data, clock);
    try {
      const run = await guichet(['audit', 'verify', '--data', data], asAdmin);

      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^guichet: error data\.inUse — /);
    } finally {
      held.close();
    }
  });

  it('is reported by status without being created when it is not there', async () => {
    const missing = join(home, 'missing');

    const run = await guichet(['status', '--data', missing]);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('not set up');
    expect(existsSync(missing)).toBe(false);
  });
});

describe('usage errors', () => {
  it('answers an unknown command with exit 2 and a usage line', async () => {
    const run = await guichet(['frobnicate']);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command/);
    expect(run.stderr).toMatch(/^usage: guichet/m);
  });

  it('answers a missing --login with exit 2 and the command usage', async () => {
    const run = await guichet(['user', 'add', '--data', data, '--name', 'Karim', '--roles', 'desk'], asAdmin);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--login is required/);
    expect(run.stderr).toMatch(/^usage: guichet user add .*--login LOGIN/m);
  });

  it('never takes a secret as an argument, nor repeats it', async () => {
    const run = await guichet(['user', 'list', '--data', data, '--password=hunter2-secret']);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option --password; secrets are never taken as arguments/);
    expect(run.stderr).not.toContain('hunter2-secret');
  });

  it('asks for GUICHET_PASSWORD when there is no terminal to prompt on', async () => {
    const run = await guichet(['user', 'list', '--data', data], { GUICHET_LOGIN: ADMIN.login });

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/GUICHET_PASSWORD is not set and there is no terminal/);
  });

  it('prints help and version through the installed bin, from any folder', async () => {
    const help = await guichet(['--help'], {}, 'bin');
    const version = await guichet(['--version'], {}, 'bin');

    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/user add/);
    expect(help.stdout).toMatch(/audit verify/);
    expect(version).toMatchObject({ code: 0, stdout: `${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n` });
  });
});

// Last: it replaces the administrator's password.
describe('guichet recover', () => {
  it("sets a new administrator password with the recovery key from init", async () => {
    const newPassword = 'a new password from the safe';
    const run = await guichet(['recover', '--data', data, '--login', ADMIN.login], {
      GUICHET_RECOVERY_KEY: recoveryKey.toLowerCase(),
      GUICHET_NEW_PASSWORD: newPassword,
    });

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).not.toContain(recoveryKey);
    expect((await logsIn(data, ADMIN.login, ADMIN.password)).ok).toBe(false);
    expect((await logsIn(data, ADMIN.login, newPassword)).ok).toBe(true);
  });
});
