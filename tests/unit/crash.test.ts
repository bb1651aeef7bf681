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
