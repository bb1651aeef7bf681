import type { Db } from '../db/database';
import { statement } from '../db/statements';
import { AppError } from '../errors';
import type {
  AvailabilityException,
  AvailabilityOwner,
  AvailabilityView,
  PlanPeriod,
  PsychologistView,
  Weekday,
} from '../../../shared/domain/listening';
import type { SPOKEN_LANGUAGES } from '../../../shared/domain/visitors';
import type { Actor } from '../visitors/service';

type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];

interface PsychologistRow {
  id: number;
  display_name: string;
  status: 'active' | 'disabled';
  languages: string | null;
}

const SELECT_PSYCHOLOGISTS = `
  SELECT u.id, u.display_name, u.status,
    (SELECT json_group_array(language) FROM (SELECT language FROM staff_languages l WHERE l.user_id = u.id ORDER BY language)) AS languages
  FROM users u WHERE EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'psychologist')`;

const toPsychologist = (row: PsychologistRow): PsychologistView => ({
  id: row.id,
  displayName: row.display_name,
  languages: JSON.parse(row.languages ?? '[]') as SpokenLanguage[],
  active: row.status === 'active',
});

/** Every user with the psychologist role, disabled ones included (their appointments still name them). */
export function listPsychologists(db: Db): PsychologistView[] {
  return (statement(db, `${SELECT_PSYCHOLOGISTS} ORDER BY u.display_name COLLATE NOCASE, u.id`).all() as PsychologistRow[]).map(toPsychologist);
}

/** The psychologist `id`, or `appointments.notPsychologist` for a user without the role. */
export function getPsychologist(db: Db, id: number): PsychologistView {
  const row = statement(db, `${SELECT_PSYCHOLOGISTS} AND u.id = ?`).get(id) as PsychologistRow | undefined;
  if (!row) throw new AppError('appointments.notPsychologist');
  return toPsychologist(row);
}

export function setLanguages(db: Db, userId: number, languages: readonly SpokenLanguage[]): PsychologistView {
  getPsychologist(db, userId);
  statement(db, 'DELETE FROM staff_languages WHERE user_id = ?').run(userId);
  for (const language of new Set(languages)) statement(db, 'INSERT INTO staff_languages (user_id, language) VALUES (?, ?)').run(userId, language);
  return getPsychologist(db, userId);
}

const ownerColumns = (owner: AvailabilityOwner): [number | null, number | null] =>
  'userId' in owner ? [owner.userId, null] : [null, owner.interpreterId];

/** The owner exists: a psychologist, or an interpreter. */
export function requireOwner(db: Db, owner: AvailabilityOwner): void {
  if ('userId' in owner) getPsychologist(db, owner.userId);
  else if (!statement(db, 'SELECT 1 FROM interpreters WHERE id = ?').get(owner.interpreterId)) throw new AppError('interpreters.notFound');
}

export function planOf(db: Db, owner: AvailabilityOwner): PlanPeriod[] {
  const [userId, interpreterId] = ownerColumns(owner);
  const rows = statement(
    db,
    `SELECT place_id, weekday, starts, ends, kind FROM work_plans
     WHERE (user_id = @userId AND @userId IS NOT NULL) OR (interpreter_id = @interpreterId AND @interpreterId IS NOT NULL)
     ORDER BY weekday, starts, kind`,
  ).all({ userId, interpreterId }) as { place_id: number | null; weekday: Weekday; starts: string; ends: string; kind: PlanPeriod['kind'] }[];
  return rows.map((r) => ({ placeId: r.place_id, weekday: r.weekday, starts: r.starts, ends: r.ends, kind: r.kind }));
}

interface ExceptionRow {
  id: number;
  user_id: number | null;
  interpreter_id: number | null;
  place_id: number | null;
  day: string;
  kind: AvailabilityException['kind'];
  starts: string | null;
  ends: string | null;
  note: string | null;
}

const toException = (r: ExceptionRow): AvailabilityException => ({
  id: r.id,
  userId: r.user_id,
  interpreterId: r.interpreter_id,
  placeId: r.place_id,
  day: r.day,
  kind: r.kind,
  starts: r.starts,
  ends: r.ends,
  note: r.note,
});

/** The owner's own exceptions and those of everyone (a place closed, a public holiday). */
export function availabilityOf(db: Db, owner: AvailabilityOwner): AvailabilityView {
  const [userId, interpreterId] = ownerColumns(owner);
  const rows = statement(
    db,
    `SELECT * FROM availability_exceptions
     WHERE (user_id IS NULL AND interpreter_id IS NULL) OR (user_id = @userId AND @userId IS NOT NULL) OR (interpreter_id = @interpreterId AND @interpreterId IS NOT NULL)
     ORDER BY day, id`,
  ).all({ userId, interpreterId }) as ExceptionRow[];
  return { plan: planOf(db, owner), exceptions: rows.map(toException) };
}

/** The exceptions of one desk day, everyone's. */
export function exceptionsOn(db: Db, day: string): AvailabilityException[] {
  return (statement(db, 'SELECT * FROM availability_exceptions WHERE day = ? ORDER BY id').all(day) as ExceptionRow[]).map(toException);
}

export function setPlan(db: Db, owner: AvailabilityOwner, plan: readonly PlanPeriod[]): AvailabilityView {
  requireOwner(db, owner);
  const [userId, interpreterId] = ownerColumns(owner);
  for (const period of plan) {
    if (period.placeId !== null && !statement(db, 'SELECT 1 FROM places WHERE id = ?').get(period.placeId)) throw new AppError('places.notFound');
  }
  statement(db, 'DELETE FROM work_plans WHERE (user_id = @userId AND @userId IS NOT NULL) OR (interpreter_id = @interpreterId AND @interpreterId IS NOT NULL)').run({
    userId,
    interpreterId,
  });
  for (const p of plan) {
    statement(db, 'INSERT INTO work_plans (user_id, interpreter_id, place_id, weekday, starts, ends, kind) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      userId,
      interpreterId,
      p.placeId,
      p.weekday,
      p.starts,
      p.ends,
      p.kind,
    );
  }
  return availabilityOf(db, owner);
}

export interface NewException {
  owner: AvailabilityOwner | null;
  placeId: number | null;
  day: string;
  kind: AvailabilityException['kind'];
  starts: string | null;
  ends: string | null;
  note: string | null;
}

export function addException(db: Db, actor: Actor, input: NewException, now: Date): number {
  if (input.owner) requireOwner(db, input.owner);
  if (input.placeId !== null && !statement(db, 'SELECT 1 FROM places WHERE id = ?').get(input.placeId)) throw new AppError('places.notFound');
  const [userId, interpreterId] = input.owner ? ownerColumns(input.owner) : [null, null];
  // Only different hours carry hours: a leave or a closed day has none.
  const hours = input.kind === 'differentHours' ? [input.starts, input.ends] : [null, null];
  const result = statement(
    db,
    `INSERT INTO availability_exceptions (user_id, interpreter_id, place_id, day, kind, starts, ends, note, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(userId, interpreterId, input.placeId, input.day, input.kind, hours[0], hours[1], input.note, now.toISOString(), actor.id);
  return Number(result.lastInsertRowid);
}

export function getException(db: Db, id: number): AvailabilityException {
  const row = statement(db, 'SELECT * FROM availability_exceptions WHERE id = ?').get(id) as ExceptionRow | undefined;
  if (!row) throw new AppError('availability.notFound');
  return toException(row);
}

export function removeException(db: Db, id: number): void {
  statement(db, 'DELETE FROM availability_exceptions WHERE id = ?').run(id);
}
