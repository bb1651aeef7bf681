import type { Db } from '../db/database';
import { insertRows, seedVisitorFacts } from '../db/bulk';
import { isMother, type ActivitiesSeedResult, type AttendanceStatus } from '../activities/seed';
import { randomGenerator } from '../visitors/seed';
import { addDays, calendarDateIn } from '../../../shared/domain/calendar';
import {
  ageInMonthsOn,
  isAgeInRange,
  isOffensiveCode,
  OFFER_HOLD_MS,
  PICKUP_CODE_ALPHABET,
  type AdultRelation,
  type AgeUnit,
  type BookingStatus,
  type CollectorKind,
} from '../../../shared/domain/childcare';

type Random = ReturnType<typeof randomGenerator>;

export interface ChildcareSeedOptions {
  seed: number;
  actorId: number;
  now: Date;
  timeZone: string;
  /** The activities' year this childcare serves: its sessions, who was enrolled when, and the roll calls. */
  activities: ActivitiesSeedResult['seeded'];
}

export interface ChildcareSeedResult {
  children: number;
  mothers: number;
  withAllergies: number;
  otherAdults: number;
  slots: number;
  bookings: Record<BookingStatus, number>;
  pickUps: Record<CollectorKind, number>;
  overrides: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The two rooms of the childcare space, by age; a staff member looks after three babies or eight older children. */
const SLOT_KINDS: readonly { minAge: number; maxAge: number; capacity: number; perStaff: number }[] = [
  { minAge: 0, maxAge: 2, capacity: 4, perStaff: 3 },
  { minAge: 3, maxAge: 6, capacity: 6, perStaff: 8 },
];
const AGE_UNIT: AgeUnit = 'years';
/** Children per mother who has any: one, two or three. */
const FAMILY_SIZES = [1, 1, 1, 1, 2, 2, 2, 3, 3];
const FIRST_NAMES = { female: ['Aminata', 'Fatoumata', 'Mariam', 'Grâce', 'Awa', 'Salma', 'Nour', 'Kadiatou', 'Blessing', 'Inès'], male: ['Ibrahim', 'Moussa', 'Yaya', 'Samuel', 'Adam', 'Youssef', 'Mamadou', 'Christ', 'Ousmane', 'David'] };
const ALLERGIES = ['Arachides', 'Lait de vache', 'Œufs', 'Gluten', 'Pénicilline', 'Piqûres de guêpe'];
const CARE_NOTES = ['Sieste vers 11 h', 'Asthme : inhalateur dans le sac', 'Ne mange pas de porc', 'Doudou dans le sac', 'Pleure au départ de sa mère, se calme vite'];
const OTHER_ADULTS: readonly { relation: AdultRelation; names: readonly string[] }[] = [
  { relation: 'father', names: ['Mamadou Diallo', 'Koffi Kouassi', 'Emeka Okafor'] },
  { relation: 'auntOrUncle', names: ['Aïssatou Bah', 'Mariama Condé', 'Fanta Keita'] },
  { relation: 'grandparent', names: ['Hawa Traoré'] },
  { relation: 'friend', names: ['Rose Mbala', 'Esther Ngo', 'Bintou Sow'] },
  { relation: 'neighbour', names: ['Khadija El Amrani', 'Zineb Tahiri'] },
];
const OVERRIDE_REASONS = ["Sa sœur, venue à sa place, connue de l'équipe ; la mère a confirmé par téléphone", 'Amie de la mère, ticket perdu, identité vérifiée avec la mère'];

interface Child {
  id: number;
  motherId: number;
  birthDate: string | null;
  ageYears: number | null;
  ageGivenOn: string | null;
  adults: number[];
}

/**
 * The childcare space's year beside the activities': children under their mothers (most
 * 0–6 years, a few older, some allergies and care notes, an extra authorised adult for some),
 * two slots tied to each workshop's session (0–2 and 3–6 years, with their ratios), and a
 * booking for each child of the right age whose mother was enrolled, first come first served:
 * the places, then the waitlist. Past sessions: the child checked in with a pick-up code when
 * her mother came, picked up by her or an authorised adult (a few let go on a desk worker's
 * override, with the reason), cancelled when she did not; a place freed ahead was offered to
 * the next family, taken or not. Today's children are in; offers wait on coming sessions. The
 * same seed gives the same rows.
 */
export function seedChildcare(db: Db, options: ChildcareSeedOptions): ChildcareSeedResult {
  const random = randomGenerator(options.seed * 104_729 + 11);
  const now = options.now.getTime();
  const today = calendarDateIn(options.timeZone, options.now);
  const year = Number(today.slice(0, 4));
  const result: ChildcareSeedResult = {
    children: 0,
    mothers: 0,
    withAllergies: 0,
    otherAdults: 0,
    slots: 0,
    bookings: { booked: 0, waitlisted: 0, offered: 0, checkedIn: 0, pickedUp: 0, cancelled: 0, declined: 0, expired: 0 },
    pickUps: { mother: 0, authorised: 0, other: 0 },
    overrides: 0,
  };
  const children = db.transaction(() => seedChildren(db, random, options, year, today, result))();
  const byMother = new Map<number, Child[]>();
  for (const c of children) byMother.set(c.motherId, [...(byMother.get(c.motherId) ?? []), c]);
  const codesOfDay = new Map<string, Set<string>>();
  const codeFor = (day: string): string => {
    const used = codesOfDay.get(day) ?? new Set<string>();
    codesOfDay.set(day, used);
    for (;;) {
      const length = used.size < 2000 ? 3 : 4;
      let code = '';
      for (let i = 0; i < length; i++) code += random.pick([...PICKUP_CODE_ALPHABET]);
      if (used.has(code) || isOffensiveCode(code)) continue;
      used.add(code);
      return code;
    }
  };

  const sessions = options.activities.sessions.filter((s) => !s.cancelled);
  const BATCH = 500;
  for (let from = 0; from < sessions.length; from += BATCH) {
    db.transaction(() => {
      for (const session of sessions.slice(from, from + BATCH)) {
        const startsAt = Date.parse(session.startsAt);
        const endsAt = Date.parse(session.endsAt);
        const day = calendarDateIn(options.timeZone, new Date(startsAt));
        const createdAt = new Date(Math.min(now, startsAt - 21 * DAY)).toISOString();
        const slotIds = insertRows(
          db,
          'childcare_slots',
          ['session_id', 'starts_at', 'ends_at', 'place_id', 'room_id', 'capacity', 'age_unit', 'min_age', 'max_age', 'cancelled_at', 'created_at', 'created_by', 'updated_at'],
          SLOT_KINDS.map((k) => [session.id, null, null, session.placeId, null, k.capacity, AGE_UNIT, k.minAge, k.maxAge, null, createdAt, options.actorId, createdAt]),
        );
        insertRows(db, 'childcare_ratios', ['slot_id', 'min_age', 'max_age', 'children_per_staff'], SLOT_KINDS.map((k, i) => [slotIds[i], k.minAge, k.maxAge, k.perStaff]));
        result.slots += slotIds.length;
        // Her children are booked when she enrols (or when the slots open, if she enrolled before).
        const enrolled = (options.activities.enrolled.get(session.activityId) ?? []).filter((e) => e.from <= session.startsAt && (e.until === null || e.until > session.startsAt));
        const marks = options.activities.marks.get(session.id);
        SLOT_KINDS.forEach((kind, k) => {
          const requests = enrolled
            .flatMap((e) =>
              (byMother.get(e.visitorId) ?? [])
                .filter((c) => isAgeInRange(ageInMonthsOn(c, day), { ageUnit: AGE_UNIT, minAge: kind.minAge, maxAge: kind.maxAge }))
                .map((c) => ({ child: c, requestedAt: Math.max(Date.parse(createdAt), Date.parse(e.from)) + random.int(0, 90) * MINUTE, mark: marks?.get(e.visitorId) ?? null })),
            )
            .filter((r) => r.requestedAt <= now && r.requestedAt < startsAt)
            .sort((a, b) => a.requestedAt - b.requestedAt);
          const rows = bookingsOf(random, requests, { capacity: kind.capacity, startsAt, endsAt, now, actorId: options.actorId, day, codeFor }, result);
          insertRows(db, 'childcare_bookings', BOOKING_COLUMNS, rows.map((r) => [slotIds[k], ...r]));
        });
      }
    })();
  }
  return result;
}

function seedChildren(db: Db, random: Random, options: ChildcareSeedOptions, year: number, today: string, result: ChildcareSeedResult): Child[] {
  const made: Child[] = [];
  const now = options.now.getTime();
  // Mothers enrolled in a workshop are the likelier to have young children (the childcare is why they can come).
  const enrolled = new Set([...options.activities.enrolled.values()].flat().map((e) => e.visitorId));
  for (const mother of seedVisitorFacts(db)) {
    if (!isMother(mother, year) || !random.chance(enrolled.has(mother.id) ? 0.55 : 0.3)) continue;
    result.mothers++;
    const registered = Date.parse(mother.registeredAt);
    const siblings = random.pick(FAMILY_SIZES);
    const shared = random.chance(0.3) ? random.pick(OTHER_ADULTS) : null;
    const sharedName = shared ? random.pick(shared.names) : null;
    const sharedPhone = `06${random.int(10_000_000, 99_999_999)}`;
    for (let i = 0; i < siblings; i++) {
      const months = random.chance(0.9) ? random.int(0, 6 * 12 + 11) : random.int(7 * 12, 12 * 12);
      const sex = random.chance(0.5) ? 'female' : 'male';
      // Her age as of today, written as a birth date, or as an age given on the day she was recorded (never before her birth).
      const born = addDays(today, -Math.round(months * 30.44) - random.int(0, 20));
      const createdAt = new Date(Math.min(now, Math.max(registered, Date.parse(born)) + random.int(0, 30) * DAY)).toISOString();
      const createdDay = createdAt.slice(0, 10);
      const exact = random.chance(0.7);
      const ageYears = exact ? null : Math.max(0, Math.floor(ageInMonthsOn({ birthDate: born, ageYears: null, ageGivenOn: null }, createdDay) / 12));
      const allergies = random.chance(0.08) ? random.pick(ALLERGIES) : null;
      if (allergies) result.withAllergies++;
      const [id] = insertRows(db, 'children', ['mother_id', 'first_name', 'birth_date', 'age_years', 'age_given_on', 'sex', 'allergies', 'care_notes', 'created_at', 'created_by', 'updated_at'], [
        [mother.id, random.chance(0.85) ? random.pick(FIRST_NAMES[sex]) : null, exact ? born : null, ageYears, exact ? null : createdDay, sex, allergies, random.chance(0.1) ? random.pick(CARE_NOTES) : null, createdAt, options.actorId, createdAt],
      ]);
      const adults = shared ? insertRows(db, 'child_adults', ['child_id', 'name', 'relation', 'phone', 'added_at', 'added_by', 'removed_at', 'removed_by'], [[id, sharedName, shared.relation, sharedPhone, createdAt, options.actorId, null, null]]) : [];
      result.otherAdults += adults.length;
      result.children++;
      made.push({ id, motherId: mother.id, birthDate: exact ? born : null, ageYears, ageGivenOn: exact ? null : createdDay, adults });
    }
  }
  return made;
}

const BOOKING_COLUMNS = [
  'slot_id', 'child_id', 'status', 'requested_at', 'requested_by', 'offered_at', 'offered_until', 'checked_in_at', 'checked_in_by', 'pickup_code', 'code_day',
  'picked_up_at', 'picked_up_by', 'collector', 'collector_adult_id', 'collector_name', 'collector_relation', 'override_reason', 'ended_at', 'ended_by', 'end_reason', 'updated_at',
];

interface Request {
  child: Child;
  requestedAt: number;
  /** Her mother's mark at the session's roll call (null: not yet called). */
  mark: AttendanceStatus | null;
}

interface SlotContext {
  capacity: number;
  startsAt: number;
  endsAt: number;
  now: number;
  actorId: number;
  day: string;
  codeFor(day: string): string;
}

/** One slot's bookings, first come first served, each carried to where the year left it. */
function bookingsOf(random: Random, requests: Request[], slot: SlotContext, result: ChildcareSeedResult): unknown[][] {
  const iso = (ms: number) => new Date(ms).toISOString();
  const rows: unknown[][] = [];
  const waiting = requests.slice(slot.capacity);
  const holding = requests.slice(0, slot.capacity).map((r) => ({ ...r, offered: null as null | { at: number; until: number } }));
  const write = (r: (typeof holding)[number], status: BookingStatus, fields: Partial<Record<string, unknown>>, updatedAt: number) => {
    result.bookings[status]++;
    const f: Partial<Record<string, unknown>> = { offered_at: r.offered ? iso(r.offered.at) : null, offered_until: r.offered ? iso(r.offered.until) : null, ...fields };
    rows.push([r.child.id, status, iso(r.requestedAt), slot.actorId, ...BOOKING_COLUMNS.slice(5, -1).map((c) => f[c] ?? null), iso(updatedAt)]);
  };
  // A mother who said she would not come frees the place a day or two ahead; the next family is offered it.
  for (let i = 0; i < holding.length; i++) {
    const r = holding[i];
    const cancelsAt = slot.startsAt - random.int(20, 60) * HOUR;
    const cancels = (r.mark === 'excused' || (r.mark === null && random.chance(0.05))) && cancelsAt > r.requestedAt && cancelsAt <= slot.now;
    if (!cancels) continue;
    write(r, 'cancelled', { ended_at: iso(cancelsAt), ended_by: slot.actorId, end_reason: 'Sa mère a prévenu qu’elle ne viendrait pas' }, cancelsAt);
    holding.splice(i--, 1);
    let offerAt = cancelsAt;
    while (waiting.length > 0) {
      const next = waiting.shift() as Request;
      const until = Math.min(offerAt + OFFER_HOLD_MS, slot.startsAt);
      const offered = { ...next, offered: { at: offerAt, until } };
      if (until > slot.now) {
        // Still open: the desk sees it with its "offered until".
        write(offered, 'offered', {}, offerAt);
        break;
      }
      const answer = random.next();
      if (answer < 0.7) {
        holding.push(offered);
        break;
      }
      const endedAt = answer < 0.85 ? offerAt + random.int(1, 6) * HOUR : until;
      write(offered, answer < 0.85 ? 'declined' : 'expired', { ended_at: iso(endedAt), ended_by: answer < 0.85 ? slot.actorId : null }, endedAt);
      offerAt = endedAt;
    }
  }
  for (const r of waiting) write({ ...r, offered: null }, 'waitlisted', {}, r.requestedAt);
  for (const r of holding) {
    const checkedInAt = slot.startsAt - random.int(0, 15) * MINUTE;
    const comes = r.mark === 'present' || (r.mark === null && slot.startsAt <= slot.now);
    if (checkedInAt > slot.now || !comes) {
      // Still to come, or her mother did not come: the place stays booked, or is let go after the session.
      if (slot.endsAt <= slot.now) write(r, 'cancelled', { ended_at: iso(slot.endsAt), ended_by: slot.actorId, end_reason: 'Pas venue' }, slot.endsAt);
      else write(r, 'booked', {}, r.offered?.at ?? r.requestedAt);
      continue;
    }
    const checkIn = { checked_in_at: iso(checkedInAt), checked_in_by: slot.actorId, pickup_code: slot.codeFor(slot.day), code_day: slot.day };
    const pickedUpAt = slot.endsAt + random.int(0, 20) * MINUTE;
    if (pickedUpAt > slot.now) {
      write(r, 'checkedIn', checkIn, checkedInAt);
      continue;
    }
    const roll = random.next();
    const collector: CollectorKind = roll < 0.02 ? 'other' : r.child.adults.length > 0 && roll < 0.25 ? 'authorised' : 'mother';
    result.pickUps[collector]++;
    if (collector === 'other') result.overrides++;
    write(
      r,
      'pickedUp',
      {
        ...checkIn,
        picked_up_at: iso(pickedUpAt),
        picked_up_by: slot.actorId,
        collector,
        collector_adult_id: collector === 'authorised' ? r.child.adults[0] : null,
        collector_name: collector === 'other' ? 'Awa Camara' : null,
        collector_relation: collector === 'other' ? 'other' : null,
        override_reason: collector === 'other' ? random.pick(OVERRIDE_REASONS) : null,
      },
      pickedUpAt,
    );
  }
  return rows;
}
