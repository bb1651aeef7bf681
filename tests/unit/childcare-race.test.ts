import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTsChild, waitForOutput, jsonLinesOf } from '../support/child-process';
import { openTestDesk } from '../support/desk';
import { childcareDesk } from '../support/childcare';

interface Outcome {
  childId: number;
  id?: number;
  status?: string;
  position?: number | null;
  error?: string;
}

const outcomesOf = (child: ChildProcess) => jsonLinesOf<Outcome>(child);

describe('the childcare booking race', () => {
  it('twelve children from two processes for the last place: exactly one gets it, every other is waitlisted in turn, never over capacity', async () => {
    const t = await childcareDesk();
    const slot = await t.slot({ capacity: 3 });
    for (const name of ['Awa', 'Binta']) await t.ok('childcare.book', { childId: (await t.child(await t.mother(), { firstName: name })).id, slotId: slot.id });
    const racers: number[] = [];
    for (let i = 0; i < 12; i++) racers.push((await t.child(await t.mother(`Mère ${i}`), { firstName: `Enfant ${i}` })).id);
    const key = Buffer.from(t.desk.requireSession().dataKey).toString('hex');
    const deskWorker = t.staff.desk;
    t.close();

    // Interleaved halves: each process books every other child.
    const children = [0, 1].map((half) =>
      startTsChild(join(import.meta.dirname, '../support/childcare-book-child.ts'), [t.dir, String(deskWorker.id), String(slot.id), JSON.stringify(racers.filter((_, i) => i % 2 === half))], t.clock, {
        env: { ...process.env, GUICHET_TEST_DATA_KEY: key },
        stdio: ['pipe', 'pipe', 'pipe'],
      }),
    );
    const outcomes = children.map(outcomesOf);
    await Promise.all(children.map((child) => waitForOutput(child, 'ready')));
    for (const child of children) child.stdin?.end('go\n');
    const all = (await Promise.all(outcomes)).flat();

    expect(all).toHaveLength(12);
    expect(all.filter((o) => o.error)).toEqual([]);
    expect(all.filter((o) => o.status === 'booked')).toHaveLength(1);
    const waiting = all.filter((o) => o.status === 'waitlisted');
    expect(waiting).toHaveLength(11);
    // Each was told her own place in the line, first come first served.
    expect(waiting.map((o) => o.position).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

    const after = openTestDesk(t.dir, t.clock);
    try {
      await after.ok('auth.login', { login: deskWorker.login, password: deskWorker.password });
      expect(await after.ok('childcare.slot', { id: slot.id })).toMatchObject({ capacity: 3, taken: 3, waitlisted: 11, free: 0 });
      const list = await after.ok('childcare.bookings', { slotId: slot.id });
      expect(list.filter((b) => b.status === 'waitlisted').map((b) => b.id)).toEqual(waiting.sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map((o) => o.id));
    } finally {
      after.close();
    }
  }, 120_000);
});
