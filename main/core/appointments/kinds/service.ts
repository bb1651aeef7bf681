import type { Db } from '../../db/database';
import { statement } from '../../db/statements';
import { AppError } from '../../errors';
import type { SessionKindView } from '../../../../shared/domain/listening';

interface KindRow {
  id: number;
  key: SessionKindView['key'];
  name: string | null;
  default_minutes: number;
  active: 0 | 1;
}

const toKind = (row: KindRow): SessionKindView => ({
  id: row.id,
  key: row.key,
  name: row.name,
  defaultMinutes: row.default_minutes,
  active: row.active === 1,
});

export function listKinds(db: Db, includeInactive: boolean): SessionKindView[] {
  return (statement(db, `SELECT * FROM session_kinds ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY id`).all() as KindRow[]).map(toKind);
}

export function getKind(db: Db, id: number): SessionKindView {
  const row = statement(db, 'SELECT * FROM session_kinds WHERE id = ?').get(id) as KindRow | undefined;
  if (!row) throw new AppError('appointments.kindNotFound');
  return toKind(row);
}

/**
 * A new kind needs a name; one of the field's four keeps its key (its label is translated)
 * and may be renamed, which then shows instead.
 */
export function saveKind(db: Db, input: { id: number | null; name: string | null; defaultMinutes: number; active: boolean }): SessionKindView {
  const name = input.name || null;
  if (input.id === null) {
    if (!name) throw new AppError('call.invalidInput', { fields: { name: 'required' } });
    const result = statement(db, 'INSERT INTO session_kinds (key, name, default_minutes, active) VALUES (NULL, ?, ?, ?)').run(
      name,
      input.defaultMinutes,
      input.active ? 1 : 0,
    );
    return getKind(db, Number(result.lastInsertRowid));
  }
  const kind = getKind(db, input.id);
  if (!name && kind.key === null) throw new AppError('call.invalidInput', { fields: { name: 'required' } });
  statement(db, 'UPDATE session_kinds SET name = ?, default_minutes = ?, active = ? WHERE id = ?').run(name, input.defaultMinutes, input.active ? 1 : 0, input.id);
  return getKind(db, input.id);
}
