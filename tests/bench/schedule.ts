import type { Db } from '../../main/core/db/database';
import { beginImmediate } from '../../main/core/db/transaction';
import { bookAppointments } from '../../main/core/appointments/booking';
import { findSlots } from '../../main/core/appointments/slots';
import { activeVisitorIds, appointmentsInRange } from '../../main/core/appointments/service';
import { listPsychologists } from '../../main/core/availability/service';
import { listPlaces } from '../../main/core/places/service';
import { listKinds } from '../../main/core/appointments/kinds/service';
import { bookingSchema } from '../../shared/contract/appointments';
import { addDays, calendarDateIn, endOfDayIn, startOfDayIn, wallMomentOf } from '../../shared/domain/calendar';
import { randomGenerator } from '../../main/core/visitors/seed';
import { table } from './measure';
import { listeningUnit, ZONE } from './listening-unit';
import { compared, interleaved, sideBySideOf } from './side-by-side';

/** One round on one connection: the week view, the slot finder (one psychologist, and anyone), and booking the slot found. */
function round(db: Db, rounds: number, seed: number) {
  const random = randomGenerator(seed);
  const visitors = activeVisitorIds(db);
  const psychologists = listPsychologists(db).filter((p) => p.active);
  const places = listPlaces(db, false);
  const kind = listKinds(db, false)[1];
  const now = new Date();
  const today = calendarDateIn(ZONE, now);
  const out = { week: [] as number[], slots: [] as number[], anySlots: [] as number[], book: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    const psychologist = random.pick(psychologists);
    const place = places[psychologists.indexOf(psychologist) % places.length];
    const monday = addDays(today, random.int(-200, 50));
    let started = performance.now();
    appointmentsInRange(db, { from: startOfDayIn(monday, ZONE), to: endOfDayIn(addDays(monday, 6), ZONE), placeId: place.id, psychologistId: null });
    out.week.push(performance.now() - started);
    const visitorId = random.pick(visitors);
    const query = { visitorId, kindId: kind.id, placeId: place.id, interpreterLanguage: null, from: null, limit: 10 };
    started = performance.now();
    const slots = findSlots(db, { ...query, psychologistId: psychologist.id }, now, ZONE);
    out.slots.push(performance.now() - started);
    if (i % 5 === 0) {
      started = performance.now();
      findSlots(db, { ...query, psychologistId: null }, now, ZONE);
      out.anySlots.push(performance.now() - started);
    }
    if (slots.length === 0) continue;
    const input = bookingSchema.parse({
      visitorId,
      psychologistId: psychologist.id,
      placeId: place.id,
      startsAt: wallMomentOf(slots[0].startsAt, ZONE),
      minutes: kind.defaultMinutes,
      kindId: kind.id,
    });
    // The whole booking as the router runs it: the write lock, every check, the rows, the commit.
    started = performance.now();
    const transaction = beginImmediate(db);
    try {
      bookAppointments(db, { id: 1, roles: ['desk'] }, input, now, ZONE);
      transaction.commit();
    } catch (error) {
      transaction.rollback();
      throw error;
    }
    out.book.push(performance.now() - started);
  }
  return out;
}

export async function benchSchedule(visitors: number): Promise<void> {
  const unit = await listeningUnit(visitors);
  const sides = sideBySideOf(unit.database, unit.dataKey, true);
  try {
    const keys = ['week', 'slots', 'anySlots', 'book'] as const;
    const { plain, encrypted } = interleaved(sides, keys, 4, (db, r) => round(db, r < 0 ? 3 : 25, r < 0 ? 1 : 100 + r));
    const m = unit.made;
    table(
      `Schedule: ${visitors.toLocaleString('en')} visitors and ${m.appointments.toLocaleString('en')} appointments (${m.series.toLocaleString('en')} series, ${m.withInterpreter.toLocaleString('en')} with an interpreter, ${m.notes.toLocaleString('en')} notes) seeded in ${(unit.seededMs / 1000).toFixed(1)} s (seed 42); p50 / p95`,
      [],
    );
    compared('Booking with the full conflict check, one durable transaction each', plain.book, encrypted.book);
    compared('Week view of one place (the range query)', plain.week, encrypted.week);
    compared('Slot finder, next 10 slots, one psychologist', plain.slots, encrypted.slots);
    compared('Slot finder, next 10 slots, any psychologist of the place', plain.anySlots, encrypted.anySlots);
  } finally {
    sides.close();
  }
}
