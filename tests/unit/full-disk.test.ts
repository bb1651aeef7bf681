import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canMountSmallFilesystem, mountSmallFilesystem } from '../support/small-filesystem';
import { ADMIN, openTestDesk, TestClock } from '../support/desk';

const ALL = { dataProcessing: true, referrals: true, phoneContact: true, reporting: true };

/** Writes into `file` until the filesystem refuses a byte more. */
function fill(file: string): void {
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    // the last bytes that still fit
    for (let size = 32 * 1024; size >= 1; size = Math.floor(size / 2)) {
      try {
        for (;;) writeSync(fd, block.subarray(0, size));
      } catch {
        // next, smaller
      }
    }
  } finally {
    closeSync(fd);
  }
}

describe('a full disk', () => {
  it.runIf(canMountSmallFilesystem)('refuses a registration and a password change with a clear error, loses nothing, and still locks', async () => {
    const disk = mountSmallFilesystem(24);
    if (!disk) throw new Error('no small filesystem');
    const clock = new TestClock();
    const dir = join(disk.dir, 'data');
    const t = openTestDesk(dir, clock);
    try {
      await t.ok('setup.create', { ...ADMIN, language: 'fr' });
      for (let i = 0; i < 5; i++) await t.call('users.create', { login: `desk${i}`, displayName: `Desk ${i}`, roles: ['desk', 'psychologist'], language: 'fr' });
      const worker = await t.ok('users.create', { login: 'nadia', displayName: 'Nadia', roles: ['desk'], language: 'fr' });
      await t.ok('auth.login', { login: 'nadia', password: worker.oneTimePassword });
      await t.ok('account.changePassword', { currentPassword: worker.oneTimePassword, newPassword: 'nadia has a long password' });
      await t.ok('visitors.register', { fields: { firstName: 'Awa', sex: 'female', birthYear: 1990 }, consents: ALL });

      const filler = join(disk.dir, 'filler');
      fill(filler);
      const refused = await t.call('visitors.register', { fields: { firstName: 'Binta', lastName: 'X'.repeat(70), sex: 'female', birthYear: 1992 }, consents: ALL });
      expect(refused).toEqual({ ok: false, error: { code: 'storage.full' } });
      // Nor a password change: not even its attempt can be recorded, and her password stays the one she had.
      expect(await t.call('account.changePassword', { currentPassword: 'nadia has a long password', newPassword: 'a password that does not fit' })).toMatchObject({
        ok: false,
        error: { code: 'storage.full' },
      });
      // Reading goes on.
      expect(await t.ok('visitors.recent', { limit: 10 })).toHaveLength(1);
      // The lock cannot be written in the audit log, but it does lock: the keys are gone.
      expect(await t.call('auth.lock', { reason: 'button' })).toEqual({ ok: false, error: { code: 'storage.full' } });
      expect(t.desk.currentUser).toBeNull();

      rmSync(filler);
      await t.ok('auth.login', { login: 'nadia', password: 'nadia has a long password' });
      expect((await t.ok('visitors.recent', { limit: 10 })).map((v) => v.initials)).toEqual(['A.']);
      await t.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
      expect((await t.ok('audit.verify', {})).intact).toBe(true);
    } finally {
      t.close();
      disk.unmount();
    }
  }, 60_000);
});
