import type { Db } from '../db/database';
import { AppError } from '../errors';
import { exceptionsOn, listPsychologists } from '../availability/service';
import { listInterpreters } from '../interpreters/service';
import { requireActiveVisitor } from '../visitors/service';
import { getKind } from './kinds/service';
import { bookableWindows, personWindows, within } from './hours';
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

/**
 * The next free slots for this visitor, from now (the desk's clock) or `from`: a
 * psychologist in her hours at the place and free, the visitor free, a room free, and, when
 * the visitor needs an interpreter in a language the psychologist does not speak, an
 * interpreter who speaks it, free and in her hours. Each day's appointments are read once.
 */
export function findSlots(db: Db, query: SlotQuery, now: Date, timeZone: string): FreeSlot[] {
  requireActiveVisitor(db, query.visitorId);
  const minutes = getKind(db, query.kindId).defaultMinutes;
  const rooms = roomsToTry(db, query.placeId, null);
  const language = query.interpreterLanguage ?? visitorNeeds(db, query.visitorId).interpreterLanguage;
  const psychologists = query.psychologistId === null ? listPsychologists(db).filter((p) => p.active) : [requireBookablePsychologist(db, query.psychologistId)];
  const interpreters = language === null ? [] : listInterpreters(db, false).filter((i) => (i.languages as string[]).includes(language));
  const earliest = query.from === null ? now.toISOString() : new Date(Math.max(now.getTime(), Date.parse(instantOfWallMoment(query.from, timeZone)))).toISOString();
  if (rooms.length === 0) throw new AppError('appointments.roomNotInPlace');

  const slots: FreeSlot[] = [];
  const firstDay = calendarDateIn(timeZone, new Date(earliest));
  for (let d = 0; d < HORIZON_DAYS && slots.length < query.limit; d++) {
    const day = addDays(firstDay, d);
    const exceptions = exceptionsOn(db, day);
    const held = heldBetween(db, startOfDayIn(day, timeZone), endOfDayIn(addDays(day, 1), timeZone));
    const busy = (pick: (h: (typeof held)[number]) => number | null, id: number, startsAt: string, endsAt: string) =>
      held.some((h) => pick(h) === id && h.startsAt < endsAt && h.endsAt > startsAt);
    const interpreterHours = new Map(interpreters.map((i) => [i.id, personWindows(db, { interpreterId: i.id }, query.placeId, day, exceptions)]));
    const found: FreeSlot[] = [];
    for (const psychologist of psychologists) {
      const needsInterpreter = language !== null && !(psychologist.languages as string[]).includes(language);
      for (const [opens, closes] of bookableWindows(db, psychologist.id, query.placeId, day, exceptions)) {
        for (let start = Math.ceil(opens / GRID_MINUTES) * GRID_MINUTES; start + minutes <= closes; start += GRID_MINUTES) {
          const moment = `${day}T${hhmm(start)}`;
          const startsAt = instantOfWallMoment(moment, timeZone);
          // A moment the clock skips (a change of hour) is no slot.
          if (startsAt < earliest || wallMomentOf(startsAt, timeZone) !== moment) continue;
          const endsAt = new Date(Date.parse(startsAt) + minutes * MINUTE).toISOString();
          if (busy((h) => h.psychologistId, psychologist.id, startsAt, endsAt) || busy((h) => h.visitorId, query.visitorId, startsAt, endsAt)) continue;
          const roomId = rooms.find((r) => !busy((h) => h.roomId, r, startsAt, endsAt));
          if (roomId === undefined) continue;
          const interpreter = needsInterpreter
            ? interpreters.find((i) => {
                const hours = interpreterHours.get(i.id) ?? null;
                return (hours === null || within(hours, start, start + minutes)) && !busy((h) => h.interpreterId, i.id, startsAt, endsAt);
              })
            : undefined;
          if (needsInterpreter && !interpreter) continue;
          found.push({
            startsAt,
            endsAt,
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
