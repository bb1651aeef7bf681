import type { Migration } from './types';

/**
 * The partners 0002 pre-fills since 878a5d6, exactly as it writes them (address, services
 * as JSON, no phone, active).
 */
const FIELD_PARTNERS = [
  ["Cellule d'écoute psychosociale – Hôpital Al-Hassani", 'hospital', ['psychosocial', 'health', 'maternalHealth'], 'Hôpital Al-Hassani, Nador'],
  ['Direction provinciale de la Santé et de la Protection sociale – Nador', 'publicService', ['health', 'maternalHealth'], 'Nador'],
  ['Association Al Jil Aljadid', 'association', ['education', 'coaching', 'darijaCourse'], 'Nador'],
  ['Communautés et associations migrantes locales', 'community', ['housing', 'foodKit', 'livelihood'], 'Nador'],
] as const;

/**
 * Brings a version-2 database made by any landed 0002-visitors.ts to what the current
 * 0002 makes. 0002 was edited in place twice after it landed on main, and a desk already
 * at version 2 never runs an edited migration again. The three landed versions differ in
 * exactly this (the rest of their SQL is byte for byte the same):
 *
 * - d01e775 (first landing): tables and indexes; no partner, no index on referral_events.
 * - 878a5d6 adds the four field partners above (INSERT INTO partners, one instant for all
 *   four, ids 1–4 of an empty table).
 * - 6fa9de1 adds `CREATE INDEX referral_events_by_referral ON referral_events(referral_id, id)`.
 *
 * Idempotent: on a database made by the current 0002 it changes nothing.
 */
export const migration: Migration = {
  version: 3,
  name: 'visitors-catch-up',
  up(db, { now }) {
    db.exec('CREATE INDEX IF NOT EXISTS referral_events_by_referral ON referral_events(referral_id, id)');

    // Partners are never deleted, so a desk whose 0002 pre-filled still has rows 1–4 with one
    // created_at; an administrator may have renamed them since, and a renamed one must not
    // come back under its old name. A desk without them (d01e775) gets each one it lacks.
    const { prefilled } = db
      .prepare(
        `SELECT count(*) = 4 AS prefilled FROM partners
           WHERE id BETWEEN 1 AND 4 AND created_at = (SELECT created_at FROM partners WHERE id = 1)`,
      )
      .get() as { prefilled: 0 | 1 };
    if (prefilled) return;
    const exists = db.prepare('SELECT 1 FROM partners WHERE trim(name) = ? COLLATE NOCASE');
    const insert = db.prepare(
      'INSERT INTO partners (name, kind, services, address, phone, active, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, 1, ?, ?)',
    );
    const at = now.toISOString();
    for (const [name, kind, services, address] of FIELD_PARTNERS) {
      if (!exists.get(name)) insert.run(name, kind, JSON.stringify(services), address, at, at);
    }
  },
};
