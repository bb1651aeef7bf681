import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../../main/core/db/database';
import { beginImmediate } from '../../main/core/db/transaction';
import { Desk } from '../../main/core/desk';
import { setUpDesk } from '../../main/core/setup/first-run';
import { KDF_FLOOR } from '../../main/core/vault/kdf';
import { seedVisitors } from '../../main/core/visitors/seed';
import { seedSchedule } from '../../main/core/appointments/seed';
import { bookAppointments } from '../../main/core/appointments/booking';
import { findSlots } from '../../main/core/appointments/slots';
import { activeVisitorIds, appointmentsInRange } from '../../main/core/appointments/service';
import { listPsychologists } from '../../main/core/availability/service';
import { listPlaces } from '../../main/core/places/service';
import { listKinds } from '../../main/core/appointments/kinds/service';
import { bookingSchema } from '../../shared/contract/appointments';
import { addDays, calendarDateIn, endOfDayIn, startOfDayIn, wallMomentOf } from '../../shared/domain/calendar';
import { randomGenerator } from '../../main/core/visitors/seed';
import { percentile, table, time } from './measure';

const ZONE = 'Africa/Casablanca';

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
  const dir = mkdtempSync(join(tmpdir(), 'guichet-bench-'));
  try {
    const desk = Desk.open({ dataDir: join(dir, 'desk'), kdfCost: KDF_FLOOR });
    await setUpDesk(desk, { login: 'bench', displayName: 'Bench', password: 'a bench passphrase', language: 'fr', organisationName: 'Bench' });
    const session = desk.requireSession();
    const appointments = visitors * 2;
    const seeded = await time(() => {
      seedVisitors(session.db, { visitors, seed: 42, actorId: 1, prefix: 'NDR', now: new Date() });
      seedSchedule(session.db, { seed: 42, actorId: 1, appointments, psychologists: Math.max(3, Math.ceil(appointments / 2000)), now: new Date(), timeZone: ZONE });
    });
    const key = Buffer.from(session.dataKey);
    session.db.pragma('wal_checkpoint(TRUNCATE)');
    desk.lock('button');
    desk.close();

    const plainPath = join(dir, 'plain.db');
    copyFileSync(join(dir, 'desk', 'guichet.db'), plainPath);
    const decrypt = new Database(plainPath);
    decrypt.pragma(`cipher='sqlcipher'`);
    decrypt.pragma('legacy=4');
    decrypt.pragma(`key="x'${key.toString('hex')}'"`);
    decrypt.pragma('journal_mode=DELETE');
    decrypt.pragma(`rekey=''`);
    decrypt.close();
    const encrypted = new Database(join(dir, 'desk', 'guichet.db'));
    encrypted.pragma(`cipher='sqlcipher'`);
    encrypted.pragma('legacy=4');
    encrypted.pragma(`key="x'${key.toString('hex')}'"`);
    const plain = new Database(plainPath);
    for (const db of [encrypted, plain]) {
      db.pragma('journal_mode=WAL');
      db.pragma('synchronous=FULL');
      db.pragma('temp_store=MEMORY');
      db.pragma('cache_size=-65536');
      db.pragma('foreign_keys=ON');
    }
    round(encrypted, 3, 1);
    round(plain, 3, 1);
    const enc = { week: [] as number[], slots: [] as number[], anySlots: [] as number[], book: [] as number[] };
    const pl = { week: [] as number[], slots: [] as number[], anySlots: [] as number[], book: [] as number[] };
    // Interleaved, the same draws on both, so that both see the same load and the same questions.
    for (let r = 0; r < 4; r++) {
      for (const [db, into] of [
        [plain, pl],
        [encrypted, enc],
      ] as const) {
        const got = round(db, 25, 100 + r);
        for (const k of ['week', 'slots', 'anySlots', 'book'] as const) into[k].push(...got[k]);
      }
    }
    encrypted.close();
    plain.close();
    const p = (values: number[]) => `${percentile(values, 50).toFixed(2)} / ${percentile(values, 95).toFixed(2)} ms`;
    const ratio = (a: number[], b: number[]) => `ratio p50 ${(percentile(a, 50) / percentile(b, 50)).toFixed(2)}×, p95 ${(percentile(a, 95) / percentile(b, 95)).toFixed(2)}×`;
    table(`Schedule: ${visitors.toLocaleString('en')} visitors and ${appointments.toLocaleString('en')} appointments seeded in ${(seeded / 1000).toFixed(1)} s (seed 42); p50 / p95`, []);
    table('Booking with the full conflict check, one durable transaction each', [
      ['plain SQLite', p(pl.book)],
      ['SQLCipher', p(enc.book), ratio(enc.book, pl.book)],
    ]);
    table("Week view of one place (the range query)", [
      ['plain SQLite', p(pl.week)],
      ['SQLCipher', p(enc.week), ratio(enc.week, pl.week)],
    ]);
    table('Slot finder, next 10 slots, one psychologist', [
      ['plain SQLite', p(pl.slots)],
      ['SQLCipher', p(enc.slots), ratio(enc.slots, pl.slots)],
    ]);
    table('Slot finder, next 10 slots, any psychologist of the place', [
      ['plain SQLite', p(pl.anySlots)],
      ['SQLCipher', p(enc.anySlots), ratio(enc.anySlots, pl.anySlots)],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
