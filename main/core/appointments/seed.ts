import type { Db } from '../db/database';
import { insertUser } from '../accounts/service';
import { setLanguages, setPlan } from '../availability/service';
import { saveInterpreter } from '../interpreters/service';
import { listPlaces, updatePlace } from '../places/service';
import { randomGenerator } from '../visitors/seed';
import { listKinds } from './kinds/service';
import { activeVisitorIds, insertAppointment, recordEvent, writeStatus } from './service';
import { addDays, calendarDateIn, instantOfWallMoment, weekdayOf } from '../../../shared/domain/calendar';
import type { AppointmentStatus } from '../../../shared/domain/listening';

export interface ScheduleSeedOptions {
  seed: number;
  actorId: number;
  /** How many appointments to make, at most (the psychologists' year of slots bounds it). */
  appointments: number;
  psychologists: number;
  now: Date;
  timeZone: string;
}

/** A psychologist's day: 45-minute sessions from 09:00, the hour after noon off. */
const SLOTS = ['09:00', '09:45', '10:30', '11:15', '13:00', '13:45', '14:30', '15:15', '16:00'];
const SESSION_MINUTES = 45;
const BATCH = 1000;

/** A past appointment's outcome, roughly as the field sees them: irregular attendance is normal. */
function pastStatus(roll: number): AppointmentStatus {
  if (roll < 0.68) return 'done';
  if (roll < 0.82) return 'noShow';
  if (roll < 0.95) return 'cancelled';
  return 'leftWithoutSession';
}

/**
 * Synthetic psychologists (accounts without a keyslot: they cannot log in until an
 * administrator resets their password), their weekly plans and rooms, interpreters, and a
 * year of appointments up to two months ahead with realistic statuses, never two at once
 * for a psychologist or a room. For demonstrations and the benchmark only.
 */
export function seedSchedule(db: Db, options: ScheduleSeedOptions): { psychologists: number; interpreters: number; appointments: number } {
  const random = randomGenerator(options.seed);
  const actor = { id: options.actorId };
  const places = listPlaces(db, false);
  const kinds = listKinds(db, false);
  const week = [1, 2, 3, 4, 5] as const;
  const psychologists: { id: number; placeId: number; roomId: number }[] = [];
  for (let i = 0; i < options.psychologists; i++) {
    const id = insertUser(
      db,
      { login: `psy.seed${options.seed}.${i + 1}`, displayName: `Psychologue ${i + 1}`, roles: ['psychologist'], language: 'fr', mustChangePassword: true, secretEscrow: null },
      options.now,
    );
    const place = places[i % places.length];
    const updated = updatePlace(db, place.id, { ...place, rooms: [...place.rooms, { name: `Bureau ${i + 1}`, active: true }] }, options.now);
    place.rooms = updated.rooms;
    setPlan(db, { userId: id }, [
      ...week.map((weekday) => ({ placeId: place.id, weekday, starts: '09:00', ends: '17:00', kind: 'work' as const })),
      ...week.map((weekday) => ({ placeId: null, weekday, starts: '12:00', ends: '13:00', kind: 'break' as const })),
    ]);
    setLanguages(db, id, random.chance(0.5) ? ['fr', 'ar'] : ['fr', 'en']);
    psychologists.push({ id, placeId: place.id, roomId: updated.rooms[updated.rooms.length - 1].id });
  }
  // Places' opening hours bound the day: the seeded plans end at five, so the hospital's four o'clock closing is widened.
  for (const place of places) updatePlace(db, place.id, { ...place, hours: week.map((weekday) => ({ weekday, opens: '08:30', closes: '17:30' })) }, options.now);
  const interpreters = [
    { name: 'Mariam (bambara)', languages: ['bm', 'fr'] },
    { name: 'Alpha (peul, soussou)', languages: ['ff', 'sus', 'fr'] },
    { name: 'Fatou (wolof)', languages: ['wo', 'fr'] },
  ] as const;
  for (const interpreter of interpreters) {
    saveInterpreter(db, { id: null, name: interpreter.name, kind: 'interpreter', languages: [...interpreter.languages], phone: null, active: true }, options.now);
  }

  const visitors = activeVisitorIds(db);
  const today = calendarDateIn(options.timeZone, options.now);
  const first = addDays(today, -305);
  const nowIso = options.now.toISOString();
  let made = 0;
  // Spread over the whole span, so that the year is evenly busy and the coming weeks have their bookings.
  const capacity = psychologists.length * SLOTS.length * Math.round(((305 + 60) * 5) / 7);
  const fill = Math.min(0.85, (1.1 * options.appointments) / Math.max(1, capacity));
  const seriesOfDay = (day: string) => {
    const appointments: Parameters<typeof insertAppointment>[2][] = [];
    if (weekdayOf(day) > 5) return appointments;
    for (const p of psychologists) {
      for (const time of SLOTS) {
        if (made + appointments.length >= options.appointments || visitors.length === 0 || !random.chance(fill)) continue;
        const startsAt = instantOfWallMoment(`${day}T${time}`, options.timeZone);
        const endsAt = new Date(Date.parse(startsAt) + SESSION_MINUTES * 60_000).toISOString();
        appointments.push({
          visitorId: random.pick(visitors),
          psychologistId: p.id,
          placeId: p.placeId,
          roomId: p.roomId,
          kindId: random.pick(kinds).id,
          startsAt,
          endsAt,
          interpreterLanguage: null,
          interpreterId: null,
          seriesId: null,
          status: 'scheduled',
          overrideReason: null,
          walkIn: false,
        });
      }
    }
    return appointments;
  };
  for (let day = first; made < options.appointments && day <= addDays(today, 60); day = addDays(day, 1)) {
    const batch = seriesOfDay(day);
    for (let from = 0; from < batch.length; from += BATCH) {
      db.transaction(() => {
        for (const appointment of batch.slice(from, from + BATCH)) {
          const past = appointment.startsAt < nowIso;
          const id = insertAppointment(db, actor, appointment, options.now);
          const status = past ? pastStatus(random.next()) : random.chance(0.08) ? 'cancelled' : 'scheduled';
          if (status === 'scheduled') continue;
          if (status === 'done' || status === 'leftWithoutSession') {
            writeStatus(db, id, { status: 'arrived', cancelledBy: null, late: false }, options.now);
            recordEvent(db, actor, { appointmentId: id, kind: 'status', fromStatus: 'scheduled', toStatus: 'arrived' }, options.now);
          }
          const late = status === 'cancelled' && random.chance(0.3);
          const cancelledBy = status === 'cancelled' ? (random.chance(0.7) ? 'visitor' : 'unit') : null;
          writeStatus(db, id, { status, cancelledBy, late }, options.now);
          recordEvent(
            db,
            actor,
            { appointmentId: id, kind: 'status', fromStatus: status === 'done' || status === 'leftWithoutSession' ? 'arrived' : 'scheduled', toStatus: status, reason: cancelledBy ? 'Seed' : null },
            options.now,
          );
        }
      })();
    }
    made += batch.length;
  }
  return { psychologists: psychologists.length, interpreters: interpreters.length, appointments: made };
}
