import type { Db } from '../db/database';
import { setLanguages, setPlan } from '../availability/service';
import { visitorsWithDisclosure } from '../intakes/service';
import { saveInterpreter } from '../interpreters/service';
import { authorWrapKeyOf } from '../notes/keys';
import { sealNoteAs } from '../notes/seed';
import { listPlaces, updatePlace } from '../places/service';
import { wipe } from '../vault/crypto';
import { randomGenerator } from '../visitors/seed';
import { listKinds } from './kinds/service';
import { planCourses, type Planned, type SeedGrid } from './seed-courses';
import { activeVisitorIds, createSeries, insertAppointment, recordEvent, visitorNeeds, writeStatus } from './service';
import { addDays, calendarDateIn, instantOfWallMoment, weekdayOf } from '../../../shared/domain/calendar';
import { LATE_CANCELLATION_MS, type AppointmentStatus, type SessionKindView, type Weekday } from '../../../shared/domain/listening';
import { RISK_LEVELS, type NoteBody } from '../../../shared/domain/notes';
import type { SPOKEN_LANGUAGES } from '../../../shared/domain/visitors';

export interface ScheduleSeedOptions {
  seed: number;
  actorId: number;
  /** How many appointments to make, at most (the psychologists' year of slots and the visitors bound it). */
  appointments: number;
  /** Accounts made by `seedPsychologists`: her secret seals her notes; the caller wipes it. */
  psychologists: readonly { id: number; secret: Buffer }[];
  /** The share of done sessions that get a private note, from 0 to 1. */
  notesShare: number;
  now: Date;
  timeZone: string;
}

export interface ScheduleSeedResult {
  psychologists: number;
  interpreters: number;
  appointments: number;
  /** Visitors with at least one appointment, and those of them who disclosed violence at an intake. */
  visitorsSeen: number;
  disclosedSeen: number;
  series: number;
  inSeries: number;
  withInterpreter: number;
  walkIns: number;
  lateCancellations: number;
  notes: number;
  statuses: Record<AppointmentStatus, number>;
}

type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];

/** A psychologist's day: 45-minute sessions from 09:00, the hour after noon off. */
const SLOTS = ['09:00', '09:45', '10:30', '11:15', '13:00', '13:45', '14:30', '15:15', '16:00'];
const SESSION_MINUTES = 45;
const DAYS_BACK = 305;
const DAYS_AHEAD = 60;
const BATCH = 1000;
const WEEK = [1, 2, 3, 4, 5] as const satisfies readonly Weekday[];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Interpreters and mediators from the diasporas the desk sees, each on a few days a week. */
const INTERPRETERS: { name: string; kind: 'interpreter' | 'mediator'; languages: SpokenLanguage[]; weekdays: Weekday[] }[] = [
  { name: 'Mariam Traoré', kind: 'interpreter', languages: ['bm', 'fr'], weekdays: [1, 2, 4] },
  { name: 'Alpha Camara', kind: 'interpreter', languages: ['ff', 'sus', 'fr'], weekdays: [1, 3, 5] },
  { name: 'Fatou Ndiaye', kind: 'interpreter', languages: ['wo', 'fr'], weekdays: [2, 4] },
  { name: 'Koffi Yao', kind: 'interpreter', languages: ['dyu', 'fr'], weekdays: [2, 3] },
  { name: 'Grâce Mbuyi', kind: 'interpreter', languages: ['ln', 'sw', 'fr'], weekdays: [3, 5] },
  { name: 'Ibrahim Musa', kind: 'interpreter', languages: ['ha', 'yo', 'en'], weekdays: [1, 4] },
  { name: 'Amina Berrada', kind: 'mediator', languages: ['ary', 'ar', 'fr'], weekdays: [1, 2, 3, 4, 5] },
];

const VISITOR_REASONS = ['Malade', 'Enfant malade', 'Pas de transport', 'Rendez-vous à la préfecture', 'Travail ce jour-là', 'A déménagé'];
const UNIT_REASONS = ['Psychologue absente', 'Salle indisponible', "Formation de l'équipe"];
const NOTE_SENTENCES = [
  'Séance centrée sur le sommeil et les cauchemars.',
  "Elle parle du trajet et de la séparation d'avec sa famille.",
  'Exercices de respiration proposés, bien accueillis.',
  'Inquiète pour ses enfants restés au pays.',
  "Difficultés d'hébergement évoquées ; orientation vers l'accueil discutée.",
  'Humeur plus stable que la dernière fois.',
  'Pleurs en début de séance, apaisée à la fin.',
  "Échange fluide avec l'interprète.",
  'Travail sur ses ressources et ses appuis à Nador.',
  'Suivi de grossesse : informations données, rendez-vous à la maternité à confirmer.',
  "Pas d'idées noires exprimées aujourd'hui.",
  'Souhaite revenir dans deux semaines.',
];
const RISK_WEIGHTS = [0.5, 0.3, 0.15, 0.05];

/** A past appointment's outcome, roughly as the field sees them: irregular attendance is normal. */
function pastStatus(roll: number): AppointmentStatus {
  if (roll < 0.68) return 'done';
  if (roll < 0.82) return 'noShow';
  if (roll < 0.95) return 'cancelled';
  return 'leftWithoutSession';
}

/** Each psychologist works Monday to Wednesday at one place and Thursday and Friday at the other. */
const placeIndexOf = (psychologist: number, weekday: number, places: number) => (weekday <= 3 ? psychologist : psychologist + 1) % places;

/**
 * The listening unit's year for demonstrations and the benchmark: the seeded psychologists'
 * weekly plans at both places, their rooms and languages, interpreters with their hours, and
 * appointments from ten months back to two months ahead: courses of about three sessions for
 * the visitors who disclosed violence first (then others, to reach the count), weekly and
 * fortnightly series, interpreters where the psychologist does not speak her language, walk-ins,
 * no-shows, early and late cancellations, each change an event at its own time; and on done
 * sessions, notes sealed with their author's own key. Never two at once for a psychologist, a
 * visitor, an interpreter or a room. The same seed gives the same rows (not the same keys).
 */
export function seedSchedule(db: Db, options: ScheduleSeedOptions): ScheduleSeedResult {
  const random = randomGenerator(options.seed);
  const places = listPlaces(db, false);
  const kinds = listKinds(db, false);
  const psychologists = options.psychologists;
  const rooms: number[][] = psychologists.map(() => []);
  const languages: SpokenLanguage[][] = [];
  psychologists.forEach((p, i) => {
    for (const [placeIndex, place] of places.entries()) {
      const updated = updatePlace(db, place.id, { ...place, rooms: [...place.rooms, { name: `Bureau ${i + 1}`, active: true }] }, options.now);
      place.rooms = updated.rooms;
      rooms[i][placeIndex] = updated.rooms[updated.rooms.length - 1].id;
    }
    setPlan(db, { userId: p.id }, [
      ...WEEK.map((weekday) => ({ placeId: places[placeIndexOf(i, weekday, places.length)].id, weekday, starts: '09:00', ends: '17:00', kind: 'work' as const })),
      ...WEEK.map((weekday) => ({ placeId: null, weekday, starts: '12:00', ends: '13:00', kind: 'break' as const })),
    ]);
    languages.push(random.chance(0.5) ? ['fr', 'ar', 'ary'] : ['fr', 'en']);
    setLanguages(db, p.id, languages[i]);
  });
  // Places' opening hours bound the day: the seeded plans end at five, so the hospital's four o'clock closing is widened.
  for (const place of places) updatePlace(db, place.id, { ...place, hours: WEEK.map((weekday) => ({ weekday, opens: '08:30', closes: '17:30' })) }, options.now);
  const interpreterIds = INTERPRETERS.map((interpreter) => {
    const { id } = saveInterpreter(db, { id: null, name: interpreter.name, kind: interpreter.kind, languages: interpreter.languages, phone: null, active: true }, options.now);
    setPlan(db, { interpreterId: id }, interpreter.weekdays.map((weekday) => ({ placeId: null, weekday, starts: '09:00', ends: '17:00', kind: 'work' as const })));
    return id;
  });

  const today = calendarDateIn(options.timeZone, options.now);
  const days: string[] = [];
  for (let day = addDays(today, -DAYS_BACK); day <= addDays(today, DAYS_AHEAD); day = addDays(day, 1)) if (weekdayOf(day) <= 5) days.push(day);
  const starts = days.map((day) => SLOTS.map((time) => Date.parse(instantOfWallMoment(`${day}T${time}`, options.timeZone))));
  const disclosed = visitorsWithDisclosure(db);
  const disclosedSet = new Set(disclosed);
  const others = activeVisitorIds(db).filter((id) => !disclosedSet.has(id));
  const grid: SeedGrid = {
    days: days.length,
    slots: SLOTS.length,
    weekdayOf: (day) => weekdayOf(days[day]),
    startOf: (day, slot) => starts[day][slot],
    psychologistLanguages: languages,
    interpreters: INTERPRETERS,
    needsOf: (visitorId) => visitorNeeds(db, visitorId).interpreterLanguage as SpokenLanguage | null,
  };
  const planned = planCourses(random, grid, { visitors: [...shuffled(random, disclosed), ...shuffled(random, others)], appointments: options.appointments, now: options.now.getTime() });

  const kindByKey = new Map(kinds.map((k) => [k.key, k] as const));
  const kindOf = (key: Planned['kind']): SessionKindView => kindByKey.get(key) ?? kinds[0];
  const result: ScheduleSeedResult = {
    psychologists: psychologists.length,
    interpreters: INTERPRETERS.length,
    appointments: planned.length,
    visitorsSeen: new Set(planned.map((a) => a.visitorId)).size,
    disclosedSeen: new Set(planned.filter((a) => disclosedSet.has(a.visitorId)).map((a) => a.visitorId)).size,
    series: 0,
    inSeries: planned.filter((a) => a.series !== null).length,
    withInterpreter: planned.filter((a) => a.interpreter !== null).length,
    walkIns: planned.filter((a) => a.walkIn).length,
    lateCancellations: 0,
    notes: 0,
    statuses: { scheduled: 0, arrived: 0, done: 0, noShow: 0, cancelled: 0, leftWithoutSession: 0 },
  };
  const seriesIds = new Map<number, number>();
  const wrapKeys = psychologists.map((p) => authorWrapKeyOf(p.secret));
  const desk = { id: options.actorId };
  const now = options.now.getTime();
  try {
    for (let from = 0; from < planned.length; from += BATCH) {
      db.transaction(() => {
        for (const a of planned.slice(from, from + BATCH)) {
          const psychologist = { id: psychologists[a.psychologist].id };
          const placeIndex = placeIndexOf(a.psychologist, grid.weekdayOf(a.day), places.length);
          const startsAt = grid.startOf(a.day, a.slot);
          const endsAt = startsAt + SESSION_MINUTES * MINUTE;
          let seriesId: number | null = null;
          if (a.series !== null) {
            seriesId = seriesIds.get(a.series.index) ?? null;
            if (seriesId === null) {
              seriesId = createSeries(db, desk, a.series.rule, new Date(a.bookedAt));
              seriesIds.set(a.series.index, seriesId);
              result.series++;
            }
          }
          const id = insertAppointment(
            db,
            a.walkIn ? psychologist : desk,
            {
              visitorId: a.visitorId,
              psychologistId: psychologist.id,
              placeId: places[placeIndex].id,
              roomId: rooms[a.psychologist][placeIndex],
              kindId: kindOf(a.kind).id,
              startsAt: new Date(startsAt).toISOString(),
              endsAt: new Date(endsAt).toISOString(),
              interpreterLanguage: a.interpreterLanguage,
              interpreterId: a.interpreter === null ? null : interpreterIds[a.interpreter],
              seriesId,
              status: a.walkIn ? 'done' : 'scheduled',
              overrideReason: null,
              walkIn: a.walkIn,
            },
            new Date(a.walkIn ? Math.min(now, endsAt + 10 * MINUTE) : a.bookedAt),
          );
          const status = a.walkIn ? 'done' : outcome(db, random, { id, desk, psychologist, startsAt, endsAt, bookedAt: a.bookedAt, now }, result);
          result.statuses[status]++;
          if (status !== 'done' || !random.chance(options.notesShare)) continue;
          const writtenAt = new Date(Math.min(now, endsAt + random.int(15, 90) * MINUTE));
          sealNoteAs(db, { id: psychologist.id, wrapKey: wrapKeys[a.psychologist] }, { visitorId: a.visitorId, appointmentId: id, body: noteBody(random, a) }, writtenAt);
          result.notes++;
        }
      })();
    }
  } finally {
    wipe(...wrapKeys);
  }
  return result;
}

interface Occurrence {
  id: number;
  desk: { id: number };
  psychologist: { id: number };
  startsAt: number;
  endsAt: number;
  bookedAt: number;
  now: number;
}

/** What became of a booked appointment, each step an event at the time it happened. */
function outcome(db: Db, random: ReturnType<typeof randomGenerator>, o: Occurrence, result: ScheduleSeedResult): AppointmentStatus {
  const step = (actor: { id: number }, from: AppointmentStatus, to: AppointmentStatus, at: number, cancel?: { by: 'visitor' | 'unit'; reason: string; late: boolean }) => {
    writeStatus(db, o.id, { status: to, cancelledBy: cancel?.by ?? null, late: cancel?.late ?? false }, new Date(at));
    recordEvent(db, actor, { appointmentId: o.id, kind: 'status', fromStatus: from, toStatus: to, reason: cancel?.reason ?? null }, new Date(at));
  };
  const cancel = (at: number) => {
    const by = random.chance(0.75) ? 'visitor' : 'unit';
    const late = o.startsAt - at < LATE_CANCELLATION_MS;
    if (late) result.lateCancellations++;
    step(o.desk, 'scheduled', 'cancelled', at, { by, late, reason: random.pick(by === 'visitor' ? VISITOR_REASONS : UNIT_REASONS) });
    return 'cancelled' as const;
  };
  if (o.startsAt > o.now) {
    if (!random.chance(0.08)) return 'scheduled';
    return cancel(o.bookedAt + Math.floor(random.next() * (o.now - o.bookedAt)));
  }
  const arrivedAt = o.startsAt - random.int(0, 15) * MINUTE;
  if (o.endsAt > o.now) {
    if (arrivedAt > o.now) return 'scheduled';
    step(o.desk, 'scheduled', 'arrived', arrivedAt);
    return 'arrived';
  }
  const status = pastStatus(random.next());
  if (status === 'noShow') {
    step(o.desk, 'scheduled', 'noShow', o.startsAt + 30 * MINUTE);
  } else if (status === 'cancelled') {
    // About a third on the day or the evening before (late); the others days ahead, never before the booking.
    const ahead = random.chance(0.35) ? random.int(1, 23) * HOUR : random.int(2, 10) * DAY;
    cancel(Math.max(o.bookedAt + HOUR, o.startsAt - ahead));
  } else {
    step(o.desk, 'scheduled', 'arrived', arrivedAt);
    const leftAt = status === 'done' ? o.endsAt + random.int(0, 10) * MINUTE : arrivedAt + random.int(5, 30) * MINUTE;
    step(status === 'done' ? o.psychologist : o.desk, 'arrived', status, Math.min(o.now, leftAt));
  }
  return status;
}

function noteBody(random: ReturnType<typeof randomGenerator>, a: Planned): NoteBody {
  const sentences = random.int(2, 6);
  const text: string[] = [];
  for (let i = 0; i < sentences; i++) text.push(random.pick(NOTE_SENTENCES));
  const roll = random.next();
  let risk = 0;
  for (let sum = RISK_WEIGHTS[0]; roll >= sum && risk < RISK_LEVELS.length - 1; sum += RISK_WEIGHTS[++risk]);
  return { text: [...new Set(text)].join(' '), sessionKind: a.kind, followUpPlanned: a.followUp, riskLevel: RISK_LEVELS[risk] };
}

function shuffled<T>(random: ReturnType<typeof randomGenerator>, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
