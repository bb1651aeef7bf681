import type { Migration } from './types';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The childcare space: children recorded under their mother (a visitor), the adults she
 * authorises to collect them, childcare slots (on their own times, or tied to an activity's
 * session and then timed by it), their staff-to-child ratios per age band, and bookings
 * that carry a child from the waitlist through an offer, a check-in with its pick-up code,
 * to the pick-up. Instants are UTC ISO 8601 strings; days are the desk's `YYYY-MM-DD`. The
 * values are written out here, not imported: this file must keep making the same tables
 * whatever the domain's lists become.
 */
export const migration: Migration = {
  version: 10,
  name: 'childcare',
  up(db) {
    db.exec(`
      CREATE TABLE children (
        id INTEGER PRIMARY KEY,
        mother_id INTEGER NOT NULL REFERENCES visitors(id),
        first_name TEXT,
        birth_date TEXT,
        -- An approximate age, in years, as given on that day: she grows older with the calendar.
        age_years INTEGER CHECK (age_years BETWEEN 0 AND 17),
        age_given_on TEXT,
        sex TEXT NOT NULL CHECK (sex IN (${list(['female', 'male', 'other', 'undisclosed'])})),
        allergies TEXT,
        care_notes TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        updated_at TEXT NOT NULL,
        anonymised_at TEXT,
        CHECK (birth_date IS NOT NULL OR (age_years IS NOT NULL AND age_given_on IS NOT NULL))
      ) STRICT;
      CREATE INDEX children_by_mother ON children(mother_id);

      -- The adults besides her mother (who always may, and is no row here). A removed one keeps
      -- its row, as the pick-ups it made name it; anonymisation erases its name and phone.
      CREATE TABLE child_adults (
        id INTEGER PRIMARY KEY,
        child_id INTEGER NOT NULL REFERENCES children(id),
        name TEXT,
        relation TEXT NOT NULL CHECK (relation IN (${list(['father', 'grandparent', 'auntOrUncle', 'sibling', 'friend', 'neighbour', 'other'])})),
        phone TEXT,
        added_at TEXT NOT NULL,
        added_by INTEGER NOT NULL REFERENCES users(id),
        removed_at TEXT,
        removed_by INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX child_adults_by_child ON child_adults(child_id);

      -- A slot tied to a session has no times of its own: the session's are read, so that
      -- moving the session moves the slot.
      CREATE TABLE childcare_slots (
        id INTEGER PRIMARY KEY,
        session_id INTEGER REFERENCES activity_sessions(id),
        starts_at TEXT,
        ends_at TEXT,
        place_id INTEGER NOT NULL REFERENCES places(id),
        room_id INTEGER REFERENCES rooms(id),
        capacity INTEGER NOT NULL CHECK (capacity > 0),
        age_unit TEXT NOT NULL CHECK (age_unit IN (${list(['months', 'years'])})),
        min_age INTEGER NOT NULL CHECK (min_age >= 0),
        max_age INTEGER NOT NULL CHECK (max_age >= min_age),
        cancelled_at TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        updated_at TEXT NOT NULL,
        CHECK ((session_id IS NULL AND starts_at IS NOT NULL AND ends_at > starts_at)
            OR (session_id IS NOT NULL AND starts_at IS NULL AND ends_at IS NULL))
      ) STRICT;
      CREATE INDEX childcare_slots_by_start ON childcare_slots(starts_at) WHERE starts_at IS NOT NULL;
      CREATE INDEX childcare_slots_by_session ON childcare_slots(session_id) WHERE session_id IS NOT NULL;

      -- How many children one member of staff looks after, per age band (in the slot's unit).
      CREATE TABLE childcare_ratios (
        slot_id INTEGER NOT NULL REFERENCES childcare_slots(id),
        min_age INTEGER NOT NULL CHECK (min_age >= 0),
        max_age INTEGER NOT NULL CHECK (max_age >= min_age),
        children_per_staff INTEGER NOT NULL CHECK (children_per_staff > 0),
        PRIMARY KEY (slot_id, min_age)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE childcare_bookings (
        id INTEGER PRIMARY KEY,
        slot_id INTEGER NOT NULL REFERENCES childcare_slots(id),
        child_id INTEGER NOT NULL REFERENCES children(id),
        status TEXT NOT NULL CHECK (status IN (${list(['booked', 'waitlisted', 'offered', 'checkedIn', 'pickedUp', 'cancelled', 'declined', 'expired'])})),
        -- First come, first served: the waitlist is in the order of the requests.
        requested_at TEXT NOT NULL,
        requested_by INTEGER NOT NULL REFERENCES users(id),
        offered_at TEXT,
        offered_until TEXT,
        checked_in_at TEXT,
        checked_in_by INTEGER REFERENCES users(id),
        pickup_code TEXT,
        -- The desk's day of the check-in: a code is unique for the day across the desk.
        code_day TEXT,
        picked_up_at TEXT,
        picked_up_by INTEGER REFERENCES users(id),
        collector TEXT CHECK (collector IN (${list(['mother', 'authorised', 'other'])})),
        collector_adult_id INTEGER REFERENCES child_adults(id),
        -- Someone not on the list, let go by a desk worker's override.
        collector_name TEXT,
        collector_relation TEXT,
        override_reason TEXT,
        ended_at TEXT,
        ended_by INTEGER REFERENCES users(id),
        end_reason TEXT,
        updated_at TEXT NOT NULL,
        CHECK ((pickup_code IS NULL) = (code_day IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX childcare_bookings_one_live ON childcare_bookings(slot_id, child_id)
        WHERE status NOT IN ('cancelled', 'declined', 'expired');
      CREATE INDEX childcare_bookings_by_slot ON childcare_bookings(slot_id, status, requested_at);
      CREATE INDEX childcare_bookings_by_child ON childcare_bookings(child_id);
      CREATE UNIQUE INDEX childcare_pickup_codes ON childcare_bookings(code_day, pickup_code) WHERE pickup_code IS NOT NULL;
      -- The board reads the children in now, and the offers waiting, from these alone.
      CREATE INDEX childcare_bookings_present ON childcare_bookings(slot_id) WHERE status = 'checkedIn';
      CREATE INDEX childcare_bookings_offered ON childcare_bookings(offered_until) WHERE status = 'offered';
    `);
  },
};
