import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupJobsOf, SAFETY_COPIES, SAFETY_COPIES_KEPT } from '../../main/core/backups/jobs';
import { verifyBackup } from '../../main/core/backups/backup';
import { isolatedDataDir, loginAs, openTestDesk, removeDir, type TestDesk } from '../support/desk';
import { backupDesk, CANARY, fakeDrive, type BackupDesk } from '../support/backups';

const opened: { close(): void; dir: string }[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) {
    t.close();
    removeDir(dirname(t.dir));
  }
});

/** Counted on the session's own connection: what the desk really holds now. */
function visitorCount(t: TestDesk): number {
  return (t.desk.requireSession().db.prepare('SELECT count(*) AS n FROM visitors').get() as { n: number }).n;
}

async function settle(t: TestDesk) {
  const view = await backupJobsOf(t.desk).settled();
  if (!view) throw new Error('no job');
  return view;
}

async function madeBackup(t: BackupDesk, drive: string): Promise<string> {
  await loginAs(t, t.staff.admin);
  const started = await t.ok('backups.create', { folder: drive });
  expect(started).toMatchObject({ kind: 'backup', state: 'running' });
  const done = await settle(t);
  expect(done).toMatchObject({ state: 'done', kind: 'backup' });
  return join(drive, 'Guichet-backups', done.backup!.file);
}

describe('a backup made from the app', () => {
  it('is listed on its drive under this desk, counted on the home screen, and audited', async () => {
    const t = await backupDesk();
    opened.push(t);
    const drive = fakeDrive();
    await loginAs(t, t.staff.admin);
    expect(await t.ok('backups.overview', {})).toMatchObject({ lastVerified: null, overdue: true, reminderDays: 7 });
    const path = await madeBackup(t, drive);
    const listed = await t.ok('backups.inFolder', { folder: drive });
    expect(listed.backups).toEqual([expect.objectContaining({ path, thisDesk: true, appVersion: 'test' })]);
    expect(await t.ok('backups.overview', {})).toMatchObject({ lastVerified: { file: path.split('/').pop(), drive: 'KINGSTON' }, daysSince: 0, overdue: false });
    t.clock.advance(7 * 86_400_000);
    expect(await t.ok('backups.overview', {})).toMatchObject({ daysSince: 7, overdue: true });
    const { entries } = await t.ok('audit.list', { limit: 50 });
    expect(entries.find((e) => e.action === 'backups.create')).toMatchObject({ outcome: 'success', userId: t.staff.admin.id, entityId: path.split('/').pop() });
  });

  it('is refused to a user who is not an administrator, and while another runs', async () => {
    const t = await backupDesk();
    opened.push(t);
    const drive = fakeDrive();
    await loginAs(t, t.staff.desk);
    expect(await t.call('backups.create', { folder: drive })).toMatchObject({ ok: false, error: { code: 'call.forbidden' } });
    expect(await t.call('backups.drives', {})).toMatchObject({ ok: false, error: { code: 'call.forbidden' } });
    t.desk.lock('button');
    await loginAs(t, t.staff.admin);
    await t.ok('backups.create', { folder: drive });
    expect(await t.call('backups.create', { folder: drive })).toMatchObject({ ok: false, error: { code: 'backup.inProgress' } });
    await settle(t);
  });
});

describe('a restore', () => {
  it('shows a preview, wants the typed word, keeps a safety copy, swaps the data in, and everyone logs in as on the day of the backup', async () => {
    const t = await backupDesk();
    opened.push(t);
    const drive = fakeDrive();
    const path = await madeBackup(t, drive);
    // After the backup: a visitor registered and the administrator's password changed.
    const consents = { dataProcessing: true, referrals: true, phoneContact: false, reporting: true };
    t.desk.lock('button');
    await loginAs(t, t.staff.desk);
    await t.ok('visitors.register', { fields: { sex: 'female', birthYear: 2001 }, consents });
    t.desk.lock('button');
    await loginAs(t, t.staff.admin);
    expect(visitorCount(t)).toBe(4);
    await t.ok('account.changePassword', { currentPassword: t.staff.admin.password, newPassword: 'a new password after the backup' });

    await t.ok('backups.open', { path, secret: { kind: 'recovery', recoveryKey: t.recoveryKey } });
    const openedView = await settle(t);
    expect(openedView).toMatchObject({ state: 'done', preview: { thisDesk: true, openedWith: 'recoveryKey', counts: { visitors: 3, notes: 1 } } });
    expect(await t.call('backups.restore', { confirmation: 'oui' })).toMatchObject({ ok: false, error: { code: 'backup.confirmationMismatch' } });
    await t.ok('backups.restore', { confirmation: 'restaurer' });
    expect(await settle(t)).toMatchObject({ state: 'done', kind: 'restore' });
    expect(t.desk.currentUser).toBeNull();

    // The password of the day of the backup opens it; the newer one does not.
    expect(await t.call('auth.login', { login: t.staff.admin.login, password: 'a new password after the backup' })).toMatchObject({ ok: false });
    await loginAs(t, t.staff.admin);
    expect(visitorCount(t)).toBe(3);
    const { entries } = await t.ok('audit.list', { limit: 50 });
    expect(entries.find((e) => e.action === 'backups.restore')).toMatchObject({ outcome: 'success', entityId: path.split('/').pop() });

    // The data it replaced is a verified backup beside the data folder.
    const safety = join(dirname(t.dir), SAFETY_COPIES);
    const [copy] = readdirSync(safety);
    const kept = await verifyBackup({ path: join(safety, copy), secret: { kind: 'recovery', recoveryKey: t.recoveryKey }, dataDir: t.dir });
    expect(kept.manifest.counts.visitors).toBe(4);
    removeDir(safety);
    expect(readdirSync(t.dir).filter((n) => n.startsWith('restore-') || n.startsWith('.backup-work'))).toEqual([]);
  });

  it('keeps the newest safety copies: a restore that adds one removes the oldest beyond them', async () => {
    const t = await backupDesk();
    opened.push(t);
    const drive = fakeDrive();
    const made: string[] = [];
    for (let day = 0; day < SAFETY_COPIES_KEPT; day++) {
      made.push(await madeBackup(t, drive));
      t.clock.advance(86_400_000);
    }
    // Earlier restores' copies, oldest first, under names that sort the other way round.
    const safety = join(dirname(t.dir), SAFETY_COPIES);
    mkdirSync(safety, { recursive: true });
    made.forEach((path, i) => copyFileSync(path, join(safety, `${String.fromCharCode(122 - i)}.guichet-backup`)));

    await t.ok('backups.open', { path: made[0], secret: { kind: 'recovery', recoveryKey: t.recoveryKey } });
    await settle(t);
    await t.ok('backups.restore', { confirmation: 'restaurer' });
    expect(await settle(t)).toMatchObject({ state: 'done', kind: 'restore' });

    const kept = readdirSync(safety).sort();
    expect(kept).toHaveLength(SAFETY_COPIES_KEPT);
    // The oldest copy (z) is gone; the two newer and the one this restore made stay.
    expect(kept).not.toContain('z.guichet-backup');
    expect(kept).toEqual(expect.arrayContaining(['x.guichet-backup', 'y.guichet-backup']));
    removeDir(safety);
  });

  it('from the first-run screen of a new machine: a fresh data folder comes back with the backup’s desk', async () => {
    const t = await backupDesk();
    opened.push(t);
    const drive = fakeDrive();
    const path = await madeBackup(t, drive);
    const fresh = openTestDesk(isolatedDataDir());
    opened.push(fresh);
    expect((await fresh.ok('app.status', {})).state.kind).toBe('setup');
    expect((await fresh.ok('backups.inFolder', { folder: drive })).backups).toEqual([expect.objectContaining({ path, thisDesk: false })]);
    await fresh.ok('backups.open', { path, secret: { kind: 'password', login: t.staff.admin.login, password: t.staff.admin.password } });
    expect(await settle(fresh)).toMatchObject({ state: 'done', preview: { openedWith: 'password', thisDesk: false } });
    await fresh.ok('backups.restore', { confirmation: 'RESTORE' });
    expect(await settle(fresh)).toMatchObject({ state: 'done' });
    expect((await fresh.ok('app.status', {})).state.kind).toBe('locked');
    await loginAs(fresh, t.salma);
    const notes = await fresh.ok('notes.listForVisitor', { visitorId: t.namedVisitorId });
    expect((await fresh.ok('notes.get', { id: notes.notes[0].id })).body.text).toContain(CANARY);
    expect(existsSync(join(dirname(fresh.dir), SAFETY_COPIES))).toBe(false);
  });

  it('refuses a damaged backup with a clear error and leaves the current data as it was', async () => {
    const t = await backupDesk();
    opened.push(t);
    const drive = fakeDrive();
    const path = await madeBackup(t, drive);
    const { openSync, writeSync, closeSync, statSync } = await import('node:fs');
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.from([0x42]), 0, 1, statSync(path).size - 100);
    closeSync(fd);
    await t.ok('backups.open', { path, secret: { kind: 'recovery', recoveryKey: t.recoveryKey } });
    expect(await settle(t)).toMatchObject({ state: 'failed', error: { code: 'backup.damaged' } });
    expect(await t.call('backups.restore', { confirmation: 'RESTAURER' })).toMatchObject({ ok: false, error: { code: 'backup.notFound' } });
    expect(t.desk.currentUser).not.toBeNull();
    expect(visitorCount(t)).toBe(3);
  });
});
