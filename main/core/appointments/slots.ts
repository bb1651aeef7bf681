import type { Db } from '../db/database';
import { AppError } from '../errors';
import { exceptionsOn, listPsychologists, planOf } from '../availability/service';
import { listInterpreters } from '../interpreters/service';
import { requireActiveVisitor } from '../visitors/service';
import { getKind } from './kinds/service';
import { bookableWindows, personWindows, placeWindows, within } from './hours';
import { heldBetween } from './service';
import { requireBookablePsychologist, roomsToTry } from './booking';
import { addDays, calendarDateIn, endOfDayIn, instantOfWallMoment, startOfDayIn, wallMomentOf } from '../../../shared/domain/calendar';
import type { FreeSlot } from '../../../shared/domain/listening';
import { visitorNeeds } from './service';

/** Slots start on the quarter hours of the wall clock. */
const GRID_MINUTES = 15;
/** How far ahead the finder looks before it gives up. */
const HORIZON_DAYS = 60;
const MINUTE = 60_000;

export interface SlotQuery {
  visitorId: number;
  kindId: number;
  placeId: number;
  psychologistId: number | null;
  interpreterLanguage: string | null;
  from: string | null;
  limit: number;
}

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Who is held when that day, by person or room: each a handful of [start, end) in epoch milliseconds. */
type Held = Map<number, [number, number][]>;

function holdings(rows: ReturnType<typeof heldBetween>) {
  const by = { psychologist: new Map() as Held, visitor: new Map() as Held, interpreter: new Map() as Held, room: new Map() as Held };
  const add = (map: Held, id: number | null, span: [number, number]) => {
    if (id === null) return;
    const list = map.get(id);
    if (list) list.push(span);
    else map.set(id, [span]);
  };
  for (const h of rows) {
    const span: [number, number] = [Date.parse(h.startsAt), Date.parse(h.endsAt)];
    add(by.psychologist, h.psychologistId, span);
    add(by.visitor, h.visitorId, span);
    add(by.interpreter, h.interpreterId, span);
    add(by.room, h.roomId, span);
  }
  return by;
}

const isBusy = (held: Held, id: number, start: number, end: number) => held.get(id)?.some(([s, e]) => s < end && e > start) ?? false;

/**
 * The next free slots for this visitor, from now (the desk's clock) or `from`: a
 * psychologist in her hours at the place and free, the visitor free, a room free, and, when
 * the visitor needs an interpreter in a language the psychologist does not speak, an
 * interpreter who speaks it, free and in her hours. Each day reads only the appointments of
 * the psychologists working then, the visitor and the interpreters (the rooms' once a time
 * passes those), filed by person and room, and each plan is read once per search: a step
 * costs a few comparisons however many psychologists share the place, and a fully booked
 * day one short read.
 */
export function findSlots(db: Db, query: SlotQuery, now: Date, timeZone: string): FreeSlot[] {
  requireActiveVisitor(db, query.visitorId);
  const minutes = getKind(db, query.kindId).defaultMinutes;
  const rooms = roomsToTry(db, query.placeId, null);
  const language = query.interpreterLanguage ?? visitorNeeds(db, query.visitorId).interpreterLanguage;
  const psychologists = query.psychologistId === null ? listPsychologists(db).filter((p) => p.active) : [requireBookablePsychologist(db, query.psychologistId)];
  const interpreters = language === null ? [] : listInterpreters(db, false).filter((i) => (i.languages as string[]).includes(language));
  const plans = new Map([
    ...psychologists.map((p) => [`u${p.id}`, planOf(db, { userId: p.id })] as const),
    ...interpreters.map((i) => [`i${i.id}`, planOf(db, { interpreterId: i.id })] as const),
  ]);
  const earliest = query.from === null ? now.getTime() : Math.max(now.getTime(), Date.parse(instantOfWallMoment(query.from, timeZone)));
  if (rooms.length === 0) throw new AppError('appointments.roomNotInPlace');

  const slots: FreeSlot[] = [];
  const firstDay = calendarDateIn(timeZone, new Date(earliest));
  for (let d = 0; d < HORIZON_DAYS && slots.length < query.limit; d++) {
    const day = addDays(firstDay, d);
    const exceptions = exceptionsOn(db, day);
    const place = placeWindows(db, query.placeId, day, exceptions);
    if (place.length === 0) continue;
    const working = psychologists
      .map((psychologist) => ({ psychologist, windows: bookableWindows(db, psychologist.id, query.placeId, day, exceptions, plans.get(`u${psychologist.id}`), place) }))
      .filter((w) => w.windows.length > 0);
    if (working.length === 0) continue;
    const [from, to] = [startOfDayIn(day, timeZone), endOfDayIn(addDays(day, 1), timeZone)];
    const held = holdings(
      heldBetween(db, from, to, { psychologistIds: working.map((w) => w.psychologist.id), visitorId: query.visitorId, roomIds: [], interpreterIds: interpreters.map((i) => i.id) }),
    );
    // The rooms are read only once a time passes the people's checks: a fully booked psychologist's day costs one short read.
    let roomsHeld: Held | null = null;
    const heldRooms = () => (roomsHeld ??= holdings(heldBetween(db, from, to, { psychologistIds: [], visitorId: null, roomIds: rooms, interpreterIds: [] })).room);
    // On a day without a change of hour, a wall-clock minute is the day's start plus that many minutes: no time-zone lookup per step.
    const dayStart = Date.parse(startOfDayIn(day, timeZone));
    const steady = wallMomentOf(new Date(dayStart + (24 * 60 - 1) * MINUTE), timeZone) === `${day}T23:59`;
    const instantOf = (minute: number): number | null => {
      if (steady) return dayStart + minute * MINUTE;
      const moment = `${day}T${hhmm(minute)}`;
      const instant = instantOfWallMoment(moment, timeZone);
      // A moment the clock skips (a change of hour) is no slot.
      return wallMomentOf(instant, timeZone) === moment ? Date.parse(instant) : null;
    };
    const interpreterHours = new Map(interpreters.map((i) => [i.id, personWindows(db, { interpreterId: i.id }, query.placeId, day, exceptions, plans.get(`i${i.id}`))]));
    const found: FreeSlot[] = [];
    for (const { psychologist, windows } of working) {
      const needsInterpreter = language !== null && !(psychologist.languages as string[]).includes(language);
      for (const [opens, closes] of windows) {
        for (let start = Math.ceil(opens / GRID_MINUTES) * GRID_MINUTES; start + minutes <= closes; start += GRID_MINUTES) {
          const startsAt = instantOf(start);
          if (startsAt === null || startsAt < earliest) continue;
          const endsAt = startsAt + minutes * MINUTE;
          if (isBusy(held.psychologist, psychologist.id, startsAt, endsAt) || isBusy(held.visitor, query.visitorId, startsAt, endsAt)) continue;
          const interpreter = needsInterpreter
            ? interpreters.find((i) => {
                const hours = interpreterHours.get(i.id) ?? null;
                return (hours === null || within(hours, start, start + minutes)) && !isBusy(held.interpreter, i.id, startsAt, endsAt);
              })
            : undefined;
          if (needsInterpreter && !interpreter) continue;
          const roomId = rooms.find((r) => !isBusy(heldRooms(), r, startsAt, endsAt));
          if (roomId === undefined) continue;
          found.push({
            startsAt: new Date(startsAt).toISOString(),
            endsAt: new Date(endsAt).toISOString(),
            psychologistId: psychologist.id,
            psychologistName: psychologist.displayName,
            placeId: query.placeId,
            roomId,
            interpreterId: interpreter?.id ?? null,
            interpreterName: interpreter?.name ?? null,
          });
        }
      }
    }
    found.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.psychologistName.localeCompare(b.psychologistName));
    slots.push(...found.slice(0, query.limit - slots.length));
  }
  return slots;
}
