import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/db/database';
import { LATEST_VERSION, MIGRATIONS } from '../../main/core/db/migrations';
import { DATABASE_FILE } from '../../main/core/desk';
import { ADMIN, deskWithStaff, loginAs, openTestDesk } from '../support/desk';

const MIGRATIONS_DIR = join(import.meta.dirname, '../../main/core/db/migrations');

/** Opens the database the way an attacker with the key would, outside the app. */
function rawOpen(path: string, key: Buffer): Database.Database {
  const db = new Database(path);
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
  return db;
}

/**
 * Every migration that has landed on main, by the SHA-256 of its file (LF line endings).
 * A desk already past a migration's version never runs it again, so a landed file never
 * changes; a new migration is pinned here in the commit that lands it.
 */
const LANDED_MIGRATIONS: Record<string, string> = {
  '0001-foundation.ts': '3b06c0423481feb071050f13346d5023a4a87ea9f32e1284606d435e3025ebf8',
  '0002-visitors.ts': '8f66a35ce9ef9d213ce616a127375ad280ef997fa6926f1d06868a9e21d6c6ab',
  '0003-visitors-catch-up.ts': '8541139c1c5fa7d5c89d9c39443c320ebd35dec61744827e48ae927fbd3d5123',
  '0004-unclassified-disclosures.ts': '758629a97fb7650e04aecda9360f1cee859a57974b3cf18bcdab08e83d255b6e',
  '0005-search-by-recency.ts': '4b80006147e40c5e23022d1700f26c1d7930fd57c86ef95ceb8c9e1125a30a80',
  '0006-listening-unit.ts': 'b6263abc672e0c9b1bbeb7af58251bc8e65a4fe794911aad8cfc0f346ccc7d34',
  '0007-session-notes.ts': '41f380a65a298ac9bad7f48ed5a2e3239388657515463f2b19db34d257b3e3bd',
  '0008-no-show-count.ts': '169d36185b3d3c31ee17adf30f16fd993f9cdf5f99f058320dcc2d35b30838a3',
  '0009-activities.ts': 'f4f7c7ea042b367e0cbb1031b1276bd74fff02f1a37190e5c8326b3d37147ce2',
  '0010-childcare.ts': '8ca6dc0396b8a9a4e4ca9030be1a8594d9a15a64973da97f20523e331ab8e326',
};

function sha256Of(file: string): string {
  return createHash('sha256').update(readFileSync(join(MIGRATIONS_DIR, file), 'utf8').replace(/\r\n/g, '\n')).digest('hex');
}

const migrationFiles = () => readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{4}-.+\.ts$/.test(f)).sort();

describe('migrations', () => {
  it('are registered in order, one file per version, named after their version', async () => {
    const files = migrationFiles();
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(files).toHaveLength(MIGRATIONS.length);
    for (const [i, file] of files.entries()) {
      expect(file).toBe(`${String(MIGRATIONS[i].version).padStart(4, '0')}-${MIGRATIONS[i].name}.ts`);
      // The registry holds the very object that file exports, not one of the same name.
      const module = (await import(join(MIGRATIONS_DIR, file))) as { migration: unknown };
      expect(module.migration, file).toBe(MIGRATIONS[i]);
    }
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('that have landed are never edited: each file keeps the hash it landed with', () => {
    for (const file of migrationFiles()) {
      const pinned = LANDED_MIGRATIONS[file];
      const actual = sha256Of(file);
      expect(pinned, `${file} is not pinned: once it is final, add '${file}': '${actual}' to LANDED_MIGRATIONS`).toBeDefined();
      const next = String(MIGRATIONS.length + 1).padStart(4, '0');
      expect(
        actual,
        `${file} has landed and must not change: a desk already past its version would never run the edit. ` +
          `Restore it (git checkout main -- main/core/db/migrations/${file}) and write the change as a new migration, ${next}-<name>.ts.`,
      ).toBe(pinned);
    }
    expect(Object.keys(LANDED_MIGRATIONS).sort(), 'a landed migration was removed').toEqual(migrationFiles());
  });

  it('create STRICT tables and record the version', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.admin);
      const { db } = t.desk.requireSession();
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table'`).all() as { name: string; sql: string }[];
      // Full-text indexes are virtual tables (and their shadow tables), which cannot be STRICT.
      const virtual = tables.filter((t) => t.sql.startsWith('CREATE VIRTUAL')).map((t) => t.name);
      const ordinary = tables.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)));
      expect(ordinary.length).toBeGreaterThan(5);
      for (const table of ordinary) expect(table.sql, table.name).toMatch(/\)\s*STRICT/);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('temp_store', { simple: true })).toBe(2);
    } finally {
      t.close();
    }
  });
});

describe('the encrypted database', () => {
  it('is a SQLCipher v4 file: no SQLite header, unreadable without the key', async () => {
    const t = await deskWithStaff();
    t.close();
    const path = join(t.dir, DATABASE_FILE);
    expect(readFileSync(path).subarray(0, 16).toString('latin1')).not.toContain('SQLite format 3');
    expect(() => new Database(path).prepare('SELECT count(*) FROM sqlite_master').get()).toThrow();
    expect(() => openDatabase(path, Buffer.alloc(32, 1), { create: false })).toThrow('db.wrongKey');
  });

  it('is readable by its owner only, like the vault and the folder', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.admin);
      const { statSync } = await import('node:fs');
      for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`, 'vault.json']) {
        expect((statSync(join(t.dir, file)).mode & 0o777).toString(8), file).toBe('600');
      }
      expect((statSync(t.dir).mode & 0o777).toString(8)).toBe('700');
    } finally {
      t.close();
    }
  });

  it('is never created over an existing file', async () => {
    const t = await deskWithStaff();
    t.close();
    const path = join(t.dir, DATABASE_FILE);
    const before = readFileSync(path);
    expect(() => openDatabase(path, Buffer.alloc(32, 1), { create: true })).toThrow('data.alreadyInitialized');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a database from a newer version of the app, and leaves it untouched', async () => {
    const t = await deskWithStaff();
    await loginAs(t, t.staff.admin);
    const key = Buffer.from(t.desk.requireSession().dataKey);
    t.close();
    const path = join(t.dir, DATABASE_FILE);
    const raw = rawOpen(path, key);
    raw.pragma(`user_version=${LATEST_VERSION + 1}`);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = readFileSync(path);
    const again = openTestDesk(t.dir, t.clock);
    try {
      const result = await again.call('auth.login', { login: ADMIN.login, password: ADMIN.password });
      expect(result).toEqual({
        ok: false,
        error: { code: 'db.fromNewerVersion', params: { found: LATEST_VERSION + 1, supported: LATEST_VERSION } },
      });
      expect(again.desk.currentUser).toBeNull();
    } finally {
      again.close();
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('a database that belongs to another vault is refused', async () => {
    const a = await deskWithStaff();
    const b = await deskWithStaff();
    a.close();
    b.close();
    const { copyFileSync } = await import('node:fs');
    copyFileSync(join(b.dir, 'vault.json'), join(a.dir, 'vault.json'));
    const again = openTestDesk(a.dir, a.clock);
    try {
      // b's vault unwraps b's data key, which cannot open a's database
      expect(await again.call('auth.login', { login: ADMIN.login, password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'db.wrongKey' } });
    } finally {
      again.close();
    }
  });
});
