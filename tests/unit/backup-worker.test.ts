import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSqliteWork } from '../../main/core/backups/off-thread';
import { openKeyed } from '../../main/core/db/database';
import { removeDir, tempDataDir } from '../support/desk';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

function encryptedDatabase(): { path: string; key: Buffer; dir: string } {
  const dir = tempDataDir();
  dirs.push(dir);
  const key = randomBytes(32);
  const path = join(dir, 'guichet.db');
  const db = openKeyed(path, key, { fileMustExist: false });
  db.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) STRICT; INSERT INTO meta VALUES ('vault_id', 'the-desk')`);
  db.close();
  return { path, key, dir };
}

describe('the long SQLite steps of a backup', () => {
  it('run in a worker thread for the app, so the thread serving the desk is never blocked by them', async () => {
    const { path, key, dir } = encryptedDatabase();
    const out = join(dir, 'snapshot.db');
    const snapshot = await runSqliteWork({ op: 'snapshot', dbPath: path, out, key }, {});
    expect(snapshot.thread).toBeGreaterThan(0);
    expect(existsSync(out)).toBe(true);
    expect(await runSqliteWork({ op: 'check', path: out, key }, {})).toMatchObject({ op: 'check', problems: 0, vaultId: 'the-desk', thread: expect.any(Number) });
    expect(key.some((b) => b !== 0)).toBe(true);
  });

  it('run on the calling thread for the command line, with the same answers', async () => {
    const { path, key } = encryptedDatabase();
    expect(await runSqliteWork({ op: 'check', path, key })).toEqual({ op: 'check', problems: 0, vaultId: 'the-desk', schemaVersion: 0, thread: 0 });
  });

  it('answer a copy that does not open with its key as not a valid backup, from the worker as from here', async () => {
    const { path } = encryptedDatabase();
    for (const offThread of [{}, undefined]) {
      await expect(runSqliteWork({ op: 'check', path, key: randomBytes(32) }, offThread)).rejects.toMatchObject({ code: 'backup.contentsInvalid' });
    }
  });
});
