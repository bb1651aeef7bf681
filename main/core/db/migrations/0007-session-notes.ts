import type { Migration } from './types';

/**
 * Private session notes. A note's body (free text and structured fields alike) is sealed
 * with a random key of its own; that key is wrapped once per reader (`note_keys`): for
 * its author under a key derived from her private secret, for a colleague to the public
 * key derived from hers. Nothing here opens without a reader's secret, not even with the
 * data key. The values are written out here, not imported (see 0006).
 */
export const migration: Migration = {
  version: 7,
  name: 'session-notes',
  up(db) {
    db.exec(`
      -- Each user's notes public key (X25519, derived from her private secret), published
      -- so that colleagues can wrap note keys to her.
      CREATE TABLE notes_public_keys (
        user_id INTEGER PRIMARY KEY REFERENCES users(id),
        public_key TEXT NOT NULL,
        published_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE session_notes (
        id INTEGER PRIMARY KEY,
        visitor_id INTEGER NOT NULL REFERENCES visitors(id),
        appointment_id INTEGER REFERENCES appointments(id),
        author_id INTEGER NOT NULL REFERENCES users(id),
        -- AES-256-GCM under the note's key, its AAD binding the note, the visitor and the author.
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX session_notes_by_visitor ON session_notes(visitor_id, created_at);
      CREATE INDEX session_notes_by_author ON session_notes(author_id, visitor_id);
      CREATE INDEX session_notes_by_appointment ON session_notes(appointment_id) WHERE appointment_id IS NOT NULL;

      -- An author's notes about one visitor given to a colleague: by the author herself
      -- (a handover, which also covers her later notes while it stands), or by an
      -- administrator with the recovery key and a reason (break-glass), shown to the author.
      CREATE TABLE note_grants (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('handover', 'breakGlass')),
        visitor_id INTEGER NOT NULL REFERENCES visitors(id),
        author_id INTEGER NOT NULL REFERENCES users(id),
        recipient_id INTEGER NOT NULL REFERENCES users(id),
        -- Her notes public key when the grant was made: a handover's later notes are wrapped
        -- to it, never to a key published since (it never legitimately changes).
        recipient_key TEXT NOT NULL,
        reason TEXT,
        granted_by INTEGER NOT NULL REFERENCES users(id),
        granted_at TEXT NOT NULL,
        ended_at TEXT,
        author_seen_at TEXT,
        CHECK (kind = 'handover' OR reason IS NOT NULL),
        CHECK (author_id <> recipient_id)
      ) STRICT;
      CREATE INDEX note_grants_by_author ON note_grants(author_id, visitor_id);
      CREATE INDEX note_grants_by_recipient ON note_grants(recipient_id, visitor_id);

      -- A note's key, wrapped for one reader; grant_id is null for the author's own.
      CREATE TABLE note_keys (
        note_id INTEGER NOT NULL REFERENCES session_notes(id),
        reader_id INTEGER NOT NULL REFERENCES users(id),
        grant_id INTEGER REFERENCES note_grants(id),
        wrapped TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (note_id, reader_id)
      ) STRICT;
      CREATE INDEX note_keys_by_reader ON note_keys(reader_id);

      -- What she is typing, sealed under a key derived from her secret: never in the plain drafts table.
      CREATE TABLE note_drafts (
        user_id INTEGER NOT NULL REFERENCES users(id),
        draft_key TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (user_id, draft_key)
      ) STRICT;

      -- A user who logged in without her secret (after a password reset): her notes are
      -- closed. Only auth.recover opens them again, with her present: the recovery-key
      -- holder types the key, she types her own new password, and her secret goes from
      -- escrow straight into her new slot (then the row goes). No administrator call can.
      CREATE TABLE notes_secret_missing (
        user_id INTEGER PRIMARY KEY REFERENCES users(id),
        missing_since TEXT NOT NULL
      ) STRICT;
    `);
  },
};
