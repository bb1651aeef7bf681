import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getUser } from '../../main/core/accounts/service';
import { verifyAudit } from '../../main/core/audit/service';
import { openDatabase, runMigration, schemaVersion, type Db } from '../../main/core/db/database';
import { LATEST_VERSION, MIGRATIONS } from '../../main/core/db/migrations';
import { listPartners, referralsOf } from '../../main/core/referrals/service';
import { readSettings } from '../../main/core/settings/service';
import { searchVisitors } from '../../main/core/visitors/service';
import { migration as landedFirst } from '../fixtures/landed-migrations/0002-visitors.d01e775';
import { migration as landedWithPartners } from '../fixtures/landed-migrations/0002-visitors.878a5d6';
import {
  applyLandedMigration,
  contentsOf,
  databaseAt,
  emptyDatabase,
  schemaOf,
  updateToVersion,
  type VersionedDatabase,
} from '../support/schema-versions';

/** When each version's app wrote its rows, and when the desk was upgraded: fixed, whatever the day the tests run. */
const AT_VERSION_1 = '2026-01-05T08:00:00.000Z';
const AT_VERSION_2 = '2026-03-10T09:30:00.000Z';
const UPGRADED_AT = new Date('2026-12-01T10:00:00.000Z');

const FIELD_PARTNER_NAMES = [
  "Cellule d'écoute psychosociale – Hôpital Al-Hassani",
  'Direction provinciale de la Santé et de la Protection sociale – Nador',
  'Association Al Jil Aljadid',
  'Communautés et associations migrantes locales',
];

const opened: VersionedDatabase[] = [];
afterEach(() => {
  for (const made of opened.splice(0)) made.dispose();
});

function at(version: number): VersionedDatabase {
  const made = databaseAt(version, new Date(AT_VERSION_1));
  opened.push(made);
  return made;
}

/**
 * Audit rows as the app has chained them since version 1 (main/core/audit/service.ts has
 * not changed since d238f2d): each hash covers the previous one, the id and the fields.
 */
function writeAuditEntries(db: Db, entries: { at: string; userId: number | null; action: string; entity: string | null; entityId: string | null; detail: string | null }[]): void {
  const head = db.prepare(`SELECT value FROM meta WHERE key = 'audit_head'`).get() as { value: string } | undefined;
  let { id, hash } = head ? (JSON.parse(head.value) as { id: number; hash: string }) : { id: 0, hash: '0'.repeat(64) };
  const insert = db.prepare(
    'INSERT INTO audit (id, at, user_id, action, entity, entity_id, outcome, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const e of entries) {
    id += 1;
    const fields = [id, e.at, e.userId, e.action, e.entity, e.entityId, 'success', e.detail];
    const next = createHash('sha256').update(`${hash}|${JSON.stringify(fields)}`).digest('hex');
    insert.run(id, e.at, e.userId, e.action, e.entity, e.entityId, 'success', e.detail, hash, next);
    hash = next;
  }
  db.prepare(`INSERT INTO meta (key, value) VALUES ('audit_head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(JSON.stringify({ id, hash }));
}

/** What version 1's app wrote: the desk's facts, two accounts and their roles, a setting, the audit chain. */
function writeAsVersion1(db: Db): void {
  db.exec(`
    INSERT INTO meta (key, value) VALUES ('vault_id', 'b3f1c2d4-upgrade-test'), ('created_at', '${AT_VERSION_1}'), ('vault_generation', '3');
    INSERT INTO users (id, login, login_key, display_name, language, status, must_change_password, secret_escrow, created_at, updated_at, last_login_at) VALUES
      (1, 'Amina', 'amina', 'Amina Admin', 'fr', 'active', 0, 'sealed-escrow-1', '${AT_VERSION_1}', '${AT_VERSION_1}', '${AT_VERSION_1}'),
      (2, 'fatima', 'fatima', 'فاطمة', 'ar', 'active', 1, NULL, '${AT_VERSION_1}', '${AT_VERSION_1}', NULL);
    INSERT INTO user_roles (user_id, role) VALUES (1, 'admin'), (2, 'desk');
    INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('idleLockMinutes', '10', '${AT_VERSION_1}', 1);
  `);
  writeAuditEntries(db, [
    { at: AT_VERSION_1, userId: 1, action: 'setup.create', entity: 'user', entityId: '1', detail: 'roles: — → admin' },
    { at: AT_VERSION_1, userId: 1, action: 'users.create', entity: 'user', entityId: '2', detail: 'roles: — → desk' },
    { at: AT_VERSION_1, userId: 1, action: 'settings.update', entity: null, entityId: null, detail: null },
  ]);
}

/** What version 2's app wrote: a visitor with her search entry, consents, a change, an intake with a disclosure, a referral to `partnerId` and its events, a draft. */
function writeAsVersion2(db: Db, partnerId: number): void {
  const t = AT_VERSION_2;
  db.exec(`
    INSERT INTO visitor_codes (prefix, year, last) VALUES ('NDR', 2026, 1);
    INSERT INTO visitors (id, code, first_name, last_name, alias, sex, birth_year, birth_year_estimated, nationality, languages,
        interpreter_needed, interpreter_language, phone, family_situation, children_count, housing, arrival_month,
        created_at, created_by, updated_at, last_activity_at) VALUES
      (1, 'NDR-2026-0001', 'Aïssatou', 'Diallo', NULL, 'female', 1998, 1, 'GN', '["fr","ff"]', 1, 'ff', '+212612345678',
        'singleWithChildren', 2, 'informal', '2025-11', '${t}', 2, '${t}', '${t}');
    INSERT INTO visitor_search (rowid, text) VALUES (1, 'ndr 2026 0001 aissatou diallo 212612345678 0612345678');
    INSERT INTO visitor_changes (visitor_id, field, old_value, new_value, changed_at, changed_by) VALUES (1, 'phone', 'null', '"+212612345678"', '${t}', 2);
    INSERT INTO consents (visitor_id, kind, granted, recorded_at, recorded_by) VALUES
      (1, 'dataProcessing', 1, '${t}', 2), (1, 'referrals', 1, '${t}', 2), (1, 'phoneContact', 0, '${t}', 2), (1, 'reporting', 1, '${t}', 2);
    INSERT INTO intakes (id, visitor_id, visit_date, needs, urgency, orientation, desk_notes, vulnerabilities, violence_disclosed,
        referred_to_listening, created_at, created_by) VALUES
      (1, 1, '2026-03-10', '["health","housing"]', 'high', 'listeningUnit', 'Arrivée avec ses deux enfants', '["pregnant"]', 1, 1, '${t}', 2);
    INSERT INTO disclosures (intake_id, violence_type, recorded_at, recorded_by) VALUES (1, 'physicalAssault', '${t}', 2);
    INSERT INTO referrals (id, visitor_id, partner_id, service, referred_on, status, status_reason, follow_up_on, consent_override_reason,
        created_at, created_by, updated_at) VALUES
      (1, 1, ${partnerId}, 'health', '2026-03-10', 'sent', NULL, '2026-03-17', NULL, '${t}', 2, '${t}');
    INSERT INTO referral_events (referral_id, status, reason, at, by_user) VALUES (1, 'proposed', NULL, '${t}', 2), (1, 'sent', NULL, '${t}', 2);
    INSERT INTO drafts (user_id, form, data, updated_at) VALUES (2, 'intake:1', '{"needs":["food"]}', '${t}');
  `);
  writeAuditEntries(db, [
    { at: t, userId: 2, action: 'visitors.register', entity: 'visitor', entityId: '1', detail: null },
    { at: t, userId: 2, action: 'intakes.record', entity: 'intake', entityId: '1', detail: null },
    { at: t, userId: 2, action: 'referrals.create', entity: 'referral', entityId: '1', detail: null },
  ]);
}

/** Partners an administrator added on a desk whose 0002 had pre-filled none: one under a field partner's name. */
function writeAdministratorsPartners(db: Db): void {
  db.exec(`
    INSERT INTO partners (id, name, kind, services, address, phone, active, created_at, updated_at) VALUES
      (1, 'association al jil aljadid ', 'association', '["education"]', 'Nador', '+212536000000', 1, '2026-02-01T10:00:00.000Z', '2026-02-01T10:00:00.000Z'),
      (2, 'Médecins du Monde – Nador', 'association', '["health"]', NULL, NULL, 1, '2026-02-01T10:05:00.000Z', '2026-02-02T08:00:00.000Z');
  `);
}

function expectRowsKept(before: Record<string, unknown[]>, after: Record<string, unknown[]>, except: string[] = []): void {
  for (const [table, rows] of Object.entries(before)) {
    if (except.includes(table)) continue;
    expect(after[table], table).toEqual(rows);
  }
}

function indexUsedBy(db: Db, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1) as { detail: string }[]).map((row) => row.detail).join('; ');
}

/** The schema a new desk had at `version`. */
function schemaAt(version: number) {
  return schemaOf(at(version).db);
}

describe('upgrading a database written by an older app', () => {
  it('1 → 2: accounts, roles, settings and the audit chain stay; the visitors tables and the field partners appear', () => {
    const { db } = at(1);
    writeAsVersion1(db);
    const before = contentsOf(db);

    updateToVersion(db, 2, UPGRADED_AT);

    expectRowsKept(before, contentsOf(db));
    const tables = schemaOf(db).filter((o) => o.type === 'table').map((o) => o.name);
    for (const table of ['visitors', 'consents', 'intakes', 'disclosures', 'drafts', 'partners', 'referrals', 'referral_events', 'visitor_search']) {
      expect(tables).toContain(table);
    }
    expect(listPartners(db, true).map((p) => p.name).sort()).toEqual([...FIELD_PARTNER_NAMES].sort());
    expect(getUser(db, 2)).toMatchObject({ login: 'fatima', roles: ['desk'], mustChangePassword: true, language: 'ar' });
    expect(readSettings(db).idleLockMinutes).toBe(10);
    expect(verifyAudit(db)).toMatchObject({ intact: true, entries: 3 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('2 → 3: a database made by the current 0002 keeps every row, and 0003 adds nothing it has', () => {
    const { db } = at(2);
    writeAsVersion1(db);
    writeAsVersion2(db, 1);
    const before = contentsOf(db);
    const schemaBefore = schemaOf(db);

    updateToVersion(db, 3, UPGRADED_AT);

    expect(contentsOf(db)).toEqual(before);
    expect(schemaOf(db)).toEqual(schemaBefore);
    expect(listPartners(db, true)).toHaveLength(4);
    expect(db.prepare(`SELECT rowid FROM visitor_search WHERE visitor_search MATCH 'diallo'`).pluck().all()).toEqual([1]);
    expect(referralsOf(db, 1).map((r) => r.events.map((e) => e.status))).toEqual([['proposed', 'sent']]);
    expect(verifyAudit(db)).toMatchObject({ intact: true, entries: 6 });
  });

  it('2 as it first landed (d01e775) → 3: the index on referral events and the missing field partners are added, the administrators’ partners kept', () => {
    const made = at(1);
    const { db } = made;
    writeAsVersion1(db);
    applyLandedMigration(db, landedFirst, new Date(AT_VERSION_1));
    expect(schemaOf(db).map((o) => o.name)).not.toContain('referral_events_by_referral');
    expect(indexUsedBy(db, 'SELECT * FROM referral_events WHERE referral_id = ?')).toMatch(/SCAN referral_events/);
    writeAdministratorsPartners(db);
    writeAsVersion2(db, 2);
    const before = contentsOf(db);

    updateToVersion(db, 3, UPGRADED_AT);

    const after = contentsOf(db);
    expectRowsKept(before, after, ['partners']);
    expect(after.partners.slice(0, 2)).toEqual(before.partners);
    // The administrator's "association al jil aljadid " is that partner: it is not added twice.
    expect(db.prepare('SELECT name, created_at FROM partners WHERE id > 2 ORDER BY id').raw().all()).toEqual([
      [FIELD_PARTNER_NAMES[0], UPGRADED_AT.toISOString()],
      [FIELD_PARTNER_NAMES[1], UPGRADED_AT.toISOString()],
      [FIELD_PARTNER_NAMES[3], UPGRADED_AT.toISOString()],
    ]);
    expect(indexUsedBy(db, 'SELECT * FROM referral_events WHERE referral_id = ?')).toMatch(/USING INDEX referral_events_by_referral/);
    expect(schemaOf(db)).toEqual(schemaAt(3));
    expect(referralsOf(db, 1)[0]).toMatchObject({ partnerName: 'Médecins du Monde – Nador', status: 'sent' });
    expect(verifyAudit(db)).toMatchObject({ intact: true, entries: 6 });

    // The app opens it and runs what later versions add: every row is still there, column for column
    // (a later migration may add columns, so each row is matched on the columns it had).
    db.close();
    const reopened = openDatabase(made.path, made.key, { create: false, now: new Date('2027-01-01T00:00:00.000Z') });
    try {
      expect(schemaVersion(reopened)).toBe(LATEST_VERSION);
      const opened = contentsOf(reopened);
      // 0005 builds the search index again, keyed by recency: its inner tables differ, what it finds does not.
      for (const [table, rows] of Object.entries(after)) if (!table.startsWith('visitor_search')) expect(opened[table], table).toMatchObject(rows);
      expect(searchVisitors(reopened, 'diallo', 10, UPGRADED_AT).items.map((v) => v.code)).toEqual(['NDR-2026-0001']);
    } finally {
      reopened.close();
    }
  });

  it('2 as landed with the field partners (878a5d6) → 3: the index is added, and a field partner an administrator renamed does not come back', () => {
    const { db } = at(1);
    writeAsVersion1(db);
    applyLandedMigration(db, landedWithPartners, new Date(AT_VERSION_1));
    db.prepare(`UPDATE partners SET name = 'Al Jil Aljadid (Nador)', updated_at = ? WHERE id = 3`).run(AT_VERSION_2);
    writeAsVersion2(db, 3);
    const before = contentsOf(db);

    updateToVersion(db, 3, UPGRADED_AT);

    expect(contentsOf(db)).toEqual(before);
    expect(listPartners(db, true).map((p) => p.name)).not.toContain('Association Al Jil Aljadid');
    expect(schemaOf(db)).toEqual(schemaAt(3));
  });

  it('3 run again changes nothing (it is idempotent)', () => {
    const { db } = at(1);
    writeAsVersion1(db);
    applyLandedMigration(db, landedFirst, new Date(AT_VERSION_1));
    updateToVersion(db, 3, UPGRADED_AT);
    const before = contentsOf(db);
    const schemaBefore = schemaOf(db);

    runMigration(db, MIGRATIONS[2], { now: new Date('2027-06-01T00:00:00.000Z') });

    expect(contentsOf(db)).toEqual(before);
    expect(schemaOf(db)).toEqual(schemaBefore);
  });

  it('3 → 4: every disclosure is kept, and one that fits no GBVIMS type can now be recorded as unclassified', () => {
    const { db } = at(3);
    writeAsVersion1(db);
    writeAsVersion2(db, 1);
    const before = contentsOf(db);
    const insertUnclassified = () =>
      db.prepare(`INSERT INTO disclosures (intake_id, violence_type, recorded_at, recorded_by) VALUES (2, 'unclassified', ?, 2)`).run(AT_VERSION_2);
    db.prepare(`INSERT INTO intakes (id, visitor_id, visit_date, needs, urgency, orientation, vulnerabilities, violence_disclosed, referred_to_listening, created_at, created_by)
      VALUES (2, 1, '2026-03-10', '[]', 'high', 'listeningUnit', '[]', 1, 1, ?, 2)`).run(AT_VERSION_2);
    expect(insertUnclassified).toThrow(/CHECK constraint failed/);

    updateToVersion(db, 4, UPGRADED_AT);

    expect(contentsOf(db).disclosures).toEqual(before.disclosures);
    expectRowsKept(before, contentsOf(db), ['intakes']);
    insertUnclassified();
    expect(() => db.prepare(`UPDATE disclosures SET violence_type = 'somethingElse' WHERE intake_id = 2`).run()).toThrow(/CHECK constraint failed/);
    expect(schemaOf(db)).toEqual(schemaAt(4));
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(verifyAudit(db)).toMatchObject({ intact: true, entries: 6 });
  });

  it('4 → 5: the search index is keyed by recency, built again from the rows: same finds, most recent first, an anonymised visitor by her code only', () => {
    const { db } = at(4);
    writeAsVersion1(db);
    writeAsVersion2(db, 1);
    // Two more as version 4's app wrote them: one seen since (later activity, lower id than
    // it would need), one anonymised, whose entry holds her code alone.
    db.exec(`
      INSERT INTO visitors (id, code, first_name, last_name, alias, sex, birth_year, birth_year_estimated, nationality, languages,
          interpreter_needed, interpreter_language, phone, family_situation, children_count, housing, arrival_month,
          created_at, created_by, updated_at, last_activity_at, anonymised_at, anonymised_by, birth_year_band) VALUES
        (2, 'NDR-2026-0002', 'فاطمة', 'عبد الرحمن', 'Oum Ali', 'female', 1988, 0, 'SD', '["ar"]', 0, NULL, NULL,
          NULL, 0, NULL, NULL, '${AT_VERSION_2}', 2, '${AT_VERSION_2}', '2026-06-01T09:00:00.000Z', NULL, NULL, NULL),
        (3, 'NDR-2026-0003', NULL, NULL, NULL, 'female', NULL, 0, 'GN', '[]', 0, NULL, NULL,
          NULL, 0, NULL, NULL, '${AT_VERSION_2}', 2, '${AT_VERSION_2}', '2026-04-01T09:00:00.000Z', '2026-11-01T09:00:00.000Z', 1, '1990-1994');
      INSERT INTO visitor_search (rowid, text) VALUES (2, 'ndr-2026-0002 فاطمه عبد الرحمن oum ali'), (3, 'ndr-2026-0003');
    `);
    const before = contentsOf(db);

    updateToVersion(db, 5, UPGRADED_AT);

    const after = contentsOf(db);
    expectRowsKept(before, after, ['visitors', ...Object.keys(before).filter((t) => t.startsWith('visitor_search'))]);
    // Every visitor row kept, column for column, with its rank: the order of its recorded activity.
    expect(after.visitors).toMatchObject(before.visitors);
    expect(db.prepare('SELECT id, search_rank FROM visitors ORDER BY id').raw().all()).toEqual([[1, 1], [2, 3], [3, 2]]);
    const codes = (query: string) => searchVisitors(db, query, 10, UPGRADED_AT).items.map((v) => v.code);
    expect(codes('NDR-2026')).toEqual(['NDR-2026-0002', 'NDR-2026-0003', 'NDR-2026-0001']);
    expect(codes('diallo')).toEqual(['NDR-2026-0001']);
    expect(codes('0612 34')).toEqual(['NDR-2026-0001']);
    expect(codes('فاطمة')).toEqual(['NDR-2026-0002']);
    expect(codes('oum')).toEqual(['NDR-2026-0002']);
    expect(codes('0003')).toEqual(['NDR-2026-0003']);
    expect(codes('1990')).toEqual([]);
    expect(schemaOf(db)).toEqual(schemaAt(5));
    expect(indexUsedBy(db, 'SELECT * FROM visitors WHERE search_rank = ?')).toMatch(/USING INDEX visitors_by_search_rank/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(verifyAudit(db)).toMatchObject({ intact: true, entries: 6 });
  });

  it('6 → 7: every row is kept; the notes tables arrive empty, bound to visitors, appointments and users', () => {
    const { db } = at(6);
    writeAsVersion1(db);
    writeAsVersion2(db, 1);
    const before = contentsOf(db);

    updateToVersion(db, 7, UPGRADED_AT);

    expectRowsKept(before, contentsOf(db));
    expect(schemaOf(db)).toEqual(schemaAt(7));
    for (const table of ['session_notes', 'note_keys', 'note_grants', 'note_drafts', 'notes_public_keys', 'notes_secret_missing']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    expect(() =>
      db.prepare(`INSERT INTO session_notes (visitor_id, appointment_id, author_id, body, created_at, updated_at) VALUES (1, 99, 2, '{}', ?, ?)`).run(AT_VERSION_2, AT_VERSION_2),
    ).toThrow(/FOREIGN KEY/);
    db.prepare(`INSERT INTO session_notes (visitor_id, appointment_id, author_id, body, created_at, updated_at) VALUES (1, NULL, 2, '{}', ?, ?)`).run(AT_VERSION_2, AT_VERSION_2);
    // A grant to oneself, or a break-glass without its reason, cannot be stored.
    const grant = db.prepare(`INSERT INTO note_grants (kind, visitor_id, author_id, recipient_id, recipient_key, reason, granted_by, granted_at) VALUES (?, 1, 2, ?, 'k', ?, 1, ?)`);
    expect(() => grant.run('handover', 2, null, AT_VERSION_2)).toThrow(/CHECK/);
    expect(() => grant.run('breakGlass', 1, null, AT_VERSION_2)).toThrow(/CHECK/);
    expect(indexUsedBy(db, 'SELECT * FROM session_notes WHERE visitor_id = ?')).toMatch(/USING INDEX session_notes_by_visitor/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(verifyAudit(db)).toMatchObject({ intact: true, entries: 6 });
  });

  it('7 → 8: every row is kept, and the no-show count reads its own index alone', () => {
    const { db } = at(7);
    writeAsVersion1(db);
    writeAsVersion2(db, 1);
    const before = contentsOf(db);

    updateToVersion(db, 8, UPGRADED_AT);

    expectRowsKept(before, contentsOf(db));
    expect(schemaOf(db)).toEqual(schemaAt(8));
    expect(indexUsedBy(db, `SELECT count(*) FROM appointments WHERE visitor_id = ? AND status = 'noShow'`)).toMatch(/USING COVERING INDEX appointments_no_shows/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(verifyAudit(db)).toMatchObject({ intact: true, entries: 6 });
  });

  it('8 → 9: every row is kept; the activities tables arrive with the four kinds the field runs, bound to places, visitors and users', () => {
    const { db } = at(8);
    writeAsVersion1(db);
    writeAsVersion2(db, 1);
    const before = contentsOf(db);

    updateToVersion(db, 9, UPGRADED_AT);

    expectRowsKept(before, contentsOf(db));
    expect(schemaOf(db)).toEqual(schemaAt(9));
    expect(db.prepare('SELECT key FROM activity_kinds ORDER BY id').pluck().all()).toEqual(['darija', 'coaching', 'healthInfo', 'other']);
    for (const table of ['activities', 'activity_sessions', 'activity_session_events', 'enrolments', 'attendance', 'events', 'event_headcounts', 'event_participants']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    const activity = db.prepare(`INSERT INTO activities (kind_id, title, facilitator, place_id, capacity, created_at, created_by, updated_at) VALUES (1, 'Darija', 'Samira', 1, ?, ?, 1, ?)`);
    // A capacity of zero cannot be stored, nor an enrolment of someone who is not a visitor.
    expect(() => activity.run(0, AT_VERSION_2, AT_VERSION_2)).toThrow(/CHECK/);
    activity.run(12, AT_VERSION_2, AT_VERSION_2);
    expect(() => db.prepare(`INSERT INTO enrolments (activity_id, visitor_id, enrolled_at, enrolled_by) VALUES (1, 99, ?, 1)`).run(AT_VERSION_2)).toThrow(/FOREIGN KEY/);
    // An event is somewhere: one of the desk's places, or a location written out.
    expect(() => db.prepare(`INSERT INTO events (kind, title, day, created_at, created_by, updated_at) VALUES ('fair', 'Foire', '2026-12-05', ?, 1, ?)`).run(AT_VERSION_2, AT_VERSION_2)).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(verifyAudit(db)).toMatchObject({ intact: true, entries: 6 });
  });

  it('9 → 10: every row is kept; the childcare tables arrive empty, bound to visitors, activity sessions, places and users', () => {
    const { db } = at(9);
    writeAsVersion1(db);
    writeAsVersion2(db, 1);
    const before = contentsOf(db);

    updateToVersion(db, 10, UPGRADED_AT);

    expectRowsKept(before, contentsOf(db));
    expect(schemaOf(db)).toEqual(schemaAt(10));
    for (const table of ['children', 'child_adults', 'childcare_slots', 'childcare_ratios', 'childcare_bookings']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    const child = db.prepare(`INSERT INTO children (mother_id, birth_date, age_years, age_given_on, sex, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, 'female', ?, 1, ?)`);
    // A child has a birth date or an approximate age, and a mother who is a visitor.
    expect(() => child.run(1, null, null, null, AT_VERSION_2, AT_VERSION_2)).toThrow(/CHECK/);
    expect(() => child.run(99, '2024-05-01', null, null, AT_VERSION_2, AT_VERSION_2)).toThrow(/FOREIGN KEY/);
    child.run(1, '2024-05-01', null, null, AT_VERSION_2, AT_VERSION_2);
    const slot = db.prepare(`INSERT INTO childcare_slots (session_id, starts_at, ends_at, place_id, capacity, age_unit, min_age, max_age, created_at, created_by, updated_at) VALUES (NULL, '2026-12-07T09:00:00.000Z', '2026-12-07T11:00:00.000Z', 1, ?, 'years', 0, 2, ?, 1, ?)`);
    // A capacity of zero or less cannot be stored.
    expect(() => slot.run(0, AT_VERSION_2, AT_VERSION_2)).toThrow(/CHECK/);
    expect(() => slot.run(-1, AT_VERSION_2, AT_VERSION_2)).toThrow(/CHECK/);
    slot.run(8, AT_VERSION_2, AT_VERSION_2);
    const booking = db.prepare(`INSERT INTO childcare_bookings (slot_id, child_id, status, requested_at, requested_by, pickup_code, code_day, updated_at) VALUES (1, 1, ?, ?, 1, ?, ?, ?)`);
    booking.run('checkedIn', AT_VERSION_2, 'K7M', '2026-12-07', AT_VERSION_2);
    // One live booking per child and slot; a code once a day across the desk.
    expect(() => booking.run('booked', AT_VERSION_2, null, null, AT_VERSION_2)).toThrow(/UNIQUE/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(verifyAudit(db)).toMatchObject({ intact: true, entries: 6 });
  });

  it('a new desk gets the four field partners once: 0002 writes them, 0003 sees them', () => {
    const made = emptyDatabase();
    opened.push(made);
    updateToVersion(made.db, LATEST_VERSION, UPGRADED_AT);
    expect(listPartners(made.db, true).map((p) => p.name).sort()).toEqual([...FIELD_PARTNER_NAMES].sort());
  });

  it('refuses to go backwards or past the latest version', () => {
    const { db } = at(2);
    expect(() => updateToVersion(db, 1, UPGRADED_AT)).toThrow(RangeError);
    expect(() => updateToVersion(db, LATEST_VERSION + 1, UPGRADED_AT)).toThrow(RangeError);
    expect(schemaVersion(db)).toBe(2);
  });
});

/** `git hash-object`: the id git gives a file's content (line endings as git stores them). */
function gitBlobId(file: string): string {
  const content = Buffer.from(readFileSync(file, 'utf8').replace(/\r\n/g, '\n'), 'utf8');
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

describe('the earlier landings of 0002 the upgrade tests run', () => {
  const fixtures = join(import.meta.dirname, '../fixtures/landed-migrations');

  it('are the files exactly as they landed (their git blob ids at d01e775 and 878a5d6)', () => {
    expect(gitBlobId(join(fixtures, '0002-visitors.d01e775.ts'))).toBe('1300690ae82b9b2c2376d17f12eac29df7e2cba0');
    expect(gitBlobId(join(fixtures, '0002-visitors.878a5d6.ts'))).toBe('9b86b44495996ae96506f497cb09db4115210adf');
    // And the current 0002 is the third landing, 6fa9de1's, untouched since.
    expect(gitBlobId(join(import.meta.dirname, '../../main/core/db/migrations/0002-visitors.ts'))).toBe('bc569157ec38eacbdd4b62e72d7cd8422d08137e');
  });
});
