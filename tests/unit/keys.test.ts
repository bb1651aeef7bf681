import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKeyed } from '../../main/core/db/database';
import { DATABASE_FILE, THROTTLE_FILE, VAULT_FILE } from '../../main/core/desk';
import { delaySecondsAfter, ENTRY_LIFETIME_MS, FREE_ATTEMPTS, MAX_DELAY_SECONDS } from '../../main/core/accounts/throttle';
import { hmac, toB64, fromB64 } from '../../main/core/vault/crypto';
import { tagOf, VaultStore } from '../../main/core/vault/vault';
import { canonicalJson, type VaultFile } from '../../main/core/vault/vault-file';
import { ADMIN, deskWithStaff, loginAs, openTestDesk, type TestDesk } from '../support/desk';

const ALL = { dataProcessing: true, referrals: true, phoneContact: true, reporting: true };

function readVault(dir: string): VaultFile {
  return JSON.parse(readFileSync(join(dir, VAULT_FILE), 'utf8')) as VaultFile;
}

/** Recomputes the checksum as a careful attacker would, so only the MAC or the structure can catch the edit. */
function withValidChecksum(vault: VaultFile): VaultFile {
  const { mac, checksum: _checksum, ...body } = vault;
  return { ...vault, checksum: createHash('sha256').update(`${canonicalJson(body)}|${mac}`).digest('hex') };
}

async function registerSome(t: TestDesk, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await t.ok('visitors.register', { fields: { firstName: `Awa ${i}`, sex: 'female', birthYear: 1991 }, consents: ALL });
  }
}

/** A login other than those given whose tag is (or is not) `tag`. */
function loginWithTag(vault: VaultFile, tag: number, same: boolean): string {
  for (let n = 0; ; n++) {
    const login = `colleague${n}`;
    if ((tagOf(vault, login) === tag) === same) return login;
  }
}

describe('an old copy of the vault', () => {
  it('put back after a password change is refused, and the current one works again', async () => {
    const t = await deskWithStaff();
    try {
      const old = readFileSync(join(t.dir, VAULT_FILE));
      await loginAs(t, t.staff.admin);
      await t.ok('account.changePassword', { currentPassword: ADMIN.password, newPassword: 'the password after the copy' });
      await t.desk.lock('button');
      const current = readFileSync(join(t.dir, VAULT_FILE));
      writeFileSync(join(t.dir, VAULT_FILE), old);

      expect(await t.call('auth.login', { login: ADMIN.login, password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'vault.stale' } });
      expect(await t.call('auth.recover', { recoveryKey: t.recoveryKey, login: ADMIN.login, newPassword: 'a recovery on the old copy' })).toMatchObject({
        ok: false,
        error: { code: 'vault.stale' },
      });
      expect(t.desk.currentUser).toBeNull();

      writeFileSync(join(t.dir, VAULT_FILE), current);
      await t.ok('auth.login', { login: ADMIN.login, password: 'the password after the copy' });
    } finally {
      t.close();
    }
  });
});

describe('rotating the data key', () => {
  it('keeps every password and the recovery key working, and an old copy of the vault opens nothing', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.desk);
      await registerSome(t, 25);
      // She leaves: her slot is removed, but a copy of the vault made before still holds it.
      const before = join(t.dir, 'vault-before.json');
      copyFileSync(join(t.dir, VAULT_FILE), before);
      await loginAs(t, t.staff.admin);
      await t.ok('users.disable', { id: t.staff.desk.id });
      const rotated = await t.ok('keys.rotate', {});
      expect(rotated.generation).toBe(readVault(t.dir).generation);

      // Her old password, with the old copy, still unwraps the old key: which opens nothing now.
      const old = await new VaultStore(before).unlockWithPassword(t.staff.desk.login, t.staff.desk.password);
      expect(old).not.toBeNull();
      expect(() => openKeyed(join(t.dir, DATABASE_FILE), old?.dataKey ?? Buffer.alloc(32), { fileMustExist: true })).toThrow('db.wrongKey');

      // The session goes on with the new key, and everyone else gets in as before.
      expect((await t.ok('visitors.recent', { limit: 100 })).length).toBe(25);
      await loginAs(t, t.staff.psychologist);
      expect((await t.ok('visitors.search', { query: 'Awa' })).items).toHaveLength(25);
      await t.desk.lock('button');
      const restarted = t.restart();
      try {
        await restarted.ok('auth.recover', { recoveryKey: t.recoveryKey, login: ADMIN.login, newPassword: 'after the rotation, from the safe' });
        const entries = (await restarted.ok('audit.list', { action: 'keys.rotate' })).entries;
        expect(entries).toMatchObject([{ outcome: 'success', userLogin: ADMIN.login }]);
        expect((await restarted.ok('audit.verify', {})).intact).toBe(true);
        expect(readdirSync(t.dir).filter((f) => f.includes('.next'))).toEqual([]);
      } finally {
        restarted.close();
      }
    } finally {
      t.close();
    }
  });

  it('cut short after the new vault was written, is finished at the next login', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.desk);
      await registerSome(t, 3);
      await t.desk.lock('button');
      // The database as the old key opens it, taken while the desk is locked (WAL folded in).
      const oldKeyCopy = join(t.dir, 'old-key.db');
      copyFileSync(join(t.dir, DATABASE_FILE), oldKeyCopy);
      await loginAs(t, t.staff.admin);
      await t.ok('keys.rotate', {});
      await t.desk.lock('button');
      // What a kill between the vault's write and the swap leaves: the new vault, the old file, the new copy beside it.
      renameSync(join(t.dir, DATABASE_FILE), join(t.dir, `${DATABASE_FILE}.next`));
      renameSync(oldKeyCopy, join(t.dir, DATABASE_FILE));

      await loginAs(t, t.staff.desk);
      expect((await t.ok('visitors.recent', { limit: 10 })).length).toBe(3);
      expect(readdirSync(t.dir).filter((f) => f.includes('.next'))).toEqual([]);
      await loginAs(t, t.staff.admin);
      expect((await t.ok('audit.list', { action: 'keys.rotate' })).entries).toHaveLength(1);
    } finally {
      t.close();
    }
  });

  it('is refused to anyone but an administrator, and audited', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.psychologist);
      expect(await t.call('keys.rotate', {})).toEqual({ ok: false, error: { code: 'call.forbidden' } });
      await loginAs(t, t.staff.admin);
      const refused = (await t.ok('audit.list', { action: 'keys.rotate', outcome: 'refused' })).entries;
      expect(refused).toMatchObject([{ userLogin: t.staff.psychologist.login, detail: 'call.forbidden' }]);
    } finally {
      t.close();
    }
  });
});

describe('logins in the vault', () => {
  it('are filed under 6-bit tags: nothing in the vault lets a dictionary of logins tell which exist', async () => {
    const t = await deskWithStaff();
    try {
      const vault = readVault(t.dir);
      const text = readFileSync(join(t.dir, VAULT_FILE), 'utf8');
      for (const slot of vault.slots.filter((s) => s.kind === 'password')) expect(slot.tag).toBeGreaterThanOrEqual(0);
      expect(vault.slots.every((s) => s.tag === null || (Number.isInteger(s.tag) && s.tag < 64))).toBe(true);
      for (const login of [ADMIN.login, t.staff.desk.login, t.staff.psychologist.login]) {
        // Neither the login nor any full HMAC of it is written down.
        expect(text).not.toContain(login);
        for (const purpose of ['tag', 'login']) {
          expect(text).not.toContain(toB64(hmac(fromB64(vault.tagSalt), `${purpose}:${login}`)));
        }
      }
    } finally {
      t.close();
    }
  });

  it('two colleagues with the same tag and the same password each open their own account', async () => {
    const t = await deskWithStaff();
    try {
      await loginAs(t, t.staff.admin);
      const vault = readVault(t.dir);
      const twin = loginWithTag(vault, tagOf(vault, t.staff.desk.login), true);
      const created = await t.ok('users.create', { login: twin, displayName: 'Twin', roles: ['desk'], language: 'fr' });
      await t.ok('auth.login', { login: twin, password: created.oneTimePassword });
      await t.ok('account.changePassword', { currentPassword: created.oneTimePassword, newPassword: t.staff.desk.password });

      expect(await t.ok('auth.login', { login: t.staff.desk.login, password: t.staff.desk.password })).toMatchObject({ id: t.staff.desk.id });
      expect(await t.ok('auth.login', { login: twin, password: t.staff.desk.password })).toMatchObject({ id: created.user.id });
      // Her own login does not wipe the count of guesses at her tag-mate's password.
      await t.desk.lock('button');
      for (let i = 0; i < FREE_ATTEMPTS - 1; i++) await t.call('auth.login', { login: twin, password: `a guess ${i}` });
      await t.ok('auth.login', { login: t.staff.desk.login, password: t.staff.desk.password });
      await t.desk.lock('button');
      expect(await t.call('auth.login', { login: twin, password: 'one guess more' })).toMatchObject({ ok: false, error: { code: 'auth.invalidCredentials' } });
      expect(await t.call('auth.login', { login: twin, password: 'and another' })).toMatchObject({ ok: false, error: { code: 'auth.throttled' } });
      t.clock.advance(MAX_DELAY_SECONDS * 1000);
      // They share the tag, so they share a login delay (one login in 64): the price of six bits.
      for (let i = 0; i < FREE_ATTEMPTS + 1; i++) await t.call('auth.login', { login: twin, password: `guess ${i}` });
      expect(await t.call('auth.login', { login: t.staff.desk.login, password: t.staff.desk.password })).toMatchObject({
        ok: false,
        error: { code: 'auth.throttled' },
      });
      const other = loginWithTag(vault, tagOf(vault, twin), false);
      expect(await t.call('auth.login', { login: other, password: 'nobody has this login' })).toMatchObject({ ok: false, error: { code: 'auth.invalidCredentials' } });
    } finally {
      t.close();
    }
  });

  it('a slot duplicated beside the real one, or transplanted from another desk, is refused as tampering', async () => {
    const a = await deskWithStaff();
    const b = await deskWithStaff();
    a.close();
    b.close();
    try {
      const vault = readVault(a.dir);
      const mine = vault.slots.find((s) => s.userId === a.staff.admin.id);
      if (!mine) throw new Error('no admin slot');

      writeFileSync(join(a.dir, VAULT_FILE), JSON.stringify(withValidChecksum({ ...vault, slots: [{ ...mine, id: randomUUID() }, ...vault.slots] })));
      const duplicated = openTestDesk(a.dir, a.clock);
      try {
        expect(await duplicated.call('auth.login', { login: ADMIN.login, password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'vault.tampered' } });
      } finally {
        duplicated.close();
      }

      // Desk b's administrator slot, under the tag of a's, put first.
      const foreign = readVault(b.dir).slots.find((s) => s.userId === b.staff.admin.id);
      if (!foreign) throw new Error('no admin slot');
      const transplanted = { ...foreign, userId: 99, tag: mine.tag };
      writeFileSync(join(a.dir, VAULT_FILE), JSON.stringify(withValidChecksum({ ...vault, slots: [transplanted, ...vault.slots] })));
      const again = openTestDesk(a.dir, a.clock);
      try {
        expect(await again.call('auth.login', { login: ADMIN.login, password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'vault.tampered' } });
      } finally {
        again.close();
      }
    } finally {
      for (const t of [a, b]) t.close();
    }
  });
});

describe('the login throttle', () => {
  it('keeps a password typed into the login field as six bits, for a day', async () => {
    const t = await deskWithStaff();
    try {
      const typedAsLogin = 'my very secret passphrase';
      await t.call('auth.login', { login: typedAsLogin, password: 'whatever' });
      const text = readFileSync(join(t.dir, THROTTLE_FILE), 'utf8');
      const vault = readVault(t.dir);
      expect(text).not.toContain(typedAsLogin);
      expect(text).not.toContain(toB64(hmac(fromB64(vault.tagSalt), `tag:${typedAsLogin}`)));
      const state = JSON.parse(text) as { byKey: Record<string, unknown> };
      expect(Object.keys(state.byKey)).toEqual([String(tagOf(vault, typedAsLogin))]);

      t.clock.advance(ENTRY_LIFETIME_MS + 60_000);
      await t.call('auth.login', { login: loginWithTag(vault, tagOf(vault, typedAsLogin), false), password: 'whatever' });
      const later = JSON.parse(readFileSync(join(t.dir, THROTTLE_FILE), 'utf8')) as { byKey: Record<string, unknown> };
      expect(Object.keys(later.byKey)).not.toContain(String(tagOf(vault, typedAsLogin)));
    } finally {
      t.close();
    }
  });

  it('never makes anyone wait longer than the delay, after failures recorded while the clock was three days ahead', async () => {
    const t = await deskWithStaff();
    try {
      const ahead = 3 * 24 * 60 * 60 * 1000;
      t.clock.advance(ahead);
      const failures = FREE_ATTEMPTS + 3;
      for (let i = 0; i < failures; i++) {
        await t.call('auth.login', { login: ADMIN.login, password: `wrong ${i}` });
        t.clock.advance(delaySecondsAfter(i + 1) * 1000);
      }
      // The clock is put right.
      t.clock.advance(-ahead);
      const refused = await t.call('auth.login', { login: ADMIN.login, password: ADMIN.password });
      expect(refused).toMatchObject({ ok: false, error: { code: 'auth.throttled' } });
      const seconds = refused.ok ? 0 : Number(refused.error.params?.seconds);
      expect(seconds).toBeLessThanOrEqual(delaySecondsAfter(failures));
      t.clock.advance(seconds * 1000);
      await t.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
      expect(existsSync(join(t.dir, THROTTLE_FILE))).toBe(true);
    } finally {
      t.close();
    }
  });
});
