import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { killed, startSupportChild as startChild, waitForOutput } from '../support/child-process';
import { ADMIN, deskWithStaff, loginAs, openTestDesk } from '../support/desk';

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
    for (const [round, delay] of [2, 11, 23, 31, 46, 53, 68, 76, 91, 106, 113, 127].entries()) {
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
