import { randomInt } from 'node:crypto';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { normaliseLogin } from '../vault/vault';
import { ROLES, type Language, type Role, type SessionUser, type UserSummary } from '../../../shared/domain/accounts';

interface UserRow {
  id: number;
  login: string;
  display_name: string;
  language: Language;
  status: 'active' | 'disabled';
  must_change_password: 0 | 1;
  secret_escrow: string | null;
  created_at: string;
  last_login_at: string | null;
  roles: string | null;
}

const SELECT_USER = `
  SELECT u.*, (SELECT group_concat(role) FROM user_roles r WHERE r.user_id = u.id) AS roles
  FROM users u`;

function rolesOf(row: UserRow): Role[] {
  const held = (row.roles ?? '').split(',');
  return ROLES.filter((role) => held.includes(role));
}

function toSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    roles: rolesOf(row),
    language: row.language,
    status: row.status,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

export function toSessionUser(user: UserSummary): SessionUser {
  const { id, login, displayName, roles, language, mustChangePassword } = user;
  return { id, login, displayName, roles, language, mustChangePassword };
}

export function findUser(db: Db, id: number): UserSummary | null {
  const row = db.prepare(`${SELECT_USER} WHERE u.id = ?`).get(id) as UserRow | undefined;
  return row ? toSummary(row) : null;
}

export function getUser(db: Db, id: number): UserSummary {
  const user = findUser(db, id);
  if (!user) throw new AppError('users.notFound');
  return user;
}

export function findUserByLogin(db: Db, login: string): UserSummary | null {
  const row = db.prepare(`${SELECT_USER} WHERE u.login_key = ?`).get(normaliseLogin(login)) as UserRow | undefined;
  return row ? toSummary(row) : null;
}

export function listUsers(db: Db): UserSummary[] {
  return (db.prepare(`${SELECT_USER} ORDER BY u.status, u.display_name COLLATE NOCASE`).all() as UserRow[]).map(toSummary);
}

export function secretEscrowOf(db: Db, id: number): string | null {
  const row = db.prepare('SELECT secret_escrow FROM users WHERE id = ?').get(id) as { secret_escrow: string | null } | undefined;
  return row?.secret_escrow ?? null;
}

export function nextUserId(db: Db): number {
  const row = db.prepare('SELECT coalesce(max(id), 0) + 1 AS id FROM users').get() as { id: number };
  return row.id;
}

export interface NewUser {
  id?: number;
  login: string;
  displayName: string;
  roles: Role[];
  language: Language;
  mustChangePassword: boolean;
  secretEscrow: string | null;
}

export function insertUser(db: Db, user: NewUser, now: Date): number {
  if (findUserByLogin(db, user.login)) throw new AppError('users.loginTaken', { fields: { login: 'users.loginTaken' } });
  const at = now.toISOString();
  const result = db
    .prepare(
      `INSERT INTO users (id, login, login_key, display_name, language, must_change_password, secret_escrow, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      user.id ?? null,
      user.login,
      normaliseLogin(user.login),
      user.displayName,
      user.language,
      user.mustChangePassword ? 1 : 0,
      user.secretEscrow,
      at,
      at,
    );
  const id = Number(result.lastInsertRowid);
  setRoles(db, id, user.roles);
  return id;
}

export function setRoles(db: Db, id: number, roles: Role[]): void {
  db.prepare('DELETE FROM user_roles WHERE user_id = ?').run(id);
  const insert = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
  for (const role of roles) insert.run(id, role);
}

export function updateUserFields(
  db: Db,
  id: number,
  fields: Partial<{ displayName: string; language: Language; status: 'active' | 'disabled'; mustChangePassword: boolean; secretEscrow: string | null; lastLoginAt: string }>,
  now: Date,
): void {
  const columns: Record<string, string | number | null> = {};
  if (fields.displayName !== undefined) columns.display_name = fields.displayName;
  if (fields.language !== undefined) columns.language = fields.language;
  if (fields.status !== undefined) columns.status = fields.status;
  if (fields.mustChangePassword !== undefined) columns.must_change_password = fields.mustChangePassword ? 1 : 0;
  if (fields.secretEscrow !== undefined) columns.secret_escrow = fields.secretEscrow;
  if (fields.lastLoginAt !== undefined) columns.last_login_at = fields.lastLoginAt;
  columns.updated_at = now.toISOString();
  const assignments = Object.keys(columns).map((c) => `${c} = @${c}`).join(', ');
  db.prepare(`UPDATE users SET ${assignments} WHERE id = @id`).run({ ...columns, id });
}

export function countActiveAdmins(db: Db, excluding?: number): number {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id
       WHERE r.role = 'admin' AND u.status = 'active' AND u.id != ?`,
    )
    .get(excluding ?? 0) as { n: number };
  return row.n;
}

/**
 * A one-time password an administrator reads out or writes down for a colleague:
 * 3 groups of 4 lower-case letters and digits without look-alikes: 12 × log2(31) ≈ 59.5 bits,
 * ample for a password that must be replaced at the next login and is throttled meanwhile.
 */
export function generateOneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const groups: string[] = [];
  for (let g = 0; g < 3; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += alphabet[randomInt(alphabet.length)];
    groups.push(group);
  }
  return groups.join('-');
}
