import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VAULT_FILE, DATABASE_FILE } from '../../main/core/desk';
import { calibrateKdf, isAcceptableCost, KDF_FLOOR } from '../../main/core/vault/kdf';
import { generateRecoveryKey, normaliseRecoveryKey } from '../../main/core/vault/recovery-key';
import { canonicalJson, parseVault, sealVault, type VaultFile } from '../../main/core/vault/vault-file';
import { ADMIN, deskWithStaff, openTestDesk } from '../support/desk';

function readVault(dir: string): VaultFile {
  return JSON.parse(readFileSync(`${dir}/${VAULT_FILE}`, 'utf8')) as VaultFile;
}

function writeVault(dir: string, vault: unknown): void {
  writeFileSync(`${dir}/${VAULT_FILE}`, JSON.stringify(vault, null, 2));
}

/** Recomputes the checksum as a careful attacker would, so only the MAC can catch the edit. */
function withValidChecksum(vault: VaultFile): VaultFile {
  const { mac, checksum: _checksum, ...body } = vault;
  return { ...vault, checksum: createHash('sha256').update(`${canonicalJson(body)}|${mac}`).digest('hex') };
}

describe('recovery key', () => {
  it('is 8 groups of 4 unambiguous characters carrying at least 128 bits', () => {
    const key = generateRecoveryKey();
    expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normaliseRecoveryKey(key)).toBe(key);
    // 28 random characters of 5 bits each
    expect(28 * 5).toBeGreaterThanOrEqual(128);
    expect(generateRecoveryKey()).not.toBe(key);
  });

  it('accepts lower case, spaces and look-alike letters, and refuses a mistyped group', () => {
    const key = generateRecoveryKey();
    const sloppy = key.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(normaliseRecoveryKey(sloppy)).toBe(key);
    const typo = key.slice(0, 5) + (key[5] === 'A' ? 'B' : 'A') + key.slice(6);
    expect(normaliseRecoveryKey(typo)).toBeNull();
    expect(normaliseRecoveryKey(key.slice(0, -1))).toBeNull();
  });
});

describe('key derivation', () => {
  it('never calibrates below m=64 MiB, t=3', async () => {
    const cost = await calibrateKdf(1);
    expect(cost.m).toBeGreaterThanOrEqual(64 * 1024);
    expect(cost.t).toBeGreaterThanOrEqual(3);
    expect(isAcceptableCost({ m: 32 * 1024, t: 3, p: 1 })).toBe(false);
    expect(isAcceptableCost({ m: 64 * 1024, t: 2, p: 1 })).toBe(false);
    expect(isAcceptableCost(KDF_FLOOR)).toBe(true);
  });
});

describe('vault file', () => {
  it('holds no login, name or key in clear, and one slot per active user plus the recovery slot', async () => {
    const t = await deskWithStaff();
    try {
      const text = readFileSync(`${t.dir}/${VAULT_FILE}`, 'utf8');
      for (const secret of [ADMIN.login, ADMIN.displayName, t.staff.desk.login, t.recoveryKey]) expect(text).not.toContain(secret);
      const vault = readVault(t.dir);
      expect(vault.slots.filter((s) => s.kind === 'password')).toHaveLength(3);
      expect(vault.slots.filter((s) => s.kind === 'recovery')).toHaveLength(1);
      for (const slot of vault.slots) expect(isAcceptableCost(slot.kdf)).toBe(true);
    } finally {
      t.close();
    }
  });

  it('a missing vault is a clear error, and the database is neither recreated nor touched', async () => {
    const t = await deskWithStaff();
    t.close();
    const before = readFileSync(`${t.dir}/${DATABASE_FILE}`);
    rmSync(`${t.dir}/${VAULT_FILE}`);
    const again = openTestDesk(t.dir, t.clock);
    try {
      expect(again.desk.status().state).toEqual({ kind: 'broken', code: 'vault.missing' });
      expect(await again.call('auth.login', { login: ADMIN.login, password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'vault.missing' } });
      expect(await again.call('setup.create', { ...ADMIN, language: 'fr' })).toMatchObject({ ok: false, error: { code: 'data.alreadyInitialized' } });
      expect(readFileSync(`${t.dir}/${DATABASE_FILE}`).equals(before)).toBe(true);
    } finally {
      again.close();
    }
  });

  it('a truncated vault is a clear error and nothing is overwritten', async () => {
    const t = await deskWithStaff();
    t.close();
    const text = readFileSync(`${t.dir}/${VAULT_FILE}`, 'utf8');
    writeFileSync(`${t.dir}/${VAULT_FILE}`, text.slice(0, Math.floor(text.length / 2)));
    const before = readFileSync(`${t.dir}/${DATABASE_FILE}`);
    const again = openTestDesk(t.dir, t.clock);
    try {
      expect(again.desk.status().state).toEqual({ kind: 'broken', code: 'vault.corrupt' });
      expect(await again.call('auth.login', { login: ADMIN.login, password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'vault.corrupt' } });
      expect(await again.call('setup.create', { ...ADMIN, language: 'fr' })).toMatchObject({ ok: false, error: { code: 'data.alreadyInitialized' } });
      expect(readFileSync(`${t.dir}/${DATABASE_FILE}`).equals(before)).toBe(true);
      expect(readFileSync(`${t.dir}/${VAULT_FILE}`, 'utf8')).toBe(text.slice(0, Math.floor(text.length / 2)));
    } finally {
      again.close();
    }
  });

  it('a flipped character anywhere is caught by the checksum before any password is tried', async () => {
    const t = await deskWithStaff();
    t.close();
    const vault = readVault(t.dir);
    const slot = vault.slots[0];
    const ct = Buffer.from(slot.privateBox.ct, 'base64');
    ct[0] ^= 1;
    slot.privateBox.ct = ct.toString('base64');
    writeVault(t.dir, vault);
    expect(() => parseVault(readFileSync(`${t.dir}/${VAULT_FILE}`, 'utf8'))).toThrow('vault.corrupt');
    const again = openTestDesk(t.dir, t.clock);
    try {
      expect(await again.call('auth.login', { login: ADMIN.login, password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'vault.corrupt' } });
    } finally {
      again.close();
    }
  });

  it('a slot removed by someone without the data key is detected at the next unlock', async () => {
    const t = await deskWithStaff();
    t.close();
    const vault = readVault(t.dir);
    vault.slots = vault.slots.filter((s) => s.userId !== t.staff.psychologist.id);
    writeVault(t.dir, withValidChecksum(vault));
    const again = openTestDesk(t.dir, t.clock);
    try {
      expect(await again.call('auth.login', { login: ADMIN.login, password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'vault.tampered' } });
      expect(again.desk.currentUser).toBeNull();
    } finally {
      again.close();
    }
  });

  it('refuses parameters lowered below the floor, so the cost cannot be downgraded', async () => {
    const t = await deskWithStaff();
    t.close();
    const vault = readVault(t.dir);
    vault.slots[0].kdf.m = 1024;
    expect(() => parseVault(JSON.stringify(withValidChecksum(vault)))).toThrow('vault.corrupt');
  });

  it('a vault sealed by one data key does not verify under another', async () => {
    const t = await deskWithStaff();
    t.close();
    const vault = readVault(t.dir);
    const resealed = sealVault(vault, Buffer.alloc(32, 7));
    writeVault(t.dir, resealed);
    const again = openTestDesk(t.dir, t.clock);
    try {
      expect(await again.call('auth.login', { login: ADMIN.login, password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'vault.tampered' } });
    } finally {
      again.close();
    }
  });
});
