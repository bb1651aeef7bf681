import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, openTestDesk, removeDir, tempDataDir, TestClock } from '../support/desk';
import { backUp, backupDesk, fakeDrive } from '../support/backups';
import { startSupportChild } from '../support/child-process';

/** The steps of a restore, in order; the marker is the point after which only the restored data may open. */
const BEFORE_MARKER = ['opened', 'migrated', 'staged'];
const AFTER_MARKER = ['marked', 'out:guichet.db', 'out:vault.json', 'in:guichet.db', 'in:vault.json', 'moved-in', 'incoming-removed'];

let template: string;
let backupPath: string;
let recoveryKey: string;
let admin: { login: string; password: string };
const clock = new TestClock();

beforeAll(async () => {
  const t = await backupDesk();
  await loginAs(t, t.staff.admin);
  backupPath = (await backUp(t, fakeDrive())).path;
  t.desk.lock('button');
  // After the backup: one more visitor, so the old data (4) and the restored (3) tell apart.
  await loginAs(t, t.staff.desk);
  await t.ok('visitors.register', { fields: { sex: 'female', birthYear: 2001 }, consents: { dataProcessing: true, referrals: false, phoneContact: false, reporting: true } });
  t.close();
  template = t.dir;
  recoveryKey = t.recoveryKey;
  admin = t.staff.admin;
}, 60_000);

afterAll(() => removeDir(template));

function runChild(dataDir: string, killAt: string): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = startSupportChild('restore-child.ts', [dataDir, backupPath, recoveryKey, killAt], clock);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => (code && code !== 0 ? reject(new Error(`child failed: ${stderr}`)) : resolve({ code, signal })));
  });
}

async function visitorsAfterRestart(dataDir: string): Promise<number> {
  const t = openTestDesk(dataDir, clock);
  try {
    await loginAs(t, admin);
    return (t.desk.requireSession().db.prepare('SELECT count(*) AS n FROM visitors').get() as { n: number }).n;
  } finally {
    t.close();
  }
}

describe('kill -9 during a restore', () => {
  it.each([...BEFORE_MARKER.map((step) => [step, 4] as const), ...AFTER_MARKER.map((step) => [step, 3] as const)])(
    'killed right after “%s”: the next start opens the %s visitors of one whole data set, never neither, and leaves nothing behind',
    async (step, expected) => {
      const dataDir = tempDataDir();
      try {
        cpSync(template, dataDir, { recursive: true });
        const ended = await runChild(dataDir, step);
        expect(ended.signal).toBe('SIGKILL');
        expect(await visitorsAfterRestart(dataDir)).toBe(expected);
        expect(readdirSync(dataDir).filter((n) => n.startsWith('restore-') || n.startsWith('.backup-work-'))).toEqual([]);
      } finally {
        removeDir(dataDir);
      }
    },
    60_000,
  );

  it('not killed: the restored data opens', async () => {
    const dataDir = join(tempDataDir(), 'data');
    try {
      cpSync(template, dataDir, { recursive: true });
      expect(await runChild(dataDir, 'never')).toEqual({ code: 0, signal: null });
      expect(await visitorsAfterRestart(dataDir)).toBe(3);
    } finally {
      removeDir(dataDir);
    }
  }, 60_000);
});
