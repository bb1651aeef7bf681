import type { Db } from '../db/database';
import type { CountedKind } from './format';

/** Each counted kind's table; a backup from an older schema may lack some (counted 0). */
const TABLES: Record<CountedKind, string> = {
  users: 'users',
  visitors: 'visitors',
  intakes: 'intakes',
  referrals: 'referrals',
  appointments: 'appointments',
  notes: 'session_notes',
  auditEntries: 'audit',
};

/** Where a record's last change is written, for "the newest record's date". */
const CHANGED: [string, string][] = [
  ['visitors', 'updated_at'],
  ['intakes', 'created_at'],
  ['referrals', 'updated_at'],
  ['appointments', 'updated_at'],
  ['session_notes', 'updated_at'],
];

function tablesOf(db: Db): Set<string> {
  return new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
}

export function recordCounts(db: Db): { counts: Record<CountedKind, number>; newestRecordAt: string | null } {
  const tables = tablesOf(db);
  const counts = Object.fromEntries(
    Object.entries(TABLES).map(([kind, table]) => [kind, tables.has(table) ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0]),
  ) as Record<CountedKind, number>;
  let newest: string | null = null;
  for (const [table, column] of CHANGED) {
    if (!tables.has(table)) continue;
    const row = db.prepare(`SELECT max(${column}) AS at FROM ${table}`).get() as { at: string | null };
    if (row.at && (!newest || row.at > newest)) newest = row.at;
  }
  return { counts, newestRecordAt: newest };
}

/** The administrators whose password opens a backup: active, with the admin role. */
export function activeAdministratorIds(db: Db): number[] {
  return (
    db.prepare(`SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'admin' WHERE u.status = 'active' ORDER BY u.id`).all() as { id: number }[]
  ).map((r) => r.id);
}

export function integrityProblems(db: Db): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
}
