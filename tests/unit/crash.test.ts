import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { killed, startSupportChild as startChild, waitForOutput } from '../support/child-process';
import { ADMIN, deskWithStaff, openTestDesk, tempDataDir, TestClock } from '../support/desk';

describe('a kill in the middle of a write', () => {
  it('kill -9 during password changes: the old or the new password works, never neither', async () => {
    const t = await deskWithStaff();
    t.close();
    const second = 'the second passphrase';
    // Kill at different points: inside the derivation, during the write, between changes.
    for (const [round, delay] of [5, 30, 55, 80, 110, 140, 170, 200].entries()) {
      const child = startChild('password-change-child.ts', [t.dir, ADMIN.login, ADMIN.password, second], t.clock);
      await waitForOutput(child, 'changing', 1 + (round % 3));
      await new Promise((resolve) => setTimeout(resolve, delay));
      await killed(child);

      const after = openTestDesk(t.dir, t.clock);
      try {
        const withFirst = await after.call('auth.login', { login: ADMIN.login, password: ADMIN.password });
        const withSecond = withFirst.ok ? null : await after.call('auth.login', { login: ADMIN.login, password: second });
        expect(withFirst.ok || withSecond?.ok, `round ${round}: neither password works`).toBe(true);
        // Leave the first password in force for the next round.
        if (!withFirst.ok) await after.ok('account.changePassword', { currentPassword: second, newPassword: ADMIN.password });
        expect((await after.ok('audit.verify', {})).intact).toBe(true);
        expect(readdirSync(t.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      } finally {
        after.close();
      }
    }
  }, 120_000);
});

describe('a kill during the first-run setup', () => {
  it('leaves a folder that is set up, or one that starts empty again: never a database without its vault', async () => {
    const outcomes = new Set<string>();
    for (const delay of [0, 20, 40, 60, 80, 100, 130, 160, 200, 260]) {
      const dir = tempDataDir();
      const child = startChild('setup-child.ts', [dir], new TestClock());
      await waitForOutput(child, 'setting up');
      await new Promise((resolve) => setTimeout(resolve, delay));
      await killed(child);
      const after = openTestDesk(dir);
      try {
        const state = after.desk.status().state.kind;
        expect(['setup', 'locked'], `killed after ${delay} ms`).toContain(state);
        outcomes.add(state);
        if (state === 'setup') await after.ok('setup.create', { login: 'amina', displayName: 'Amina', password: 'the first run of the desk', language: 'fr', organisationName: 'Tadamon' });
        else await after.ok('auth.login', { login: 'amina', password: 'the first run of the desk' });
      } finally {
        after.close();
      }
    }
    expect(outcomes.has('setup')).toBe(true);
  }, 120_000);
});

describe('one process per data folder', () => {
  it('a second instance is refused while the first holds the folder, and takes over once it is gone', async () => {
    const dir = tempDataDir();
    const child = startChild('hold-folder-child.ts', [dir], new TestClock());
    try {
      await waitForOutput(child, 'holding setup');
      expect(() => openTestDesk(dir)).toThrow('data.inUse');
    } finally {
      await killed(child);
    }
    // The lock left by the killed process is stale: the next instance takes the folder.
    const next = openTestDesk(dir);
    try {
      expect(next.desk.status().state.kind).toBe('setup');
    } finally {
      next.close();
    }
  }, 30_000);
});
