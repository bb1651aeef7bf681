import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, deskWithStaff, openTestDesk, tempDataDir } from '../support/desk';

const SUPPORT = join(import.meta.dirname, '../support');

function startChild(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(SUPPORT, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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
      const child = startChild('password-change-child.ts', [t.dir, ADMIN.login, ADMIN.password, second]);
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
