import { createHash } from 'node:crypto';
import type { Db } from '../db/database';
import type { AuditEntry, AuditFilter, AuditOutcome, AuditVerification } from '../../../shared/domain/audit';
import { auditFilterSchema } from '../../../shared/domain/audit';

/**
 * The audit log: append-only (triggers refuse UPDATE and DELETE) and hash-chained:
 * each entry's hash covers its id, its fields and the previous entry's hash, and the
 * last hash is kept in `meta`, so an edited, removed, reordered or cut-off entry is
 * found by `verifyAudit`. Entries say who did which act on which id, never content.
 */
export interface AuditRecord {
  at: string;
  userId: number | null;
  action: string;
  entity?: string | null;
  entityId?: string | null;
  outcome: AuditOutcome;
  detail?: string | null;
}

const GENESIS = '0'.repeat(64);

interface AuditRow {
  id: number;
  at: string;
  user_id: number | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  outcome: AuditOutcome;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

function hashOf(row: Omit<AuditRow, 'hash'>): string {
  const fields = [row.id, row.at, row.user_id, row.action, row.entity, row.entity_id, row.outcome, row.detail];
  return createHash('sha256').update(`${row.prev_hash}|${JSON.stringify(fields)}`).digest('hex');
}

function head(db: Db): { id: number; hash: string } {
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'audit_head'`).get() as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as { id: number; hash: string }) : { id: 0, hash: GENESIS };
}

export function appendAudit(db: Db, record: AuditRecord): void {
  db.transaction(() => {
    const previous = head(db);
    const row = {
      id: previous.id + 1,
      at: record.at,
      user_id: record.userId,
      action: record.action,
      entity: record.entity ?? null,
      entity_id: record.entityId ?? null,
      outcome: record.outcome,
      detail: record.detail ?? null,
      prev_hash: previous.hash,
    };
    const hash = hashOf(row);
    db.prepare(
      `INSERT INTO audit (id, at, user_id, action, entity, entity_id, outcome, detail, prev_hash, hash)
       VALUES (@id, @at, @user_id, @action, @entity, @entity_id, @outcome, @detail, @prev_hash, @hash)`,
    ).run({ ...row, hash });
    db.prepare(`INSERT INTO meta (key, value) VALUES ('audit_head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(
      JSON.stringify({ id: row.id, hash }),
    );
  })();
}

export function verifyAudit(db: Db): AuditVerification {
  let previousHash = GENESIS;
  let previousId = 0;
  let entries = 0;
  const broken = (id: number, problem: AuditVerification['problem']): AuditVerification => ({
    intact: false,
    entries,
    firstBrokenId: id,
    problem,
  });
  for (const row of db.prepare('SELECT * FROM audit ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    entries++;
    if (row.prev_hash !== previousHash) {
      // A link that points elsewhere: entries were taken out (a gap in ids) or moved.
      return broken(row.id, row.id !== previousId + 1 ? 'missing' : 'reordered');
    }
    if (hashOf(row) !== row.hash) return broken(row.id, 'edited');
    previousHash = row.hash;
    previousId = row.id;
  }
  const expected = head(db);
  if (expected.id !== previousId || expected.hash !== previousHash) return broken(previousId + 1, 'truncated');
  return { intact: true, entries, firstBrokenId: null, problem: null };
}

export function listAudit(db: Db, filter: AuditFilter): { entries: AuditEntry[]; nextBeforeId: number | null } {
  const f = auditFilterSchema.parse(filter);
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (f.action) {
    where.push('(a.action = @action OR a.action LIKE @actionPrefix)');
    params.action = f.action;
    params.actionPrefix = `${f.action}.%`;
  }
  if (f.userId) {
    where.push('a.user_id = @userId');
    params.userId = f.userId;
  }
  if (f.outcome) {
    where.push('a.outcome = @outcome');
    params.outcome = f.outcome;
  }
  if (f.from) {
    where.push('a.at >= @from');
    params.from = f.from;
  }
  if (f.to) {
    where.push('a.at <= @to');
    params.to = f.to;
  }
  if (f.beforeId) {
    where.push('a.id < @beforeId');
    params.beforeId = f.beforeId;
  }
  const rows = db
    .prepare(
      `SELECT a.id, a.at, a.user_id, u.login, a.action, a.entity, a.entity_id, a.outcome, a.detail
       FROM audit a LEFT JOIN users u ON u.id = a.user_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.id DESC LIMIT @limit`,
    )
    .all({ ...params, limit: f.limit + 1 }) as (Omit<AuditRow, 'prev_hash' | 'hash'> & { login: string | null })[];
  const page = rows.slice(0, f.limit);
  return {
    entries: page.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      userLogin: r.login,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      outcome: r.outcome,
      detail: r.detail,
    })),
    nextBeforeId: rows.length > f.limit ? page[page.length - 1].id : null,
  };
}
