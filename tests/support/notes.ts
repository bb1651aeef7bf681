import Database from 'better-sqlite3-multiple-ciphers';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../main/core/desk';
import { afterEach } from 'vitest';
import { deskWithStaff, loginAs, removeDir, type StaffMember } from './desk';

/** A desk with its staff, a second psychologist (who has chosen her own password and logged in once) and one visitor. */
export async function notesDesk(dir?: string) {
  const t = await deskWithStaff(undefined, dir);
  await loginAs(t, t.staff.admin);
  const created = await t.ok('users.create', { login: 'nadia', displayName: 'Nadia (psychologist)', roles: ['psychologist'], language: 'fr' });
  t.desk.lock('button');
  const nadia: StaffMember = { id: created.user.id, login: 'nadia', displayName: created.user.displayName, password: created.oneTimePassword, roles: ['psychologist'] };
  await loginAs(t, nadia);
  await t.ok('account.changePassword', { currentPassword: nadia.password, newPassword: 'nadia chose this long password' });
  nadia.password = 'nadia chose this long password';
  t.desk.lock('button');
  await loginAs(t, t.staff.desk);
  const consents = { dataProcessing: true, referrals: true, phoneContact: false, reporting: true };
  const visitor = await t.ok('visitors.register', { fields: { sex: 'female', birthYear: 1994 }, consents });
  const other = await t.ok('visitors.register', { fields: { sex: 'female', birthYear: 1990 }, consents });
  t.desk.lock('button');
  return { ...t, salma: t.staff.psychologist, nadia, visitorId: visitor.id, visitorCode: visitor.code, otherVisitorId: other.id };
}

export type NotesDesk = Awaited<ReturnType<typeof notesDesk>>;

export const body = (text: string) => ({ text, sessionKind: 'followUp' as const, followUpPlanned: true, riskLevel: 'moderate' as const });

/** Opens the database the way someone holding the data key would, outside the app. */
export function rawOpen(dir: string, key: Buffer): Database.Database {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
  return db;
}

/** The tables (and columns) of a database whose rows hold `needle` anywhere, as text or as bytes. */
export function tablesHolding(db: Database.Database, needle: string): string[] {
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name);
  return tables.filter((table) =>
    (db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]).some((row) =>
      Object.values(row).some((value) => (Buffer.isBuffer(value) ? value.includes(needle) : String(value).includes(needle))),
    ),
  );
}

/** Every file of the data folder that holds the needle, in UTF-8 or UTF-16. */
export function filesHolding(dir: string, needle: string): string[] {
  const needles = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  return readdirSync(dir)
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .filter((f) => {
      const bytes = readFileSync(f);
      return needles.some((n) => bytes.includes(n));
    });
}

/** A fresh notes desk each time it is called, every one closed and removed after its test. */
export function notesDesksForEachTest(): () => Promise<NotesDesk> {
  const desks: NotesDesk[] = [];
  afterEach(() => {
    for (const t of desks.splice(0)) {
      t.close();
      removeDir(t.dir);
    }
  });
  return async () => {
    const t = await notesDesk();
    desks.push(t);
    return t;
  };
}
