import { readFileSync, readdirSync } from 'node:fs';
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
