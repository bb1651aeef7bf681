import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import {
  generateX25519,
  hmac,
  open,
  randomBytes,
  seal,
  fromB64,
  toB64,
  wipe,
} from './crypto';
import { deriveKey, newKdfParams, type KdfCost } from './kdf';
import { generateRecoveryKey, normaliseRecoveryKey } from './recovery-key';
import {
  readVaultFile,
  verifyVaultMac,
  writeVaultFile,
  VAULT_FORMAT,
  VAULT_VERSION,
  type Slot,
  type VaultBody,
  type VaultFile,
} from './vault-file';

/**
 * Keyslots: the random 256-bit data key that opens the database, wrapped once per
 * user by a key derived from her password, and once by the recovery key.
 *
 * A password slot also carries the user's own 256-bit secret (the key to her private
 * notes), so that it follows her password and nobody else's. A slot set by an
 * administrator (a one-time password) carries no secret: the administrator must never
 * be able to open it later. The recovery slot carries the private half of the escrow
 * key pair to which every user secret is also sealed.
 */

const PAYLOAD_VERSION = 1;
const KIND_PASSWORD = 1;
const KIND_RECOVERY = 2;

export interface UnlockedSlot {
  slot: Slot;
  dataKey: Buffer;
  /** The user's private secret; null on a slot set by an administrator. */
  userSecret: Buffer | null;
}

export interface UnlockedRecovery {
  dataKey: Buffer;
  escrowPrivateKey: Buffer;
  escrowPublicKey: Buffer;
}

export function normaliseLogin(login: string): string {
  return login.normalize('NFC').trim().toLowerCase();
}

function lookupOf(vault: VaultBody, login: string): string {
  return toB64(hmac(fromB64(vault.lookupSalt), `login:${normaliseLogin(login)}`));
}

function aadOf(vault: VaultBody, slot: Pick<Slot, 'id' | 'kind' | 'userId'>): string {
  return `${VAULT_FORMAT}/${VAULT_VERSION}|${vault.vaultId}|${slot.id}|${slot.kind}|${slot.userId ?? ''}`;
}

function payload(kind: number, dataKey: Buffer, second: Buffer | null): Buffer {
  return Buffer.concat([Buffer.from([PAYLOAD_VERSION, kind]), dataKey, second ?? Buffer.alloc(0)]);
}

function parsePayload(bytes: Buffer, kind: number): { dataKey: Buffer; second: Buffer | null } {
  if (bytes.length < 34 || bytes[0] !== PAYLOAD_VERSION || bytes[1] !== kind) throw new AppError('vault.corrupt');
  const dataKey = Buffer.from(bytes.subarray(2, 34));
  const second = bytes.length >= 66 ? Buffer.from(bytes.subarray(34, 66)) : null;
  bytes.fill(0);
  return { dataKey, second };
}

async function makeSlot(
  vault: VaultBody,
  fields: { kind: Slot['kind']; userId: number | null; lookup: string | null },
  secret: string | Buffer,
  plaintext: Buffer,
  cost: KdfCost,
  now: Date,
): Promise<Slot> {
  const kdf = newKdfParams(cost);
  const slot = { id: randomUUID(), ...fields, kdf, createdAt: now.toISOString() };
  const key = await deriveKey(secret, kdf);
  try {
    return { ...slot, box: seal(key, plaintext, aadOf(vault, slot)) };
  } finally {
    wipe(key, plaintext);
  }
}

export class VaultStore {
  constructor(readonly path: string) {}

  read(): VaultFile {
    return readVaultFile(this.path);
  }

  /**
   * Makes a new vault: a fresh data key, the first administrator's slot and the
   * recovery slot. Nothing is written; the caller writes once the database exists.
   */
  async create(admin: { userId: number; login: string; password: string }, cost: KdfCost, now: Date) {
    const dataKey = randomBytes(32);
    const userSecret = randomBytes(32);
    const escrow = generateX25519();
    const recoveryKey = generateRecoveryKey();
    const body: VaultBody = {
      format: VAULT_FORMAT,
      version: VAULT_VERSION,
      vaultId: randomUUID(),
      createdAt: now.toISOString(),
      lookupSalt: toB64(randomBytes(16)),
      recoveryPublicKey: toB64(escrow.publicKey),
      cost: { m: cost.m, t: cost.t, p: cost.p },
      slots: [],
    };
    const adminSlot = await makeSlot(
      body,
      { kind: 'password', userId: admin.userId, lookup: lookupOf(body, admin.login) },
      admin.password,
      payload(KIND_PASSWORD, Buffer.from(dataKey), Buffer.from(userSecret)),
      cost,
      now,
    );
    const recoverySlot = await makeSlot(
      body,
      { kind: 'recovery', userId: null, lookup: null },
      recoveryKey,
      payload(KIND_RECOVERY, Buffer.from(dataKey), escrow.privateKey),
      cost,
      now,
    );
    wipe(escrow.privateKey);
    body.slots.push(adminSlot, recoverySlot);
    return { body, dataKey, userSecret, recoveryKey, escrowPublicKey: escrow.publicKey };
  }

  write(body: VaultBody, dataKey: Buffer): VaultFile {
    return writeVaultFile(this.path, body, dataKey);
  }

  /** Null for an unknown login or a wrong password alike, in about the same time. */
  async unlockWithPassword(login: string, password: string): Promise<UnlockedSlot | null> {
    const vault = this.read();
    const lookup = lookupOf(vault, login);
    const slot = vault.slots.find((s) => s.kind === 'password' && s.lookup === lookup);
    if (!slot) {
      // Spend the same effort on an unknown login, so timing does not tell which logins exist.
      const model = vault.slots[0];
      if (model) wipe(await deriveKey(password, newKdfParams(model.kdf)));
      return null;
    }
    const key = await deriveKey(password, slot.kdf);
    const plaintext = open(key, slot.box, aadOf(vault, slot));
    wipe(key);
    if (!plaintext) return null;
    const { dataKey, second } = parsePayload(plaintext, KIND_PASSWORD);
    try {
      verifyVaultMac(vault, dataKey);
    } catch (error) {
      wipe(dataKey, second);
      throw error;
    }
    return { slot, dataKey, userSecret: second };
  }

  /** Throws `recovery.malformed` for a mistyped key, `recovery.wrongKey` for another vault's key. */
  async unlockWithRecoveryKey(recoveryKey: string): Promise<UnlockedRecovery> {
    const normalised = normaliseRecoveryKey(recoveryKey);
    if (!normalised) throw new AppError('recovery.malformed');
    const vault = this.read();
    const slot = vault.slots.find((s) => s.kind === 'recovery');
    if (!slot) throw new AppError('vault.corrupt');
    const key = await deriveKey(normalised, slot.kdf);
    const plaintext = open(key, slot.box, aadOf(vault, slot));
    wipe(key);
    if (!plaintext) throw new AppError('recovery.wrongKey');
    const { dataKey, second } = parsePayload(plaintext, KIND_RECOVERY);
    if (!second) throw new AppError('vault.corrupt');
    try {
      verifyVaultMac(vault, dataKey);
    } catch (error) {
      wipe(dataKey, second);
      throw error;
    }
    return { dataKey, escrowPrivateKey: second, escrowPublicKey: fromB64(vault.recoveryPublicKey) };
  }

  /**
   * Gives a user a password slot (replacing any she had): the data key and, when
   * given, her own secret. Written atomically: the old password or the new one
   * works after a crash, never neither.
   */
  async setPasswordSlot(
    dataKey: Buffer,
    user: { userId: number; login: string; password: string; userSecret: Buffer | null },
    now: Date,
  ): Promise<VaultFile> {
    const vault = this.read();
    verifyVaultMac(vault, dataKey);
    const slot = await makeSlot(
      vault,
      { kind: 'password', userId: user.userId, lookup: lookupOf(vault, user.login) },
      user.password,
      payload(KIND_PASSWORD, Buffer.from(dataKey), user.userSecret ? Buffer.from(user.userSecret) : null),
      vault.cost,
      now,
    );
    const slots = vault.slots.filter((s) => !(s.kind === 'password' && s.userId === user.userId));
    return this.write({ ...vault, slots: [...slots, slot] }, dataKey);
  }

  /** A disabled user's slot is removed: her password no longer opens anything. */
  removePasswordSlot(dataKey: Buffer, userId: number): VaultFile {
    const vault = this.read();
    verifyVaultMac(vault, dataKey);
    const slots = vault.slots.filter((s) => !(s.kind === 'password' && s.userId === userId));
    return this.write({ ...vault, slots }, dataKey);
  }

  hasPasswordSlot(userId: number): boolean {
    return this.read().slots.some((s) => s.kind === 'password' && s.userId === userId);
  }

  /** The HMAC under which a login's slot and its failed attempts are filed; never the login itself. */
  lookupFor(login: string): string {
    return lookupOf(this.read(), login);
  }
}
