import type { randomGenerator } from '../visitors/seed';
import type { SESSION_KIND_KEYS, Weekday } from '../../../shared/domain/listening';
import type { SPOKEN_LANGUAGES } from '../../../shared/domain/visitors';

type Random = ReturnType<typeof randomGenerator>;
type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];
type KindKey = (typeof SESSION_KIND_KEYS)[number];

/** The seed's calendar: working days (indexes), the day's slots, and who speaks what. */
export interface SeedGrid {
  days: number;
  slots: number;
  weekdayOf(day: number): number;
  /** The slot's start, in ms since the epoch (the desk's wall clock, converted once). */
  startOf(day: number, slot: number): number;
  psychologistLanguages: readonly (readonly SpokenLanguage[])[];
  interpreters: readonly { languages: readonly SpokenLanguage[]; weekdays: readonly Weekday[] }[];
  needsOf(visitorId: number): SpokenLanguage | null;
}

/** One appointment to write: who, when (a day index and a slot), and how it was booked. */
export interface Planned {
  visitorId: number;
  psychologist: number;
  day: number;
  slot: number;
  kind: KindKey;
  series: { index: number; rule: 'weekly' | 'fortnightly' } | null;
  interpreterLanguage: SpokenLanguage | null;
  interpreter: number | null;
  walkIn: boolean;
  bookedAt: number;
  /** Another session follows in her course: the note says a follow-up is planned. */
  followUp: boolean;
}

/** Sessions in one visitor's course: about three, as the field counts them (120 sessions for 40 people). */
const COURSE_LENGTHS = [1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 6];
/** Between two sessions booked one at a time: one to three weeks, in working days. */
const GAPS = [5, 5, 10, 10, 15];
const SESSION_MS = 45 * 60_000;
const DAY_MS = 86_400_000;

/**
 * Courses of sessions, one visitor after another until `appointments` are planned: a weekly
 * or fortnightly series for some, one session booked at the end of the last for the others
 * (so only the next one is booked ahead), now and then a walk-in. Every slot is checked free
 * for the psychologist (her room with her), the visitor that day, and the interpreter.
 */
export function planCourses(random: Random, grid: SeedGrid, options: { visitors: readonly number[]; appointments: number; now: number }): Planned[] {
  const { days, slots } = grid;
  const { now } = options;
  const psychologists = grid.psychologistLanguages.length;
  const held = grid.psychologistLanguages.map(() => new Uint8Array(days * slots));
  const interpreterHeld = grid.interpreters.map(() => new Uint8Array(days * slots));
  const visitorDays = new Set<string>();
  const planned: Planned[] = [];
  let seriesCount = 0;

  const free = (p: number, visitorId: number, day: number, slot: number) => day < days && held[p][day * slots + slot] === 0 && !visitorDays.has(`${visitorId}:${day}`);
  const interpreterFor = (language: SpokenLanguage | null, p: number, day: number, slot: number): number | null => {
    if (language === null || grid.psychologistLanguages[p].includes(language)) return null;
    const weekday = grid.weekdayOf(day) as Weekday;
    const first = random.int(0, grid.interpreters.length - 1);
    for (let i = 0; i < grid.interpreters.length; i++) {
      const index = (first + i) % grid.interpreters.length;
      const interpreter = grid.interpreters[index];
      if (interpreter.languages.includes(language) && interpreter.weekdays.includes(weekday) && interpreterHeld[index][day * slots + slot] === 0) return index;
    }
    return null;
  };
  const take = (a: Omit<Planned, 'interpreter' | 'followUp'>): Planned => {
    held[a.psychologist][a.day * slots + a.slot] = 1;
    visitorDays.add(`${a.visitorId}:${a.day}`);
    const interpreter = interpreterFor(a.interpreterLanguage, a.psychologist, a.day, a.slot);
    if (interpreter !== null) interpreterHeld[interpreter][a.day * slots + a.slot] = 1;
    const made = { ...a, interpreter, followUp: false };
    planned.push(made);
    return made;
  };
  const freeSlotOn = (p: number, visitorId: number, from: number): { day: number; slot: number } | null => {
    for (let day = from; day < Math.min(days, from + 5); day++) {
      const first = random.int(0, slots - 1);
      for (let i = 0; i < slots; i++) if (free(p, visitorId, day, (first + i) % slots)) return { day, slot: (first + i) % slots };
    }
    return null;
  };

  for (const visitorId of options.visitors) {
    if (planned.length >= options.appointments) break;
    const language = grid.needsOf(visitorId);
    const speakers = language ? [...Array(psychologists).keys()].filter((p) => grid.psychologistLanguages[p].includes(language)) : [];
    const p = speakers.length > 0 && random.chance(0.5) ? random.pick(speakers) : random.int(0, psychologists - 1);
    const sessions = Math.min(random.pick(COURSE_LENGTHS), options.appointments - planned.length);
    const maternal = random.chance(0.1);
    const kindOf = (k: number): KindKey => (maternal ? 'maternalHealth' : k === 0 ? 'firstListening' : 'followUp');
    const course: Planned[] = [];
    const roll = random.next();
    const rule = sessions >= 3 && roll < 0.25 ? 'weekly' : sessions >= 3 && roll < 0.37 ? 'fortnightly' : null;
    if (rule) {
      const step = rule === 'weekly' ? 5 : 10;
      for (let attempt = 0; attempt < 12 && course.length === 0; attempt++) {
        const day = random.int(0, days - 1);
        const slot = random.int(0, slots - 1);
        const occurrences = [...Array(sessions).keys()].map((k) => day + k * step).filter((d) => d < days);
        if (occurrences.length < 3 || !occurrences.every((d) => free(p, visitorId, d, slot))) continue;
        const index = seriesCount++;
        const bookedAt = Math.min(now, grid.startOf(day, slot) - random.int(1, 10) * DAY_MS);
        for (const [k, d] of occurrences.entries()) {
          course.push(take({ visitorId, psychologist: p, day: d, slot, kind: kindOf(k), series: { index, rule }, interpreterLanguage: language, walkIn: false, bookedAt }));
        }
      }
    }
    if (course.length === 0) {
      let from = random.int(0, days - 1);
      for (let k = 0; k < sessions; k++) {
        const found = freeSlotOn(p, visitorId, from);
        if (!found) break;
        const starts = grid.startOf(found.day, found.slot);
        const previous = course[course.length - 1];
        const bookedAt = previous ? grid.startOf(previous.day, previous.slot) + SESSION_MS : Math.min(now, starts - random.int(1, 14) * DAY_MS);
        course.push(take({ visitorId, psychologist: p, ...found, kind: kindOf(k), series: null, interpreterLanguage: language, walkIn: false, bookedAt }));
        // Her next session is booked at the end of this one: none yet beyond the first still to come.
        if (starts > now) break;
        from = found.day + random.pick(GAPS);
      }
    }
    for (const a of course.slice(0, -1)) a.followUp = true;
    if (planned.length < options.appointments && random.chance(0.05)) {
      const walkInBy = random.int(0, psychologists - 1);
      const found = freeSlotOn(walkInBy, visitorId, random.int(0, days - 1));
      if (found && grid.startOf(found.day, found.slot) + SESSION_MS <= now) {
        const endsAt = grid.startOf(found.day, found.slot) + SESSION_MS;
        take({ visitorId, psychologist: walkInBy, ...found, kind: 'crisis', series: null, interpreterLanguage: language, walkIn: true, bookedAt: endsAt });
      }
    }
  }
  return planned;
}
