import { chmodSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyBackup } from '../../main/core/backups/backup';
import { loginAs } from '../support/desk';
import { backUp, backupDesk, CANARY, fakeDrive } from '../support/backups';

describe('a backup file', () => {
  it('is written, verified, and opens with the recovery key or an administrator password as it was', async () => {
    const t = await backupDesk();
    await loginAs(t, t.staff.admin);
    const drive = fakeDrive();
    const made = await backUp(t, drive);
    expect(made.manifest.counts).toMatchObject({ visitors: 3, notes: 1, users: 4 });
    expect(readdirSync(drive)).toEqual([made.path.split('/').pop()]);
    const bytes = readFileSync(made.path);
    expect(bytes.includes(Buffer.from(CANARY))).toBe(false);
    const byKey = await verifyBackup({ path: made.path, secret: { kind: 'recovery', recoveryKey: t.recoveryKey }, dataDir: t.dir });
    expect(byKey.manifest.counts.visitors).toBe(3);
    const byPassword = await verifyBackup({ path: made.path, secret: { kind: 'password', login: t.staff.admin.login, password: t.staff.admin.password }, dataDir: t.dir });
    expect(byPassword.userId).toBe(t.staff.admin.id);
    await expect(verifyBackup({ path: made.path, secret: { kind: 'password', login: t.salma.login, password: t.salma.password }, dataDir: t.dir })).rejects.toMatchObject({ code: 'backup.wrongPassword' });
  });
});

describe('two backups made in the same second', () => {
  it('keep two files: the second never replaces the first', async () => {
    const t = await backupDesk();
    await loginAs(t, t.staff.admin);
    const drive = fakeDrive();
    const first = await backUp(t, drive);
    const second = await backUp(t, drive);
    expect(second.path).not.toBe(first.path);
    expect(second.path.endsWith('-2.guichet-backup')).toBe(true);
    expect(readdirSync(drive).sort()).toEqual([first.path, second.path].map((p) => p.split('/').pop()).sort());
    for (const made of [first, second]) await verifyBackup({ path: made.path, secret: { kind: 'recovery', recoveryKey: t.recoveryKey }, dataDir: t.dir });
  });
});

describe('a drive that refuses writes', () => {
  it.skipIf(process.getuid?.() === 0)('is named as write-protected, and nothing is left on it', async () => {
    const t = await backupDesk();
    await loginAs(t, t.staff.admin);
    const drive = fakeDrive();
    chmodSync(drive, 0o500);
    try {
      await expect(backUp(t, drive)).rejects.toMatchObject({ code: 'backup.driveReadOnly' });
      expect(readdirSync(drive)).toEqual([]);
    } finally {
      chmodSync(drive, 0o700);
    }
  });

  it('as a read-only filesystem answers (EROFS from the write stream): the same error', async () => {
    const t = await backupDesk();
    await loginAs(t, t.staff.admin);
    const drive = fakeDrive();
    const readOnly = Object.assign(new Error('read-only file system'), { code: 'EROFS' });
    await expect(backUp(t, drive, { openForWrite: () => Promise.reject(readOnly) })).rejects.toMatchObject({ code: 'backup.driveReadOnly' });
    expect(readdirSync(join(drive, ''))).toEqual([]);
  });
});
