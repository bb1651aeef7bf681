import type { Db } from '../db/database';
import { statement } from '../db/statements';
import { CONSENT_KINDS, type ConsentKind } from '../../../shared/domain/visitors';
import type { ConsentRecord, ConsentState } from '../../../shared/domain/visitor-views';
import type { Actor } from '../visitors/service';

/*
 * A visitor's consents: a table and a history of their own, which the visitors', intakes'
 * and referrals' handlers all read (a referral without consent is refused, say).
 */

interface ConsentRow {
  id: number;
  kind: ConsentKind;
  granted: 0 | 1;
  recorded_at: string;
  login: string | null;
}

const toRecord = (row: ConsentRow): ConsentRecord => ({
  id: row.id,
  kind: row.kind,
  granted: row.granted === 1,
  recordedAt: row.recorded_at,
  recordedBy: row.login,
});

/** Each consent is a new row: a withdrawal and a renewed consent stay in the history. */
export function recordConsent(db: Db, actor: Actor, visitorId: number, kind: ConsentKind, granted: boolean, now: Date): void {
  statement(db, 'INSERT INTO consents (visitor_id, kind, granted, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)').run(
    visitorId,
    kind,
    granted ? 1 : 0,
    now.toISOString(),
    actor.id,
  );
}

export function consentHistory(db: Db, visitorId: number): ConsentRecord[] {
  const rows = statement(
    db,
    `SELECT c.id, c.kind, c.granted, c.recorded_at, u.login FROM consents c LEFT JOIN users u ON u.id = c.recorded_by
     WHERE c.visitor_id = ? ORDER BY c.id DESC`,
  ).all(visitorId) as ConsentRow[];
  return rows.map(toRecord);
}

export function currentConsents(db: Db, visitorId: number): ConsentState {
  const state = Object.fromEntries(CONSENT_KINDS.map((k) => [k, null])) as ConsentState;
  for (const record of consentHistory(db, visitorId).reverse()) state[record.kind] = record;
  return state;
}

export function hasConsent(db: Db, visitorId: number, kind: ConsentKind): boolean {
  const row = db
    .prepare('SELECT granted FROM consents WHERE visitor_id = ? AND kind = ? ORDER BY id DESC LIMIT 1')
    .get(visitorId, kind) as { granted: 0 | 1 } | undefined;
  return row?.granted === 1;
}
