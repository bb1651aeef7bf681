import type { Migration } from './types';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The listening unit's schedule: places and their rooms and opening hours, session kinds,
 * interpreters, the weekly plans and dated exceptions of psychologists and interpreters,
 * and appointments with every change kept. Instants are UTC ISO 8601 strings (they sort
 * as they compare); wall-clock times of plans and hours are the desk's `HH:MM`; days are
 * the desk's `YYYY-MM-DD`. The values are written out here, not imported: this file must
 * keep making the same tables whatever the domain's lists become.
 */
export const migration: Migration = {
  version: 6,
  name: 'listening-unit',
  up(db, { now }) {
    const at = now.toISOString();
    db.exec(`
      CREATE TABLE places (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        -- What the visitor's appointment card prints instead of the name: a name the staff use
        -- ("Cellule d'écoute") must not tell whoever finds the card where she goes.
        card_name TEXT,
        address TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE rooms (
        id INTEGER PRIMARY KEY,
        place_id INTEGER NOT NULL REFERENCES places(id),
        name TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX rooms_by_place ON rooms(place_id);

      -- weekday 1 = Monday … 7 = Sunday; several rows a day for a place that closes at noon.
      CREATE TABLE opening_hours (
        id INTEGER PRIMARY KEY,
        place_id INTEGER NOT NULL REFERENCES places(id),
        weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        opens TEXT NOT NULL,
        closes TEXT NOT NULL CHECK (closes > opens)
      ) STRICT;
      CREATE INDEX opening_hours_by_place ON opening_hours(place_id, weekday);

      -- The four the field uses have a key (their label is translated); others a name.
      CREATE TABLE session_kinds (
        id INTEGER PRIMARY KEY,
        key TEXT UNIQUE,
        name TEXT,
        default_minutes INTEGER NOT NULL CHECK (default_minutes BETWEEN 5 AND 1440),
        active INTEGER NOT NULL DEFAULT 1,
        CHECK (key IS NOT NULL OR name IS NOT NULL)
      ) STRICT;

      -- Interpreters and cultural mediators: staff-side records, not users.
      CREATE TABLE interpreters (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN (${list(['interpreter', 'mediator'])})),
        languages TEXT NOT NULL DEFAULT '[]',
        phone TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- The languages a psychologist speaks herself: no interpreter is needed for them.
      CREATE TABLE staff_languages (
        user_id INTEGER NOT NULL REFERENCES users(id),
        language TEXT NOT NULL,
        PRIMARY KEY (user_id, language)
      ) STRICT, WITHOUT ROWID;

      -- A psychologist's (user) or an interpreter's weekly plan: working periods and breaks.
      CREATE TABLE work_plans (
        id INTEGER PRIMARY KEY,
        user_id INTEGER REFERENCES users(id),
        interpreter_id INTEGER REFERENCES interpreters(id),
        place_id INTEGER REFERENCES places(id),
        weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        starts TEXT NOT NULL,
        ends TEXT NOT NULL CHECK (ends > starts),
        kind TEXT NOT NULL DEFAULT 'work' CHECK (kind IN (${list(['work', 'break'])})),
        CHECK ((user_id IS NULL) <> (interpreter_id IS NULL))
      ) STRICT;
      CREATE INDEX work_plans_by_user ON work_plans(user_id, weekday) WHERE user_id IS NOT NULL;
      CREATE INDEX work_plans_by_interpreter ON work_plans(interpreter_id, weekday) WHERE interpreter_id IS NOT NULL;

      -- Dated exceptions: a person's leave or different hours that day, a place closed, a public holiday.
      CREATE TABLE availability_exceptions (
        id INTEGER PRIMARY KEY,
        user_id INTEGER REFERENCES users(id),
        interpreter_id INTEGER REFERENCES interpreters(id),
        place_id INTEGER REFERENCES places(id),
        day TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN (${list(['leave', 'differentHours', 'placeClosed', 'publicHoliday'])})),
        starts TEXT,
        ends TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        CHECK ((starts IS NULL) = (ends IS NULL)),
        CHECK (ends IS NULL OR ends > starts)
      ) STRICT;
      CREATE INDEX availability_exceptions_by_day ON availability_exceptions(day);

      CREATE TABLE appointment_series (
        id INTEGER PRIMARY KEY,
        rule TEXT NOT NULL CHECK (rule IN (${list(['weekly', 'fortnightly'])})),
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;

      CREATE TABLE appointments (
        id INTEGER PRIMARY KEY,
        visitor_id INTEGER NOT NULL REFERENCES visitors(id),
        psychologist_id INTEGER NOT NULL REFERENCES users(id),
        place_id INTEGER NOT NULL REFERENCES places(id),
        room_id INTEGER REFERENCES rooms(id),
        kind_id INTEGER NOT NULL REFERENCES session_kinds(id),
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL CHECK (ends_at > starts_at),
        interpreter_language TEXT,
        interpreter_id INTEGER REFERENCES interpreters(id),
        series_id INTEGER REFERENCES appointment_series(id),
        status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN (${list(['scheduled', 'arrived', 'done', 'noShow', 'cancelled', 'leftWithoutSession'])})),
        cancelled_by TEXT CHECK (cancelled_by IN (${list(['visitor', 'unit'])})),
        late_cancellation INTEGER NOT NULL DEFAULT 0,
        -- Booked outside the psychologist's hours by a psychologist or an administrator: why.
        override_reason TEXT,
        -- Recorded after it happened (a walk-in session), not booked ahead.
        walk_in INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX appointments_by_psychologist ON appointments(psychologist_id, starts_at);
      CREATE INDEX appointments_by_visitor ON appointments(visitor_id, starts_at);
      CREATE INDEX appointments_by_room ON appointments(room_id, starts_at) WHERE room_id IS NOT NULL;
      CREATE INDEX appointments_by_interpreter ON appointments(interpreter_id, starts_at) WHERE interpreter_id IS NOT NULL;
      CREATE INDEX appointments_by_start ON appointments(starts_at);
      CREATE INDEX appointments_by_series ON appointments(series_id) WHERE series_id IS NOT NULL;

      -- Every change of an appointment: created, a status, a move, a reassignment; who, when, from what, why.
      CREATE TABLE appointment_events (
        id INTEGER PRIMARY KEY,
        appointment_id INTEGER NOT NULL REFERENCES appointments(id),
        kind TEXT NOT NULL CHECK (kind IN (${list(['created', 'status', 'moved', 'reassigned'])})),
        from_status TEXT,
        to_status TEXT,
        old_starts_at TEXT,
        old_ends_at TEXT,
        old_psychologist_id INTEGER REFERENCES users(id),
        reason TEXT,
        at TEXT NOT NULL,
        by_user INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX appointment_events_by_appointment ON appointment_events(appointment_id, id);
    `);

    // The two places the field works in, each with one room, open Monday to Friday.
    const place = db.prepare('INSERT INTO places (name, card_name, address, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)');
    const room = db.prepare('INSERT INTO rooms (place_id, name, active) VALUES (?, ?, 1)');
    const hours = db.prepare('INSERT INTO opening_hours (place_id, weekday, opens, closes) VALUES (?, ?, ?, ?)');
    for (const [name, cardName, roomName, opens, closes] of [
      ["Accueil de l'association", "Accueil de l'association", "Salle d'écoute", '09:00', '17:00'],
      ["Cellule d'écoute – Hôpital Al-Hassani", 'Hôpital Al-Hassani', 'Bureau de la cellule', '09:00', '16:00'],
    ] as const) {
      const id = Number(place.run(name, cardName, 'Nador', at, at).lastInsertRowid);
      room.run(id, roomName);
      for (let weekday = 1; weekday <= 5; weekday++) hours.run(id, weekday, opens, closes);
    }
    const kind = db.prepare('INSERT INTO session_kinds (key, name, default_minutes, active) VALUES (?, NULL, ?, 1)');
    for (const [key, minutes] of [
      ['firstListening', 60],
      ['followUp', 45],
      ['crisis', 30],
      ['maternalHealth', 45],
    ] as const) {
      kind.run(key, minutes);
    }
  },
};
