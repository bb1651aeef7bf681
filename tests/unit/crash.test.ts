import type { ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTsChild } from '../support/child-process';
import { ADMIN, deskWithStaff, loginAs, openTestDesk, tempDataDir, TestClock } from '../support/desk';

const SUPPORT = join(import.meta.dirname, '../support');

function startChild(script: string, args: string[], clock = new TestClock()): ChildProcess {
  return startTsChild(join(SUPPORT, script), args, clock);
}

function waitForOutput(child: ChildProcess, text: string, count = 1): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let index: number;
      while ((index = buffer.indexOf(text)) >= 0) {
        buffer = buffer.slice(index + text.length);
        if (++seen === count) resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`child exited with ${code} before printing ${text}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

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

describe('every write and its audit entry, together', () => {
  it('kill -9 while visitors are registered: each registration has its audit entry, and no entry is without its registration', async () => {
    const t = await deskWithStaff();
    t.close();
    let written = 0;
    // Kill at many different points of the loop: its writes take a few milliseconds each.
    for (const [round, delay] of [3, 17, 29, 41, 53, 67, 79, 97, 113, 131, 149, 163, 181, 197, 211, 229, 241, 263, 277, 293].entries()) {
      const child = startChild('register-visitors-child.ts', [t.dir, t.staff.desk.login, t.staff.desk.password], t.clock);
      await waitForOutput(child, 'registering');
      await new Promise((resolve) => setTimeout(resolve, delay));
      await killed(child);

      const after = openTestDesk(t.dir, t.clock);
      try {
        await after.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
        const { db } = after.desk.requireSession();
        const visitors = (db.prepare('SELECT count(*) AS n FROM visitors').get() as { n: number }).n;
        const audited = (
          db.prepare(`SELECT count(*) AS n FROM audit WHERE action = 'visitors.register' AND outcome = 'success'`).get() as { n: number }
        ).n;
        expect(audited, `round ${round}`).toBe(visitors);
        expect((await after.ok('audit.verify', {})).intact).toBe(true);
        written = visitors;
      } finally {
        after.close();
      }
    }
    // The rounds did write: the check above compared real counts.
    expect(written).toBeGreaterThan(100);
  }, 180_000);
});

describe('a kill in the middle of a data-key rotation', () => {
  it('leaves the old key or the new one working, never neither, and nothing lost', async () => {
    const t = await deskWithStaff();
    await loginAs(t, t.staff.desk);
    for (let i = 0; i < 300; i++) {
      await t.ok('visitors.register', {
        fields: { firstName: `Mariam ${i}`, sex: 'female', birthYear: 1990 },
        consents: { dataProcessing: true, referrals: true, phoneContact: false, reporting: true },
      });
    }
    t.close();
    let rotations = 0;
    // Kills at different points: copying, re-encrypting, writing the vault, swapping the files.
    for (const [round, delay] of [2, 9, 16, 23, 31, 38, 46, 53, 61, 68, 76, 83, 91, 98, 106, 113].entries()) {
      const child = startChild('rotate-key-child.ts', [t.dir, ADMIN.login, ADMIN.password], t.clock);
      await waitForOutput(child, 'rotating', 1 + (round % 3));
      await new Promise((resolve) => setTimeout(resolve, delay));
      await killed(child);

      const after = openTestDesk(t.dir, t.clock);
      try {
        await after.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
        const { db } = after.desk.requireSession();
        expect((db.prepare('SELECT count(*) AS n FROM visitors').get() as { n: number }).n, `round ${round}`).toBe(300);
        expect((await after.ok('audit.verify', {})).intact).toBe(true);
        expect(readdirSync(t.dir).filter((f) => f.includes('.next') || f.endsWith('.tmp')), `round ${round}`).toEqual([]);
        rotations = (await after.ok('audit.list', { action: 'keys.rotate', limit: 500 })).entries.length;
      } finally {
        after.close();
      }
      // The recovery key opens the desk too, whichever key is in force.
      const viaRecovery = openTestDesk(t.dir, t.clock);
      try {
        await viaRecovery.ok('auth.recover', { recoveryKey: t.recoveryKey, login: ADMIN.login, newPassword: ADMIN.password });
      } finally {
        viaRecovery.close();
      }
    }
    expect(rotations).toBeGreaterThan(5);
  }, 180_000);
});

describe('one process per data folder', () => {
  it('a second instance is refused while the first holds the folder, and takes over once it is gone', async () => {
    const dir = tempDataDir();
    const child = startChild('hold-folder-child.ts', [dir]);
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
