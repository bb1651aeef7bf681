import type { Db } from '../../main/core/db/database';
import { beginImmediate } from '../../main/core/db/transaction';
import { appendAudit } from '../../main/core/audit/service';
import { seedActivities, type ActivitiesSeedResult } from '../../main/core/activities/seed';
import { saveRollCall } from '../../main/core/activities/enrolment';
import { getSession, rollCallRows } from '../../main/core/activities/service';
import { seedChildcare, type ChildcareSeedResult } from '../../main/core/childcare/seed';
import { childcareBoard } from '../../main/core/childcare/board/service';
import { settleOffers } from '../../main/core/childcare/bookings/service';
import { seedVisitors } from '../../main/core/visitors/seed';
import { ATTENDANCE_STATUSES } from '../../shared/domain/activities';
import { addDays, calendarDateIn, instantOfWallMoment, weekdayOf } from '../../shared/domain/calendar';
import { randomGenerator } from '../../main/core/visitors/seed';
import { table } from './measure';
import { ZONE } from './listening-unit';
import { compared, interleaved, seededDesk, sideBySide } from './side-by-side';

const ACTOR = { id: 1 };

/**
 * The moment the childcare is busiest: a Monday at 11:00 on the desk's clock (the morning
 * Darija groups meet on Mondays and Wednesdays), the week of the run. The seed is made as
 * of then, so the children of that morning's sessions are in when the board is read.
 */
function busyMoment(): { day: string; now: Date } {
  let day = calendarDateIn(ZONE, new Date());
  while (weekdayOf(day) !== 1) day = addDays(day, -1);
  return { day, now: new Date(instantOfWallMoment(`${day}T11:00`, ZONE)) };
}

/** A call as the router runs it: the write lock, the handler, its audit entry, the commit. */
function asTheRouter(db: Db, action: string, entityId: string | null, run: () => unknown): void {
  const transaction = beginImmediate(db);
  try {
    run();
    appendAudit(db, { at: new Date().toISOString(), userId: ACTOR.id, action, entity: null, entityId, outcome: 'success' });
    transaction.commit();
  } catch (error) {
    transaction.rollback();
    throw error;
  }
}

export async function benchChildcare(visitors: number): Promise<void> {
  const { day, now } = busyMoment();
  const seeded = await seededDesk((_desk, db) => {
    seedVisitors(db, { visitors, seed: 42, actorId: ACTOR.id, prefix: 'NDR', now });
    const started = performance.now();
    const activities = seedActivities(db, { seed: 42, actorId: ACTOR.id, now, timeZone: ZONE });
    const childcare = seedChildcare(db, { seed: 42, actorId: ACTOR.id, now, timeZone: ZONE, activities: activities.seeded });
    return { activities, childcare, yearMs: performance.now() - started };
  });
  const { activities, childcare, yearMs } = seeded.made as { activities: ActivitiesSeedResult; childcare: ChildcareSeedResult; yearMs: number };
  // The roll calls to save: past sessions held, with everyone enrolled in them.
  const past = activities.seeded.sessions.filter((s) => !s.cancelled && Date.parse(s.endsAt) <= now.getTime()).map((s) => s.id);
  const sides = await sideBySide(seeded);
  try {
    const board = { slots: 0, in: 0 };
    const rollSizes: number[] = [];
    const { plain, encrypted } = interleaved(sides, ['board', 'rollCall'] as const, 20, (db, round) => {
      const random = randomGenerator(900 + round);
      const out = { board: [] as number[], rollCall: [] as number[] };
      for (let i = 0; i < (round < 0 ? 2 : 10); i++) {
        let started = performance.now();
        asTheRouter(db, 'childcare.board', null, () => {
          settleOffers(db, now);
          const read = childcareBoard(db, day, now, ZONE, true);
          board.slots = read.slots.length;
          board.in = read.children.length;
        });
        out.board.push(performance.now() - started);
        const session = getSession(db, random.pick(past));
        const marks = rollCallRows(db, session).map((r) => ({ visitorId: r.visitorId, status: random.pick(ATTENDANCE_STATUSES) }));
        if (marks.length === 0) continue;
        if (db === sides.encrypted && round >= 0) rollSizes.push(marks.length);
        started = performance.now();
        asTheRouter(db, 'activities.saveRollCall', String(session.id), () => saveRollCall(db, ACTOR, { sessionId: session.id, marks }, now));
        out.rollCall.push(performance.now() - started);
      }
      return out;
    });
    const mean = rollSizes.reduce((a, b) => a + b, 0) / Math.max(1, rollSizes.length);
    const a = activities.activities;
    table(
      `Childcare and workshops: ${visitors.toLocaleString('en')} visitors seeded in ${(seeded.seededMs / 1000).toFixed(1)} s, their year of activity in ${(yearMs / 1000).toFixed(1)} s`,
      [
        ['workshops', `${a.darija + a.coaching + a.healthInfo}`, `${a.darija} Darija, ${a.coaching} coaching, ${a.healthInfo} health; ${activities.sessions.toLocaleString('en')} sessions, ${activities.enrolments.toLocaleString('en')} enrolments, ${Object.values(activities.attendance).reduce((x, y) => x + y, 0).toLocaleString('en')} marks`],
        ['children', `${childcare.children.toLocaleString('en')}`, `${childcare.slots.toLocaleString('en')} slots, ${Object.values(childcare.bookings).reduce((x, y) => x + y, 0).toLocaleString('en')} bookings (${childcare.bookings.pickedUp.toLocaleString('en')} picked up)`],
        ['the busy morning', `${day} 11:00`, `${board.slots} slots, ${board.in} children in`],
      ],
    );
    compared(`The childcare board of ${day} (settle the offers, read the board, audit), one transaction; p50 / p95`, plain.board, encrypted.board);
    compared(`Save a roll call: one session, all its enrolled visitors (${mean.toFixed(1)} on average), one durable transaction; p50 / p95`, plain.rollCall, encrypted.rollCall);
  } finally {
    sides.close();
    seeded.remove();
  }
}
