import type { Db } from '../db/database';
import { statement } from '../db/statements';
import { AppError } from '../errors';
import { normalisePhone } from '../../../shared/domain/phone';
import type { InterpreterView } from '../../../shared/domain/listening';

interface InterpreterRow {
  id: number;
  name: string;
  kind: InterpreterView['kind'];
  languages: string;
  phone: string | null;
  active: 0 | 1;
}

const toInterpreter = (row: InterpreterRow): InterpreterView => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  languages: JSON.parse(row.languages) as InterpreterView['languages'],
  phone: row.phone,
  active: row.active === 1,
});

export function listInterpreters(db: Db, includeInactive: boolean): InterpreterView[] {
  const rows = statement(db, `SELECT * FROM interpreters ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY name COLLATE NOCASE, id`).all() as InterpreterRow[];
  return rows.map(toInterpreter);
}

export function getInterpreter(db: Db, id: number): InterpreterView {
  const row = statement(db, 'SELECT * FROM interpreters WHERE id = ?').get(id) as InterpreterRow | undefined;
  if (!row) throw new AppError('interpreters.notFound');
  return toInterpreter(row);
}

function interpreterPhone(phone: string | null): string | null {
  if (!phone || !phone.trim()) return null;
  const normalised = normalisePhone(phone);
  if (!normalised) throw new AppError('call.invalidInput', { fields: { phone: 'phone.invalid' } });
  return normalised;
}

export function saveInterpreter(db: Db, input: Omit<InterpreterView, 'id'> & { id: number | null }, now: Date): InterpreterView {
  const at = now.toISOString();
  const languages = JSON.stringify([...new Set(input.languages)]);
  const phone = interpreterPhone(input.phone);
  if (input.id === null) {
    const result = statement(
      db,
      'INSERT INTO interpreters (name, kind, languages, phone, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(input.name, input.kind, languages, phone, input.active ? 1 : 0, at, at);
    return getInterpreter(db, Number(result.lastInsertRowid));
  }
  getInterpreter(db, input.id);
  statement(db, 'UPDATE interpreters SET name = ?, kind = ?, languages = ?, phone = ?, active = ?, updated_at = ? WHERE id = ?').run(
    input.name,
    input.kind,
    languages,
    phone,
    input.active ? 1 : 0,
    at,
    input.id,
  );
  return getInterpreter(db, input.id);
}
