import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBackupFile } from '../../main/core/backups/file';
import { buildHeader, newFileKey, type BackupManifest } from '../../main/core/backups/format';
import { vacuumInto } from '../../main/core/db/copy';
import { backupJobsOf } from '../../main/core/backups/jobs';
import { openKeyed, schemaVersion } from '../../main/core/db/database';
import { LATEST_VERSION } from '../../main/core/db/migrations';
import { VAULT_FILE } from '../../main/core/desk';
import { isolatedDataDir, loginAs, openTestDesk, removeDir, tempDataDir, type TestDesk } from '../support/desk';
import { backupDesk, fakeDrive } from '../support/backups';

const FIXTURE = join(import.meta.dirname, '../fixtures/backups/schema-7.guichet-backup');
const FIXTURE_SECRETS = { recoveryKey: 'X52T-1Z0W-66EK-H93Z-Q0EZ-1BKR-61P3-A1CT', admin: { login: 'amina', password: 'the desk opens at nine' }, desk: { login: 'fatima', password: 'fatima chose this long password' } };

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const done of cleanup.splice(0)) done();
});

function freshDesk(): TestDesk {
  const t = openTestDesk(isolatedDataDir());
  cleanup.push(() => {
    t.close();
    removeDir(dirname(t.dir));
  });
  return t;
}

function fixtureCopy(): string {
  const drive = fakeDrive();
  const path = join(drive, 'schema-7.guichet-backup');
  copyFileSync(FIXTURE, path);
  return path;
}

describe('a backup made by an earlier schema (a fixture kept in the repository)', () => {
  it('opens with its recovery key, says it will be updated, and is migrated to this version on restore', async () => {
    const t = freshDesk();
    const path = fixtureCopy();
    await t.ok('backups.open', { path, secret: { kind: 'recovery', recoveryKey: FIXTURE_SECRETS.recoveryKey } });
    const opened = await backupJobsOf(t.desk).settled();
    expect(opened).toMatchObject({ state: 'done', preview: { schemaVersion: 7, currentSchemaVersion: LATEST_VERSION, appVersion: '0.1.0-schema7', counts: { visitors: 2, users: 2 }, createdAt: '2026-06-15T10:30:00.000Z' } });
    await t.ok('backups.restore', { confirmation: 'RESTAURER' });
    expect(await backupJobsOf(t.desk).settled()).toMatchObject({ state: 'done' });
    await loginAs(t, FIXTURE_SECRETS.admin);
    const db = t.desk.requireSession().db;
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect((db.prepare('SELECT count(*) AS n FROM visitors').get() as { n: number }).n).toBe(2);
    const { entries } = await t.ok('audit.list', { limit: 50 });
    expect(entries.find((e) => e.action === 'backups.restore')).toMatchObject({ outcome: 'success', detail: `made: 2026-06-15T10:30:00.000Z; schema: 7 → ${LATEST_VERSION}` });
    expect(await t.ok('audit.verify', {})).toMatchObject({ intact: true, problem: null });
  });

  it('opens with its administrator’s password of then, not with a desk worker’s', async () => {
    const t = freshDesk();
    const path = fixtureCopy();
    await t.ok('backups.open', { path, secret: { kind: 'password', ...FIXTURE_SECRETS.desk } });
    expect(await backupJobsOf(t.desk).settled()).toMatchObject({ state: 'failed', error: { code: 'backup.wrongPassword' } });
    await t.ok('backups.open', { path, secret: { kind: 'password', ...FIXTURE_SECRETS.admin } });
    expect(await backupJobsOf(t.desk).settled()).toMatchObject({ state: 'done', preview: { openedWith: 'password' } });
    await t.ok('backups.discard', {});
  });
});

describe('a backup from a newer schema', () => {
  it('is refused with the versions named, and nothing is staged', async () => {
    const source = await backupDesk();
    cleanup.push(() => {
      source.close();
      removeDir(dirname(source.dir));
    });
    await loginAs(source, source.staff.admin);
    const { dataKey } = source.desk.requireSession();
    // A backup written as a later Guichet would: its database says a later schema.
    const work = tempDataDir();
    const snapshot = join(work, 'snapshot.db');
    vacuumInto(source.desk.requireSession().db, snapshot);
    const db = openKeyed(snapshot, dataKey, { fileMustExist: true });
    db.pragma(`user_version=${LATEST_VERSION + 1}`);
    db.close();
    const vaultBytes = readFileSync(source.desk.path(VAULT_FILE));
    const vault = source.desk.vault.read();
    const fileKey = newFileKey();
    const manifest: BackupManifest = {
      appVersion: '9.9.9',
      schemaVersion: LATEST_VERSION + 1,
      deskId: vault.vaultId,
      createdAt: source.clock.now().toISOString(),
      counts: { users: 4, visitors: 3, intakes: 0, referrals: 0, appointments: 0, notes: 1, auditEntries: 1 },
      newestRecordAt: null,
      files: [
        { name: 'vault.json', bytes: vaultBytes.length },
        { name: 'guichet.db', bytes: statSync(snapshot).size },
      ],
    };
    const { bytes: header, header: parsed } = buildHeader(manifest, { vaultId: vault.vaultId, tagSalt: vault.tagSalt, slots: vault.slots }, fileKey);
    const made = await writeBackupFile({ dir: fakeDrive(), name: 'later.guichet-backup', header, fileKey, salt: parsed.payload.salt, parts: [vaultBytes, snapshot], plainBytes: vaultBytes.length + statSync(snapshot).size });
    removeDir(work);

    const t = freshDesk();
    await t.ok('backups.open', { path: made.path, secret: { kind: 'recovery', recoveryKey: source.recoveryKey } });
    expect(await backupJobsOf(t.desk).settled()).toMatchObject({ state: 'failed', error: { code: 'backup.fromNewerSchema', params: { found: LATEST_VERSION + 1, supported: LATEST_VERSION } } });
    expect(await t.call('backups.restore', { confirmation: 'RESTAURER' })).toMatchObject({ ok: false, error: { code: 'backup.notFound' } });
    expect((await t.ok('app.status', {})).state.kind).toBe('setup');
  });
});
