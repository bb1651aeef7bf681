import { join } from 'node:path';
import { login } from '../../main/core/accounts/authentication';
import { seedSchedule, type ScheduleSeedResult } from '../../main/core/appointments/seed';
import { psychologistsFor, seededPsychologistLogin, seedPsychologists, wipeSecrets } from '../../main/core/appointments/seed-psychologists';
import { DATABASE_FILE } from '../../main/core/desk';
import { seedVisitors } from '../../main/core/visitors/seed';
import { seededDesk } from './side-by-side';

export const ZONE = 'Africa/Casablanca';
const PASSWORD = 'the bench psychologists password';

export interface ListeningUnit {
  visitors: number;
  made: ScheduleSeedResult;
  seededMs: number;
  /** The seeded desk's database, closed, and its data key: each section works on copies. */
  database: string;
  dataKey: Buffer;
  /** The first seeded psychologist and her secret, from a real login with her password. */
  author: { id: number; secret: Buffer };
}

let seeded: Promise<ListeningUnit> | null = null;
let remove: (() => void) | null = null;

/**
 * The listening unit's year at `visitors` visitors and twice as many appointments, as
 * `guichet seed` makes it (notes on every done session), seeded once per run for the
 * sections that read it (schedule, notes).
 */
export function listeningUnit(visitors: number): Promise<ListeningUnit> {
  seeded ??= seedListeningUnit(visitors);
  return seeded;
}

async function seedListeningUnit(visitors: number): Promise<ListeningUnit> {
  const appointments = visitors * 2;
  const desk = await seededDesk(async (d, db) => {
    const now = new Date();
    seedVisitors(db, { visitors, seed: 42, actorId: 1, prefix: 'NDR', now });
    const psychologists = await seedPsychologists(d, { seed: 42, count: psychologistsFor(appointments), password: PASSWORD, now });
    try {
      return seedSchedule(db, { seed: 42, actorId: 1, appointments, psychologists, notesShare: 1, now, timeZone: ZONE });
    } finally {
      wipeSecrets(psychologists);
    }
  });
  remove = desk.remove;
  await desk.desk.lock('button');
  const her = await login(desk.desk, seededPsychologistLogin(42, 0), PASSWORD);
  const session = desk.desk.requireSession();
  if (!session.userSecret) throw new Error('bench: the seeded psychologist has no secret');
  const author = { id: her.id, secret: Buffer.from(session.userSecret) };
  const dataKey = Buffer.from(session.dataKey);
  session.db.pragma('wal_checkpoint(TRUNCATE)');
  await desk.desk.lock('button');
  await desk.desk.close();
  return { visitors, made: desk.made, seededMs: desk.seededMs, database: join(desk.dir, 'desk', DATABASE_FILE), dataKey, author };
}

export function removeListeningUnit(): void {
  remove?.();
}
