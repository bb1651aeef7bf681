import type { Db } from '../db/database';
import { AppError } from '../errors';
import { getPsychologist, listPsychologists } from '../availability/service';
import { exceptionsOn } from '../availability/service';
import { getInterpreter } from '../interpreters/service';
import { getPlace } from '../places/service';
import { requireActiveVisitor, touchVisitor } from '../visitors/service';
import { getKind } from './kinds/service';
import { bookableWindows, personWindows, within } from './hours';
import { clashesOf, createSeries, insertAppointment, visitorNeeds, type TimeClaim } from './service';
import { addDays, instantOfWallMoment, minutesOfDay, wallMomentOf } from '../../../shared/domain/calendar';
import { mayOverrideHours } from '../../../shared/domain/policy';
import type { Role } from '../../../shared/domain/accounts';
import type { ClashKind, PsychologistView } from '../../../shared/domain/listening';
import type { BookingInput } from '../../../shared/contract/appointments';
import type { ServiceFieldCode } from '../../../shared/errors';

/**
 * Booking: every check a new appointment (or each occurrence of a series) must pass, made
 * inside the caller's write transaction so that nothing can be booked between the check
 * and the insert — the router's `BEGIN IMMEDIATE`, or a test's, holds the write lock.
 */

export interface Booker {
  id: number;
  roles: readonly Role[];
}

const MINUTE = 60_000;
const MAX_OCCURRENCES = 52;

/** An appointment's time: its instants, and its desk day and wall-clock minutes for the hours. */
export interface Span {
  startsAt: string;
  endsAt: string;
  day: string;
  startMinute: number;
  /** Past midnight counts on (25:00): a session that runs into the next day is outside any hours. */
  endMinute: number;
}

export function spanOf(wallMoment: string, minutes: number, timeZone: string): Span {
  const startsAt = instantOfWallMoment(wallMoment, timeZone);
  const endsAt = new Date(Date.parse(startsAt) + minutes * MINUTE).toISOString();
  const start = wallMomentOf(startsAt, timeZone);
  const end = wallMomentOf(endsAt, timeZone);
  const day = start.slice(0, 10);
  const endMinute = minutesOfDay(end.slice(11)) + (end.slice(0, 10) === day ? 0 : 24 * 60);
  return { startsAt, endsAt, day, startMinute: minutesOfDay(start.slice(11)), endMinute };
}

/** Within the psychologist's hours at the place (and the interpreter's, when she has a plan)? */
export function withinHours(db: Db, span: Span, psychologistId: number, placeId: number, interpreterId: number | null): boolean {
  const exceptions = exceptionsOn(db, span.day);
  if (!within(bookableWindows(db, psychologistId, placeId, span.day, exceptions), span.startMinute, span.endMinute)) return false;
  if (interpreterId === null) return true;
  const interpreter = personWindows(db, { interpreterId }, placeId, span.day, exceptions);
  return interpreter === null || within(interpreter, span.startMinute, span.endMinute);
}

const CLASH_FIELDS: Record<ClashKind, string> = { psychologist: 'psychologistId', visitor: 'visitorId', interpreter: 'interpreterId', room: 'roomId' };

/** One error naming every clash of the occurrence (its day, for a series). */
export function refuseClash(kinds: readonly ClashKind[], day: string): never {
  throw new AppError('appointments.clash', {
    params: { clashes: kinds.join(','), day },
    fields: Object.fromEntries(kinds.map((k) => [CLASH_FIELDS[k], 'appointments.clash' as const])),
  });
}

/** The place's active rooms: the one asked for, or all of them to choose a free one from. */
export function roomsToTry(db: Db, placeId: number, roomId: number | null): number[] {
  const place = getPlace(db, placeId);
  if (!place.active) throw new AppError('places.notFound');
  const rooms = place.rooms.filter((r) => r.active).map((r) => r.id);
  if (roomId === null) return rooms;
  if (!rooms.includes(roomId)) throw new AppError('appointments.roomNotInPlace', { fields: { roomId: 'appointments.roomNotInPlace' } });
  return [roomId];
}

/** The clashes of a claim with the first free room among `rooms` (or, when all are taken, with the first). */
export function claimWithRoom(db: Db, claim: Omit<TimeClaim, 'roomId'>, rooms: readonly number[]): { roomId: number | null; clashes: ClashKind[] } {
  if (rooms.length === 0) return { roomId: null, clashes: clashesOf(db, { ...claim, roomId: null }) };
  let first: { roomId: number; clashes: ClashKind[] } | null = null;
  for (const roomId of rooms) {
    const clashes = clashesOf(db, { ...claim, roomId });
    if (!clashes.includes('room')) return { roomId, clashes };
    first ??= { roomId, clashes };
  }
  return first as { roomId: number; clashes: ClashKind[] };
}

export function requireBookablePsychologist(db: Db, id: number): PsychologistView {
  const psychologist = getPsychologist(db, id);
  if (!psychologist.active) throw new AppError('appointments.psychologistDisabled', { fields: { psychologistId: 'required' } });
  return psychologist;
}

/** The wall-clock moments of a booking: one, or one per occurrence of its series. */
function occurrences(startsAt: string, repeat: BookingInput['repeat']): string[] {
  if (!repeat) return [startsAt];
  const step = repeat.rule === 'weekly' ? 7 : 14;
  const [day, time] = [startsAt.slice(0, 10), startsAt.slice(11)];
  const moments: string[] = [];
  for (let i = 0; repeat.count === null || i < repeat.count; i++) {
    const next = addDays(day, i * step);
    if (repeat.until !== null && next > repeat.until && i > 0) break;
    if (moments.length === MAX_OCCURRENCES) throw new AppError('appointments.seriesTooLong');
    moments.push(`${next}T${time}`);
  }
  return moments;
}

/** The interpreter's language: the one asked, or the one on her profile when she needs one; the interpreter given must speak it. */
export function interpreterFor(db: Db, visitorId: number, language: string | null, interpreterId: number | null): string | null {
  const chosen = language ?? visitorNeeds(db, visitorId).interpreterLanguage;
  if (interpreterId === null) return chosen;
  const interpreter = getInterpreter(db, interpreterId);
  const fields: Record<string, ServiceFieldCode> = {};
  if (!interpreter.active) fields.interpreterId = 'appointments.interpreterInactive';
  else if (chosen === null) fields.interpreterLanguage = 'required';
  else if (!(interpreter.languages as string[]).includes(chosen)) fields.interpreterId = 'appointments.interpreterLanguage';
  if (Object.keys(fields).length > 0) throw new AppError('appointments.interpreterLanguage', { fields });
  return chosen;
}

/** Outside hours: refused, unless a psychologist or an administrator gives a reason. */
export function allowOutsideHours(booker: Booker, overrideReason: string | null, day: string): string {
  if (!overrideReason) throw new AppError('appointments.outsideHours', { params: { day }, fields: { startsAt: 'appointments.outsideHours' } });
  if (!mayOverrideHours(booker.roles)) {
    throw new AppError('appointments.outsideHours', { params: { day }, fields: { overrideReason: 'appointments.overrideNotAllowed' } });
  }
  return overrideReason;
}

/** "First available": the first active psychologist free and in her hours for every occurrence; those who speak the language first. */
function firstAvailable(db: Db, spans: readonly Span[], input: BookingInput, language: string | null): number {
  const speaks = (p: PsychologistView) => language !== null && (p.languages as string[]).includes(language);
  const candidates = listPsychologists(db)
    .filter((p) => p.active)
    .sort((a, b) => Number(speaks(b)) - Number(speaks(a)));
  const free = candidates.find((p) =>
    spans.every(
      (span) =>
        withinHours(db, span, p.id, input.placeId, input.interpreterId) &&
        !clashesOf(db, { psychologistId: p.id, visitorId: input.visitorId, interpreterId: null, roomId: null, startsAt: span.startsAt, endsAt: span.endsAt, excludeId: null }).includes(
          'psychologist',
        ),
    ),
  );
  if (!free) throw new AppError('appointments.noneAvailable', { fields: { psychologistId: 'appointments.clash' } });
  return free.id;
}

export interface Booked {
  ids: number[];
  /** Some occurrence was booked outside hours, with the reason given. */
  overridden: boolean;
}

/** `appointments.book`: one appointment, or a whole series, or nothing. */
export function bookAppointments(db: Db, booker: Booker, input: BookingInput, now: Date, timeZone: string): Booked {
  requireActiveVisitor(db, input.visitorId);
  const kind = getKind(db, input.kindId);
  if (!kind.active) throw new AppError('appointments.kindNotFound', { fields: { kindId: 'required' } });
  const rooms = roomsToTry(db, input.placeId, input.roomId);
  const spans = occurrences(input.startsAt, input.repeat).map((moment) => spanOf(moment, input.minutes, timeZone));
  if (spans[0].startsAt < now.toISOString()) throw new AppError('appointments.inPast', { fields: { startsAt: 'appointments.inPast' } });
  const language = interpreterFor(db, input.visitorId, input.interpreterLanguage, input.interpreterId);
  const psychologistId =
    input.psychologistId === null ? firstAvailable(db, spans, input, language) : requireBookablePsychologist(db, input.psychologistId).id;

  const overrides = spans.map((span) =>
    withinHours(db, span, psychologistId, input.placeId, input.interpreterId) ? null : allowOutsideHours(booker, input.overrideReason, span.day),
  );
  const claims = spans.map((span) => {
    const claim = { psychologistId, visitorId: input.visitorId, interpreterId: input.interpreterId, startsAt: span.startsAt, endsAt: span.endsAt, excludeId: null };
    const { roomId, clashes } = claimWithRoom(db, claim, rooms);
    if (clashes.length > 0) refuseClash(clashes, span.day);
    return { ...claim, roomId };
  });

  const seriesId = input.repeat ? createSeries(db, booker, input.repeat.rule, now) : null;
  const ids = claims.map((claim, i) =>
    insertAppointment(
      db,
      booker,
      {
        ...claim,
        placeId: input.placeId,
        kindId: input.kindId,
        interpreterLanguage: language,
        seriesId,
        status: 'scheduled',
        overrideReason: overrides[i],
        walkIn: false,
      },
      now,
    ),
  );
  touchVisitor(db, input.visitorId, now);
  return { ids, overridden: overrides.some((o) => o !== null) };
}

export type WalkInInput = Omit<BookingInput, 'repeat' | 'overrideReason' | 'psychologistId'> & { psychologistId: number };

/** `appointments.recordWalkIn`: a session the psychologist has just held without a booking, recorded as done. */
export function recordWalkIn(db: Db, booker: Booker, input: WalkInInput, now: Date, timeZone: string): number {
  if (input.psychologistId !== booker.id) throw new AppError('appointments.notYours', { fields: { psychologistId: 'required' } });
  requireActiveVisitor(db, input.visitorId);
  getKind(db, input.kindId);
  const rooms = roomsToTry(db, input.placeId, input.roomId);
  const span = spanOf(input.startsAt, input.minutes, timeZone);
  if (span.startsAt > now.toISOString()) throw new AppError('appointments.notInPast', { fields: { startsAt: 'appointments.notInPast' } });
  const language = interpreterFor(db, input.visitorId, input.interpreterLanguage, input.interpreterId);
  const claim = { psychologistId: booker.id, visitorId: input.visitorId, interpreterId: input.interpreterId, startsAt: span.startsAt, endsAt: span.endsAt, excludeId: null };
  const { roomId, clashes } = claimWithRoom(db, claim, rooms);
  if (clashes.length > 0) refuseClash(clashes, span.day);
  const id = insertAppointment(
    db,
    booker,
    { ...claim, roomId, placeId: input.placeId, kindId: input.kindId, interpreterLanguage: language, seriesId: null, status: 'done', overrideReason: null, walkIn: true },
    now,
  );
  touchVisitor(db, input.visitorId, now);
  return id;
}
