import { describe, expect, it } from 'vitest';
import { killed, startSupportChild as startChild, waitForOutput } from '../support/child-process';
import { ADMIN, deskWithStaff, openTestDesk } from '../support/desk';

describe('every write and its audit entry, together', () => {
  it('kill -9 while visitors are registered: each registration has its audit entry, and no entry is without its registration', async () => {
    const t = await deskWithStaff();
    t.close();
    let written = 0;
    // Kill at many different points of the loop: its writes take a few milliseconds each.
    for (const [round, delay] of [3, 19, 37, 53, 71, 89, 107, 127, 149, 167, 191, 211, 233, 257, 281, 307].entries()) {
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
