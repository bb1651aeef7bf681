import type { Db } from '../db/database';
import { idsByKey, insertRows, seedVisitorFacts, type SeedVisitor } from '../db/bulk';
import { listPlaces, updatePlace } from '../places/service';
import { randomGenerator } from '../visitors/seed';
import { addDays, calendarDateIn, instantOfWallMoment, weekdayOf } from '../../../shared/domain/calendar';

type Random = ReturnType<typeof randomGenerator>;

export interface ActivitiesSeedOptions {
  seed: number;
  actorId: number;
  now: Date;
  timeZone: string;
}

/** A session the childcare seed ties slots to: when, where, and the mothers enrolled. */
export interface SeededSession {
  id: number;
  activityId: number;
  placeId: number;
  startsAt: string;
  endsAt: string;
  cancelled: boolean;
}

export interface ActivitiesSeedResult {
  activities: Record<'darija' | 'coaching' | 'healthInfo', number>;
  sessions: number;
  cancelledSessions: number;
  movedSessions: number;
  enrolments: number;
  withdrawn: number;
  attendance: Record<AttendanceStatus, number>;
  events: number;
  eventParticipants: number;
  headcount: number;
  /** For the childcare seed: the sessions, and who is enrolled in each activity (active at the session's start). */
  seeded: {
    sessions: SeededSession[];
    enrolled: Map<number, { visitorId: number; from: string; until: string | null }[]>;
    /** Each past session's roll call, by visitor. */
    marks: Map<number, Map<number, AttendanceStatus>>;
  };
}

export type AttendanceStatus = 'present' | 'absent' | 'excused';

/**
 * How many visitors the seed sheet's year stands for: 30 Darija workshops (two groups of
 * twenty, fifteen each), a coaching cycle of 12 and a session on pregnancy follow-up, for a
 * desk that sees about a thousand people; a larger desk runs as many groups as it has
 * thousands of visitors.
 */
const VISITORS_PER_SHEET = 1000;
const DAYS_BACK = 300;
const DAYS_AHEAD = 60;

interface Plan {
  key: 'darija' | 'coaching' | 'healthInfo';
  title: string;
  sessions: number;
  /** Weekdays it meets on, and its wall-clock hours. */
  weekdays: readonly number[];
  starts: string;
  ends: string;
  capacity: number;
  enrol: [number, number];
  hospital: boolean;
}

const PLANS: readonly Plan[] = [
  { key: 'darija', title: 'Darija – groupe du matin', sessions: 15, weekdays: [1, 3], starts: '10:00', ends: '12:00', capacity: 20, enrol: [14, 20], hospital: false },
  { key: 'darija', title: "Darija – groupe de l'après-midi", sessions: 15, weekdays: [2, 4], starts: '14:00', ends: '16:00', capacity: 20, enrol: [14, 20], hospital: false },
  { key: 'coaching', title: 'Confiance en soi et prise de parole', sessions: 12, weekdays: [5], starts: '10:00', ends: '12:00', capacity: 15, enrol: [9, 15], hospital: false },
  { key: 'healthInfo', title: 'Suivi de grossesse et santé maternelle', sessions: 1, weekdays: [2, 3, 4], starts: '10:00', ends: '12:00', capacity: 25, enrol: [12, 25], hospital: true },
];
const FACILITATORS: Record<Plan['key'], readonly string[]> = {
  darija: ['Fatima Zahra El Idrissi', 'Khadija Bouazza', 'Nadia Amrani', 'Samira Ouali'],
  coaching: ['Leila Benjelloun', 'Aïcha Diallo', 'Hanane Touzani'],
  healthInfo: ['Sage-femme Rachida Mernissi', 'Dr Meryem Chraibi'],
};
const CANCEL_REASONS = ['Animatrice malade', 'Salle indisponible', 'Jour férié', 'Grève des transports'];
/** Each learner's own regularity: mobility and precarious housing make many irregular (the sheet says so). */
const REGULARITY: [number, number] = [0.55, 0.97];

/** Multi-actor days and the year's other events, with the sheet's numbers: 85 over the three days, 70-odd at the seminar, 4 artisans at the fair. */
const EVENTS: { kind: 'multiActorDay' | 'seminar' | 'fair'; title: string; daysAgo: number; heads: [number, number, number, number, number]; registered: number; location: string | null }[] = [
  { kind: 'multiActorDay', title: "Journée pluri-acteurs : l'accès aux soins", daysAgo: 260, heads: [9, 7, 8, 3, 1], registered: 3, location: null },
  { kind: 'multiActorDay', title: "Journée pluri-acteurs : l'éducation des enfants", daysAgo: 170, heads: [8, 6, 9, 4, 1], registered: 4, location: null },
  { kind: 'multiActorDay', title: 'Journée pluri-acteurs : logement et protection', daysAgo: 80, heads: [10, 8, 7, 3, 1], registered: 3, location: null },
  { kind: 'seminar', title: 'Séminaire de clôture', daysAgo: 20, heads: [24, 15, 18, 9, 6], registered: 5, location: 'Chambre de commerce, Nador' },
  { kind: 'fair', title: 'Expo Africa', daysAgo: 120, heads: [0, 0, 0, 0, 0], registered: 4, location: 'Foire internationale, Casablanca' },
];
const CATEGORIES = ['associations', 'publicInstitutions', 'migrantCommunities', 'academics', 'other'] as const;

const yearsOld = (v: SeedVisitor, year: number) => (v.birthYear === null ? 30 : year - v.birthYear);
/** A mother: an adult woman whose situation allows children (the childcare seed gives them). */
export const isMother = (v: SeedVisitor, year: number): boolean =>
  v.sex === 'female' && yearsOld(v, year) >= 18 && yearsOld(v, year) <= 45 && ['singleMother', 'married', 'separated', 'widowed', null].includes(v.familySituation);

/**
 * The activities' year for demonstrations and the benchmark: Darija groups, coaching cycles
 * and health sessions (as many as the sheet's year per thousand visitors) from ten months back
 * to two ahead, each session a row with its `created` event (a few moved or cancelled, each
 * an event); enrolments of mothers first, then other women and a few men, never over capacity
 * and never twice at once; a roll call for every past session held, for those enrolled then
 * (present most, some absent, a few excused); and the year's events with headcounts by
 * category and registered visitors. The same seed gives the same rows.
 */
export function seedActivities(db: Db, options: ActivitiesSeedOptions): ActivitiesSeedResult {
  const random = randomGenerator(options.seed * 7919 + 10);
  const { timeZone } = options;
  const now = options.now.getTime();
  const nowIso = options.now.toISOString();
  const today = calendarDateIn(timeZone, options.now);
  const year = Number(today.slice(0, 4));
  const visitors = seedVisitorFacts(db);
  const kinds = idsByKey(db, 'activity_kinds');
  const [reception, hospital] = listPlaces(db, false);
  const workshop = updatePlace(db, reception.id, { ...reception, rooms: [...reception.rooms, { name: 'Salle des ateliers', active: true }] }, options.now).rooms.at(-1)?.id ?? null;
  const mothers = shuffled(random, visitors.filter((v) => isMother(v, year)));
  const others = shuffled(random, visitors.filter((v) => !isMother(v, year) && yearsOld(v, year) >= 16));
  const women = others.filter((v) => v.sex === 'female');
  const men = others.filter((v) => v.sex !== 'female');
  const wall = (day: string, time: string) => instantOfWallMoment(`${day}T${time}`, timeZone);

  const result: ActivitiesSeedResult = {
    activities: { darija: 0, coaching: 0, healthInfo: 0 },
    sessions: 0,
    cancelledSessions: 0,
    movedSessions: 0,
    enrolments: 0,
    withdrawn: 0,
    attendance: { present: 0, absent: 0, excused: 0 },
    events: 0,
    eventParticipants: 0,
    headcount: 0,
    seeded: { sessions: [], enrolled: new Map(), marks: new Map() },
  };
  // Who is taken by which activity's weekdays and hours, so that no one is enrolled twice at once.
  const busy = new Map<number, { from: string; until: string; plan: Plan }[]>();
  const free = (v: SeedVisitor, plan: Plan, from: string, until: string) =>
    !(busy.get(v.id) ?? []).some((b) => b.from <= until && from <= b.until && b.plan.weekdays.some((d) => plan.weekdays.includes(d)) && b.plan.starts === plan.starts);
  const cursor = { mothers: 0, women: 0, men: 0 };
  const draw = (pool: SeedVisitor[], which: keyof typeof cursor, plan: Plan, from: string, until: string): SeedVisitor | null => {
    for (let tries = 0; tries < 50 && pool.length > 0; tries++) {
      const v = pool[cursor[which]++ % pool.length];
      if (free(v, plan, from, until)) return v;
    }
    return null;
  };

  const sheets = Math.max(1, Math.round(visitors.length / VISITORS_PER_SHEET));
  for (let sheet = 0; sheet < sheets; sheet++) {
    db.transaction(() => {
      for (const plan of PLANS) {
        // Its first day: somewhere in the year, on one of its weekdays.
        let day = addDays(today, random.int(-DAYS_BACK, DAYS_AHEAD - 7));
        while (!plan.weekdays.includes(weekdayOf(day))) day = addDays(day, 1);
        const days: string[] = [];
        for (; days.length < plan.sessions; day = addDays(day, 1)) if (plan.weekdays.includes(weekdayOf(day))) days.push(day);
        const placeId = plan.hospital ? hospital.id : reception.id;
        const createdAt = new Date(Math.min(now, Date.parse(wall(days[0], '09:00')) - random.int(10, 30) * 86_400_000)).toISOString();
        const [activityId] = insertRows(db, 'activities', ['kind_id', 'title', 'facilitator', 'place_id', 'room_id', 'capacity', 'description', 'active', 'created_at', 'created_by', 'updated_at'], [
          [kinds.get(plan.key), plan.title, random.pick(FACILITATORS[plan.key]), placeId, plan.hospital ? null : workshop, plan.capacity, null, 1, createdAt, options.actorId, createdAt],
        ]);
        result.activities[plan.key]++;
        // Decided before writing: a few cancelled (a day or two ahead, with a reason), a few moved from an hour earlier.
        const held = days.map((d) => {
          const s = { day: d, startsAt: wall(d, plan.starts), endsAt: wall(d, plan.ends), cancelled: null as { at: string; reason: string } | null, movedAt: null as string | null };
          const decidedAt = Date.parse(s.startsAt) - random.int(1, 48) * 3_600_000;
          const roll = random.next();
          if (decidedAt <= Date.parse(createdAt) || decidedAt > now) return s;
          if (roll < 0.03) s.cancelled = { at: new Date(decidedAt).toISOString(), reason: random.pick(CANCEL_REASONS) };
          else if (roll < 0.06) s.movedAt = new Date(decidedAt).toISOString();
          return s;
        });
        const ids = insertRows(
          db,
          'activity_sessions',
          ['activity_id', 'starts_at', 'ends_at', 'cancelled_at', 'cancel_reason', 'created_at', 'created_by', 'updated_at'],
          held.map((s) => [activityId, s.startsAt, s.endsAt, s.cancelled?.at ?? null, s.cancelled?.reason ?? null, createdAt, options.actorId, s.cancelled?.at ?? s.movedAt ?? createdAt]),
        );
        const hour = 3_600_000;
        insertRows(
          db,
          'activity_session_events',
          ['session_id', 'kind', 'old_starts_at', 'old_ends_at', 'reason', 'at', 'by_user'],
          held.flatMap((s, i) => [
            [ids[i], 'created', null, null, null, createdAt, options.actorId],
            ...(s.cancelled ? [[ids[i], 'cancelled', null, null, s.cancelled.reason, s.cancelled.at, options.actorId]] : []),
            ...(s.movedAt ? [[ids[i], 'moved', new Date(Date.parse(s.startsAt) - hour).toISOString(), new Date(Date.parse(s.endsAt) - hour).toISOString(), 'Salle prise à cette heure-là', s.movedAt, options.actorId]] : []),
          ]),
        );
        result.cancelledSessions += held.filter((s) => s.cancelled).length;
        result.movedSessions += held.filter((s) => s.movedAt).length;
        result.sessions += held.length;
        held.forEach((s, i) => result.seeded.sessions.push({ id: ids[i], activityId, placeId, startsAt: s.startsAt, endsAt: s.endsAt, cancelled: s.cancelled !== null }));

        const first = held[0].startsAt;
        const last = held[held.length - 1].endsAt;
        const wanted = Math.min(plan.capacity, random.int(...plan.enrol));
        const learners: SeedVisitor[] = [];
        const mothersShare = plan.key === 'healthInfo' ? 0.8 : 0.6;
        for (let attempts = 0; learners.length < wanted && attempts < wanted * 3; attempts++) {
          const roll = random.next();
          const v =
            roll < mothersShare ? draw(mothers, 'mothers', plan, first, last) : roll < 0.9 || plan.key === 'healthInfo' ? draw(women, 'women', plan, first, last) : draw(men, 'men', plan, first, last);
          if (v === null) break;
          if (learners.includes(v)) continue;
          learners.push(v);
          busy.set(v.id, [...(busy.get(v.id) ?? []), { from: first, until: last, plan }]);
        }
        const enrolled: { visitorId: number; from: string; until: string | null }[] = [];
        const enrolmentRows: unknown[][] = [];
        const attendanceRows: unknown[][] = [];
        for (const v of learners) {
          // Most before the first session; some join after it has started (a place freed, a late arrival in Nador).
          const joinsLate = held.length > 3 && random.chance(0.12);
          const joinedBefore = joinsLate ? random.int(1, Math.floor(held.length / 2)) : 0;
          const enrolledAt = Math.max(Date.parse(createdAt), Date.parse(held[joinedBefore].startsAt) - random.int(1, 10) * 86_400_000);
          if (enrolledAt > now) continue;
          const leaves = held.length > 3 && random.chance(0.08) ? random.int(joinedBefore + 1, held.length - 1) : null;
          const withdrawnAt = leaves === null ? null : Date.parse(held[leaves].startsAt) - random.int(1, 3) * 86_400_000;
          const withdrawn = withdrawnAt !== null && withdrawnAt <= now && withdrawnAt > enrolledAt ? new Date(withdrawnAt).toISOString() : null;
          const from = new Date(enrolledAt).toISOString();
          enrolmentRows.push([activityId, v.id, from, options.actorId, withdrawn, withdrawn === null ? null : options.actorId]);
          enrolled.push({ visitorId: v.id, from, until: withdrawn });
          if (withdrawn) result.withdrawn++;
          const regularity = REGULARITY[0] + random.next() * (REGULARITY[1] - REGULARITY[0]);
          for (const [i, s] of held.entries()) {
            if (s.cancelled !== null || Date.parse(s.endsAt) > now || s.startsAt < from || (withdrawn !== null && s.startsAt >= withdrawn)) continue;
            const status: AttendanceStatus = random.chance(regularity) ? 'present' : random.chance(0.3) ? 'excused' : 'absent';
            result.attendance[status]++;
            const marks = result.seeded.marks.get(ids[i]) ?? new Map<number, AttendanceStatus>();
            result.seeded.marks.set(ids[i], marks.set(v.id, status));
            attendanceRows.push([ids[i], v.id, status, new Date(Math.min(now, Date.parse(s.endsAt) + random.int(0, 20) * 60_000)).toISOString(), options.actorId]);
          }
        }
        insertRows(db, 'enrolments', ['activity_id', 'visitor_id', 'enrolled_at', 'enrolled_by', 'withdrawn_at', 'withdrawn_by'], enrolmentRows);
        insertRows(db, 'attendance', ['session_id', 'visitor_id', 'status', 'recorded_at', 'recorded_by'], attendanceRows);
        result.enrolments += enrolmentRows.length;
        result.seeded.enrolled.set(activityId, enrolled);
      }
    })();
  }
  db.transaction(() => seedEvents(db, { ...options, today, reception: reception.id, visitors: shuffled(random, visitors), result, nowIso }))();
  return result;
}

function seedEvents(
  db: Db,
  o: ActivitiesSeedOptions & { today: string; reception: number; visitors: SeedVisitor[]; result: ActivitiesSeedResult; nowIso: string },
): void {
  let next = 0;
  for (const e of EVENTS) {
    const day = addDays(o.today, -e.daysAgo);
    const at = o.nowIso < `${day}T18:00:00.000Z` ? o.nowIso : `${day}T18:00:00.000Z`;
    const [id] = insertRows(db, 'events', ['kind', 'title', 'day', 'place_id', 'location', 'notes', 'created_at', 'created_by', 'updated_at'], [
      [e.kind, e.title, day, e.location === null ? o.reception : null, e.location, null, at, o.actorId, at],
    ]);
    insertRows(db, 'event_headcounts', ['event_id', 'category', 'count'], CATEGORIES.map((c, i) => [id, c, e.heads[i]]));
    const registered = o.visitors.slice(next, next + e.registered).filter((v) => v.registeredAt.slice(0, 10) <= day);
    next += e.registered;
    insertRows(db, 'event_participants', ['event_id', 'visitor_id'], registered.map((v) => [id, v.id]));
    o.result.events++;
    o.result.eventParticipants += registered.length;
    o.result.headcount += e.heads.reduce((a, b) => a + b, 0);
  }
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
