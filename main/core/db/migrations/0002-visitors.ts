import type { Migration } from './types';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const migration: Migration = {
  version: 2,
  name: 'visitors',
  up(db) {
    db.exec(`
      -- One counter per prefix and year: codes such as NDR-2026-0042, allocated inside the
      -- registering transaction so two registrations can never get the same number.
      CREATE TABLE visitor_codes (
        prefix TEXT NOT NULL,
        year INTEGER NOT NULL,
        last INTEGER NOT NULL,
        PRIMARY KEY (prefix, year)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE visitors (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        first_name TEXT,
        last_name TEXT,
        alias TEXT,
        sex TEXT NOT NULL CHECK (sex IN (${list(['female', 'male', 'other', 'undisclosed'])})),
        birth_year INTEGER,
        birth_year_estimated INTEGER NOT NULL DEFAULT 0,
        -- kept after anonymisation instead of the year: '1990-1994'
        birth_year_band TEXT,
        nationality TEXT,
        languages TEXT NOT NULL DEFAULT '[]',
        interpreter_needed INTEGER NOT NULL DEFAULT 0,
        interpreter_language TEXT,
        phone TEXT,
        family_situation TEXT,
        children_count INTEGER NOT NULL DEFAULT 0,
        housing TEXT,
        arrival_month TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        updated_at TEXT NOT NULL,
        last_activity_at TEXT NOT NULL,
        anonymised_at TEXT,
        anonymised_by INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX visitors_by_phone ON visitors(phone) WHERE phone IS NOT NULL;
      CREATE INDEX visitors_by_activity ON visitors(last_activity_at) WHERE anonymised_at IS NULL;
      CREATE INDEX visitors_by_birth_year ON visitors(birth_year);

      -- Folded code, names, alias and phone; rowid = visitor id. Contentless: the text is
      -- only in the index, and a deleted row leaves nothing to read back.
      CREATE VIRTUAL TABLE visitor_search USING fts5(
        text, tokenize = 'trigram remove_diacritics 1', content = '', contentless_delete = 1
      );

      CREATE TABLE visitor_changes (
        id INTEGER PRIMARY KEY,
        visitor_id INTEGER NOT NULL REFERENCES visitors(id),
        field TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT,
        changed_at TEXT NOT NULL,
        changed_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX visitor_changes_by_visitor ON visitor_changes(visitor_id, id);

      CREATE TABLE consents (
        id INTEGER PRIMARY KEY,
        visitor_id INTEGER NOT NULL REFERENCES visitors(id),
        kind TEXT NOT NULL CHECK (kind IN (${list(['dataProcessing', 'referrals', 'phoneContact', 'reporting'])})),
        granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX consents_by_visitor ON consents(visitor_id, kind, id);

      CREATE TABLE intakes (
        id INTEGER PRIMARY KEY,
        visitor_id INTEGER NOT NULL REFERENCES visitors(id),
        visit_date TEXT NOT NULL,
        needs TEXT NOT NULL DEFAULT '[]',
        urgency TEXT NOT NULL CHECK (urgency IN ('low', 'medium', 'high')),
        orientation TEXT NOT NULL,
        desk_notes TEXT,
        vulnerabilities TEXT NOT NULL DEFAULT '[]',
        violence_disclosed INTEGER NOT NULL DEFAULT 0 CHECK (violence_disclosed IN (0, 1)),
        referred_to_listening INTEGER NOT NULL DEFAULT 0 CHECK (referred_to_listening IN (0, 1)),
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX intakes_by_visitor ON intakes(visitor_id, visit_date);

      -- The type of violence disclosed: psychologists only (the router and the service both check).
      CREATE TABLE disclosures (
        intake_id INTEGER PRIMARY KEY REFERENCES intakes(id),
        violence_type TEXT NOT NULL CHECK (violence_type IN (${list(['rape', 'sexualAssault', 'physicalAssault', 'forcedMarriage', 'denialOfResources', 'psychologicalAbuse'])})),
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;

      -- A form left half-filled, kept inside the encrypted database (never in browser storage).
      CREATE TABLE drafts (
        user_id INTEGER NOT NULL REFERENCES users(id),
        form TEXT NOT NULL,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (user_id, form)
      ) STRICT;

      CREATE TABLE partners (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('hospital', 'publicService', 'association', 'community')),
        services TEXT NOT NULL DEFAULT '[]',
        address TEXT,
        phone TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE referrals (
        id INTEGER PRIMARY KEY,
        visitor_id INTEGER NOT NULL REFERENCES visitors(id),
        partner_id INTEGER NOT NULL REFERENCES partners(id),
        service TEXT NOT NULL,
        referred_on TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('proposed', 'sent', 'accepted', 'done', 'refused', 'cancelled')),
        status_reason TEXT,
        follow_up_on TEXT,
        consent_override_reason TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX referrals_by_visitor ON referrals(visitor_id);
      CREATE INDEX referrals_follow_up ON referrals(follow_up_on) WHERE status IN ('proposed', 'sent', 'accepted');

      CREATE TABLE referral_events (
        id INTEGER PRIMARY KEY,
        referral_id INTEGER NOT NULL REFERENCES referrals(id),
        status TEXT NOT NULL,
        reason TEXT,
        at TEXT NOT NULL,
        by_user INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX referral_events_by_referral ON referral_events(referral_id, id);
    `);

    // The partners the field works with, pre-filled and editable by administrators.
    const now = new Date().toISOString();
    const insert = db.prepare(
      'INSERT INTO partners (name, kind, services, address, phone, active, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, 1, ?, ?)',
    );
    for (const [name, kind, services, address] of [
      ["Cellule d'écoute psychosociale – Hôpital Al-Hassani", 'hospital', ['psychosocial', 'health', 'maternalHealth'], 'Hôpital Al-Hassani, Nador'],
      ['Direction provinciale de la Santé et de la Protection sociale – Nador', 'publicService', ['health', 'maternalHealth'], 'Nador'],
      ['Association Al Jil Aljadid', 'association', ['education', 'coaching', 'darijaCourse'], 'Nador'],
      ['Communautés et associations migrantes locales', 'community', ['housing', 'foodKit', 'livelihood'], 'Nador'],
    ] as const) {
      insert.run(name, kind, JSON.stringify(services), address, now, now);
    }
  },
};
