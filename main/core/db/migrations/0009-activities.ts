import type { Migration } from './types';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Workshops and events: activity kinds, activities (a Darija course, a coaching cycle, a
 * health session) with their sessions, each session a row of its own with every change
 * kept; enrolments; attendance per session; events (multi-actor days, seminars, fairs) with
 * headcounts by participant category and the registered visitors who took part. Instants
 * are UTC ISO 8601 strings; an event's day is the desk's `YYYY-MM-DD`. The values are
 * written out here, not imported: this file must keep making the same tables whatever the
 * domain's lists become.
 */
export const migration: Migration = {
  version: 9,
  name: 'activities',
  up(db) {
    db.exec(`
      -- The four the field runs have a key (their label is translated); others a name.
      CREATE TABLE activity_kinds (
        id INTEGER PRIMARY KEY,
        key TEXT UNIQUE,
        name TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        CHECK (key IS NOT NULL OR name IS NOT NULL)
      ) STRICT;

      CREATE TABLE activities (
        id INTEGER PRIMARY KEY,
        kind_id INTEGER NOT NULL REFERENCES activity_kinds(id),
        title TEXT NOT NULL,
        -- Who runs it: often someone from outside (a Darija teacher, a midwife), so a name.
        facilitator TEXT NOT NULL,
        place_id INTEGER NOT NULL REFERENCES places(id),
        room_id INTEGER REFERENCES rooms(id),
        capacity INTEGER NOT NULL CHECK (capacity > 0),
        description TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        updated_at TEXT NOT NULL
      ) STRICT;

      -- One row per session: moving or cancelling one never touches the others.
      CREATE TABLE activity_sessions (
        id INTEGER PRIMARY KEY,
        activity_id INTEGER NOT NULL REFERENCES activities(id),
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL CHECK (ends_at > starts_at),
        cancelled_at TEXT,
        cancel_reason TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX activity_sessions_by_activity ON activity_sessions(activity_id, starts_at);
      CREATE INDEX activity_sessions_by_start ON activity_sessions(starts_at);

      -- Every change of a session: created, moved (from what), cancelled; who, when, why.
      CREATE TABLE activity_session_events (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES activity_sessions(id),
        kind TEXT NOT NULL CHECK (kind IN (${list(['created', 'moved', 'cancelled'])})),
        old_starts_at TEXT,
        old_ends_at TEXT,
        reason TEXT,
        at TEXT NOT NULL,
        by_user INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX activity_session_events_by_session ON activity_session_events(session_id, id);

      -- A visitor enrolled in an activity; withdrawing keeps the row (her attendance stays hers).
      CREATE TABLE enrolments (
        id INTEGER PRIMARY KEY,
        activity_id INTEGER NOT NULL REFERENCES activities(id),
        visitor_id INTEGER NOT NULL REFERENCES visitors(id),
        enrolled_at TEXT NOT NULL,
        enrolled_by INTEGER NOT NULL REFERENCES users(id),
        withdrawn_at TEXT,
        withdrawn_by INTEGER REFERENCES users(id),
        UNIQUE (activity_id, visitor_id)
      ) STRICT;
      CREATE INDEX enrolments_by_visitor ON enrolments(visitor_id);

      CREATE TABLE attendance (
        session_id INTEGER NOT NULL REFERENCES activity_sessions(id),
        visitor_id INTEGER NOT NULL REFERENCES visitors(id),
        status TEXT NOT NULL CHECK (status IN (${list(['present', 'absent', 'excused'])})),
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES users(id),
        PRIMARY KEY (session_id, visitor_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX attendance_by_visitor ON attendance(visitor_id);

      -- Multi-actor days, seminars, fairs: at one of the desk's places or somewhere else.
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN (${list(['multiActorDay', 'seminar', 'fair', 'other'])})),
        title TEXT NOT NULL,
        day TEXT NOT NULL,
        place_id INTEGER REFERENCES places(id),
        location TEXT,
        notes TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        updated_at TEXT NOT NULL,
        CHECK (place_id IS NOT NULL OR location IS NOT NULL)
      ) STRICT;
      CREATE INDEX events_by_day ON events(day);

      CREATE TABLE event_headcounts (
        event_id INTEGER NOT NULL REFERENCES events(id),
        category TEXT NOT NULL CHECK (category IN (${list(['associations', 'publicInstitutions', 'migrantCommunities', 'academics', 'other'])})),
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (event_id, category)
      ) STRICT, WITHOUT ROWID;

      -- Registered visitors who took part (counted apart from the categories' headcounts).
      CREATE TABLE event_participants (
        event_id INTEGER NOT NULL REFERENCES events(id),
        visitor_id INTEGER NOT NULL REFERENCES visitors(id),
        PRIMARY KEY (event_id, visitor_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX event_participants_by_visitor ON event_participants(visitor_id);
    `);
    const kind = db.prepare('INSERT INTO activity_kinds (key, name, active) VALUES (?, NULL, 1)');
    for (const key of ['darija', 'coaching', 'healthInfo', 'other']) kind.run(key);
  },
};
