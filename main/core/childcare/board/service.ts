import type { Db } from '../../db/database';
import { statement } from '../../db/statements';
import { endOfDayIn, startOfDayIn, wallMomentOf, calendarDateIn } from '../../../../shared/domain/calendar';
import { ageInMonthsOn, type BoardChild, type ChildcareBoard } from '../../../../shared/domain/childcare';
import { authorisedAdults } from '../../children/service';
import { bookingView, openOffers } from '../bookings/service';
import { slotRowsBetween, slotViews } from '../slots/service';

interface PresentRow {
  booking_id: number;
  slot_id: number;
  child_id: number;
  first_name: string | null;
  birth_date: string | null;
  age_years: number | null;
  age_given_on: string | null;
  allergies: string | null;
  care_notes: string | null;
  mother_id: number;
  mother_code: string;
  mother_first: string | null;
  mother_last: string | null;
  checked_in_at: string;
  pickup_code: string;
  ends_at: string;
}

/**
 * The childcare board in one read: the day's slots with their counts, every child in now
 * (since when, her code, allergies and care notes, who may collect her; `overdue` once her
 * slot has ended by the desk's clock), the children booked for the day not yet arrived, and
 * the offers waiting. Reads the present children through their partial index, whatever
 * the size of a year's bookings. `withNotes` false leaves allergies and notes out.
 */
export function childcareBoard(db: Db, day: string, now: Date, zone: string, withNotes: boolean): ChildcareBoard {
  const slots = slotViews(db, slotRowsBetween(db, startOfDayIn(day, zone), endOfDayIn(day, zone)), zone);
  const present = statement(
    db,
    `SELECT b.id AS booking_id, b.slot_id, b.child_id, c.first_name, c.birth_date, c.age_years, c.age_given_on, c.allergies, c.care_notes,
        c.mother_id, v.code AS mother_code, v.first_name AS mother_first, v.last_name AS mother_last,
        b.checked_in_at, b.pickup_code, COALESCE(s.ends_at, a.ends_at) AS ends_at
     FROM childcare_bookings b
       JOIN children c ON c.id = b.child_id
       JOIN visitors v ON v.id = c.mother_id
       JOIN childcare_slots s ON s.id = b.slot_id
       LEFT JOIN activity_sessions a ON a.id = s.session_id
     WHERE b.status = 'checkedIn'
     ORDER BY b.checked_in_at, b.id`,
  ).all() as PresentRow[];
  const adults = authorisedAdults(db, present.map((p) => p.child_id));
  const today = calendarDateIn(zone, now);
  const at = now.toISOString();
  const children: BoardChild[] = present.map((p) => ({
    bookingId: p.booking_id,
    slotId: p.slot_id,
    childId: p.child_id,
    childFirstName: p.first_name,
    ageMonths: ageInMonthsOn({ birthDate: p.birth_date, ageYears: p.age_years, ageGivenOn: p.age_given_on }, today),
    motherId: p.mother_id,
    motherCode: p.mother_code,
    motherName: [p.mother_first, p.mother_last].filter(Boolean).join(' ') || null,
    checkedInAt: p.checked_in_at,
    checkedInWall: wallMomentOf(p.checked_in_at, zone),
    pickupCode: p.pickup_code,
    allergies: withNotes ? p.allergies : null,
    careNotes: withNotes ? p.care_notes : null,
    collectors: [
      { kind: 'mother', adultId: null, name: null, relation: null },
      ...(adults.get(p.child_id) ?? []).map((a) => ({ kind: 'authorised' as const, adultId: a.id, name: a.name, relation: a.relation })),
    ],
    overdue: p.ends_at <= at,
  }));
  const slotIds = slots.map((s) => s.id);
  const expectedIds =
    slotIds.length === 0
      ? []
      : (db
          .prepare(`SELECT id FROM childcare_bookings WHERE status = 'booked' AND slot_id IN (${slotIds.map(() => '?').join(',')}) ORDER BY slot_id, id`)
          .all(...slotIds) as { id: number }[]);
  return {
    day,
    now: wallMomentOf(now, zone),
    slots,
    children,
    expected: expectedIds.map((r) => bookingView(db, r.id, zone)),
    offers: openOffers(db, zone),
  };
}
