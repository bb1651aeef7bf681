import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startTsChild, waitForOutput, jsonLinesOf } from '../support/child-process';
import { openTestDesk } from '../support/desk';
import { scheduleDesk } from '../support/schedule';

interface Outcome {
  visitorId: number;
  booked?: number;
  error?: { code: string; params?: Record<string, string>; fields?: Record<string, string> };
}

const outcomesOf = (child: ChildProcess) => jsonLinesOf<Outcome>(child);

describe('the booking race', () => {
  it('20 bookings of one slot from two processes: exactly one wins, every other is told what clashed', async () => {
    const t = await scheduleDesk();
    const visitors: number[] = [];
    for (let i = 0; i < 20; i++) visitors.push(await t.register({ firstName: `Visitor ${i}` }));
    const key = Buffer.from(t.desk.requireSession().dataKey).toString('hex');
    t.close();
    const slot = { psychologistId: t.psychologists.salma, placeId: t.place.id, roomId: t.rooms[0], startsAt: '2026-12-01T10:00', minutes: 45, kindId: t.followUp };
    // Interleaved halves: each process books every other visitor.
    const children = [0, 1].map((half) =>
      startTsChild(
        join(import.meta.dirname, '../support/book-slot-child.ts'),
        [t.dir, String(t.staff.desk.id), 'desk', JSON.stringify({ ...slot, visitorIds: visitors.filter((_, i) => i % 2 === half) })],
        t.clock,
        { env: { ...process.env, GUICHET_TEST_DATA_KEY: key }, stdio: ['pipe', 'pipe', 'pipe'] },
      ),
    );
    const outcomes = children.map(outcomesOf);
    await Promise.all(children.map((child) => waitForOutput(child, 'ready')));
    // Both released at once; closing stdin also lets each child end when done.
    for (const child of children) child.stdin?.end('go\n');
    const all = (await Promise.all(outcomes)).flat();

    expect(all).toHaveLength(20);
    const winners = all.filter((o) => o.booked !== undefined);
    expect(winners).toHaveLength(1);
    for (const loser of all.filter((o) => o.booked === undefined)) {
      expect(loser.error).toEqual({
        code: 'appointments.clash',
        params: { clashes: 'psychologist,room', day: '2026-12-01' },
        fields: { psychologistId: 'appointments.clash', roomId: 'appointments.clash' },
      });
    }
    const after = openTestDesk(t.dir, t.clock);
    try {
      await after.ok('auth.login', { login: t.staff.desk.login, password: t.staff.desk.password });
      const booked = await after.ok('appointments.range', { from: '2026-12-01', to: '2026-12-01' });
      expect(booked.map((a) => [a.id, a.visitorId])).toEqual([[winners[0].booked, winners[0].visitorId]]);
    } finally {
      after.close();
    }
  }, 120_000);
});
