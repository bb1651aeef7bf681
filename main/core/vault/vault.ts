import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import {
  copyOf,
  secretBuffer,
  fromB64,
  generateX25519,
  hmac,
  open,
  openSealedToPublicKey,
  randomBytes,
  seal,
  sealToPublicKey,
  toB64,
  wipe,
  type SealedToPublicKey,
} from './crypto';
import { deriveKey, newKdfParams, type KdfCost } from './kdf';
import { generateRecoveryKey, normaliseRecoveryKey } from './recovery-key';
import {
  readVaultFile,
  verifyVaultMac,
  writeVaultFile,
  TAG_BITS,
  VAULT_FORMAT,
  VAULT_VERSION,
  type Slot,
  type VaultBody,
  type VaultFile,
} from './vault-file';

/**
 * Keyslots: the random 256-bit data key that opens the database, reachable once per
 * user from her password, and once from the recovery key.
 *
 * A user's own password slot also carries her 256-bit private secret (the key to her
 * private notes), so that it follows her password and nobody else's. A slot set by an
 * administrator (a one-time password) carries none: the administrator must never be able
 * to open it later. The recovery slot's private key is the escrow key to which every
 * user's secret is also sealed.
 */

const PAYLOAD_VERSION = 2;
const KIND_PASSWORD = 1;
const KIND_RECOVERY = 2;

export interface UnlockedSlot {
  vault: VaultFile;
  slot: Slot;
  dataKey: Buffer;
  /** The user's private secret; null on a slot set by an administrator. */
  userSecret: Buffer | null;
}

export interface UnlockedRecovery {
  vault: VaultFile;
  dataKey: Buffer;
  escrowPrivateKey: Buffer;
  escrowPublicKey: Buffer;
}

export function normaliseLogin(login: string): string {
  return login.normalize('NFC').trim().toLowerCase();
}

/** The slot's 6-bit tag: too short for a dictionary to tell which logins exist. */
export function tagOf(vault: Pick<VaultBody, 'tagSalt'>, login: string): number {
  const mac = hmac(fromB64(vault.tagSalt), `tag:${normaliseLogin(login)}`);
  return mac[0] >> (8 - TAG_BITS);
}

/**
 * Binds a password slot to its login without storing anything a dictionary could test:
 * the full HMAC enters the slot's AAD and is never written down, so a slot opens only
 * for the login it was made for (two colleagues with one tag and one password stay apart).
 */
function loginBinding(vault: Pick<VaultBody, 'tagSalt'>, login: string): string {
  return toB64(hmac(fromB64(vault.tagSalt), `login:${normaliseLogin(login)}`));
}

function privateAad(vault: Pick<VaultBody, 'vaultId'>, slot: Pick<Slot, 'id' | 'kind' | 'userId'>, binding: string): string {
  return `${VAULT_FORMAT}/${VAULT_VERSION}|${vault.vaultId}|${slot.id}|${slot.kind}|${slot.userId ?? ''}|${binding}`;
}

function dataKeyAad(vault: Pick<VaultBody, 'vaultId'>, slot: Pick<Slot, 'id'>): string {
  return `${VAULT_FORMAT}/${VAULT_VERSION}|${vault.vaultId}|${slot.id}|data-key`;
}

function payload(kind: number, privateKey: Buffer, secret: Buffer | null): Buffer {
  const bytes = secretBuffer(2 + 32 + (secret ? 32 : 0));
  bytes[0] = PAYLOAD_VERSION;
  bytes[1] = kind;
  privateKey.copy(bytes, 2);
  secret?.copy(bytes, 34);
  return bytes;
}

function parsePayload(bytes: Buffer, kind: number): { privateKey: Buffer; secret: Buffer | null } {
  try {
    if ((bytes.length !== 34 && bytes.length !== 66) || bytes[0] !== PAYLOAD_VERSION || bytes[1] !== kind) throw new AppError('vault.corrupt');
    return { privateKey: copyOf(bytes.subarray(2, 34)), secret: bytes.length === 66 ? copyOf(bytes.subarray(34, 66)) : null };
  } finally {
    wipe(bytes);
  }
}

async function makeSlot(
  vault: Pick<VaultBody, 'vaultId' | 'tagSalt'>,
  fields: { kind: Slot['kind']; userId: number | null; tag: number | null },
  secret: { text: string; binding: string },
  keys: { privateKey: Buffer; publicKey: Buffer; secret: Buffer | null; dataKey: Buffer },
  cost: KdfCost,
  now: Date,
): Promise<Slot> {
  const kdf = newKdfParams(cost);
  const head = { id: randomUUID(), ...fields, kdf, publicKey: toB64(keys.publicKey), createdAt: now.toISOString() };
  const wrapping = await deriveKey(secret.text, kdf);
  const plaintext = payload(fields.kind === 'recovery' ? KIND_RECOVERY : KIND_PASSWORD, keys.privateKey, keys.secret);
  try {
    return {
      ...head,
      privateBox: seal(wrapping, plaintext, privateAad(vault, head, secret.binding)),
      dataKeyBox: sealToPublicKey(keys.publicKey, keys.dataKey, dataKeyAad(vault, head)),
    };
  } finally {
    wipe(wrapping, plaintext);
  }
}

/** Opens one slot with what was typed: its private key and secret, then the data key sealed to it. */
async function openSlot(
  vault: VaultFile,
  slot: Slot,
  typed: { text: string; binding: string },
): Promise<{ dataKey: Buffer; privateKey: Buffer; secret: Buffer | null } | null> {
  const wrapping = await deriveKey(typed.text, slot.kdf);
  const plaintext = open(wrapping, slot.privateBox, privateAad(vault, slot, typed.binding));
  wipe(wrapping);
  if (!plaintext) return null;
  const { privateKey, secret } = parsePayload(plaintext, slot.kind === 'recovery' ? KIND_RECOVERY : KIND_PASSWORD);
  const dataKey = openSealedToPublicKey(privateKey, slot.dataKeyBox as SealedToPublicKey, dataKeyAad(vault, slot));
  if (!dataKey || dataKey.length !== 32) {
    // The password was right but the sealed key was swapped: an edit, not a typo.
    wipe(privateKey, secret, dataKey);
    throw new AppError('vault.tampered');
  }
  try {
    verifyVaultMac(vault, dataKey);
  } catch (error) {
    wipe(dataKey, privateKey, secret);
    throw error;
  }
  return { dataKey, privateKey, secret };
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
    const own = generateX25519();
    const recoveryKey = generateRecoveryKey();
    const body: VaultBody = {
      format: VAULT_FORMAT,
      version: VAULT_VERSION,
      vaultId: randomUUID(),
      createdAt: now.toISOString(),
      generation: 1,
      tagSalt: toB64(randomBytes(16)),
      recoveryPublicKey: toB64(escrow.publicKey),
      cost: { m: cost.m, t: cost.t, p: cost.p },
      slots: [],
    };
    try {
      const adminSlot = await makeSlot(
        body,
        { kind: 'password', userId: admin.userId, tag: tagOf(body, admin.login) },
        { text: admin.password, binding: loginBinding(body, admin.login) },
        { ...own, secret: userSecret, dataKey },
        cost,
        now,
      );
      const recoverySlot = await makeSlot(
        body,
        { kind: 'recovery', userId: null, tag: null },
        { text: recoveryKey, binding: '' },
        { ...escrow, secret: null, dataKey },
        cost,
        now,
      );
      body.slots.push(adminSlot, recoverySlot);
    } catch (error) {
      wipe(dataKey, userSecret);
      throw error;
    } finally {
      wipe(escrow.privateKey, own.privateKey);
    }
    return { body, dataKey, userSecret, recoveryKey, escrowPublicKey: escrow.publicKey };
  }

  write(body: VaultBody, dataKey: Buffer): VaultFile {
    return writeVaultFile(this.path, body, dataKey);
  }

  /**
   * Null for an unknown login or a wrong password alike, after the same effort: every
   * slot under the login's tag is tried (one derivation each), and a tag no slot has
   * costs one derivation too.
   */
  async unlockWithPassword(login: string, password: string): Promise<UnlockedSlot | null> {
    const vault = this.read();
    const tag = tagOf(vault, login);
    const candidates = vault.slots.filter((s) => s.kind === 'password' && s.tag === tag);
    if (candidates.length === 0) {
      wipe(await deriveKey(password, newKdfParams(vault.cost)));
      return null;
    }
    const binding = loginBinding(vault, login);
    for (const slot of candidates) {
      const opened = await openSlot(vault, slot, { text: password, binding });
      if (!opened) continue;
      wipe(opened.privateKey);
      return { vault, slot, dataKey: opened.dataKey, userSecret: opened.secret };
    }
    return null;
  }

  /** Throws `recovery.malformed` for a mistyped key, `recovery.wrongKey` for another vault's key. */
  async unlockWithRecoveryKey(recoveryKey: string): Promise<UnlockedRecovery> {
    const normalised = normaliseRecoveryKey(recoveryKey);
    if (!normalised) throw new AppError('recovery.malformed');
    const vault = this.read();
    const slot = vault.slots.find((s) => s.kind === 'recovery');
    if (!slot) throw new AppError('vault.corrupt');
    const opened = await openSlot(vault, slot, { text: normalised, binding: '' });
    if (!opened) throw new AppError('recovery.wrongKey');
    wipe(opened.secret);
    return { vault, dataKey: opened.dataKey, escrowPrivateKey: opened.privateKey, escrowPublicKey: fromB64(vault.recoveryPublicKey) };
  }

  /**
   * The vault with a new password slot for a user (replacing any she had): a fresh key
   * pair, the data key sealed to it and, when given, her own secret. Nothing is written.
   */
  async withPasswordSlot(
    vault: VaultFile,
    dataKey: Buffer,
    user: { userId: number; login: string; password: string; userSecret: Buffer | null },
    now: Date,
  ): Promise<VaultBody> {
    verifyVaultMac(vault, dataKey);
    const keys = generateX25519();
    try {
      const slot = await makeSlot(
        vault,
        { kind: 'password', userId: user.userId, tag: tagOf(vault, user.login) },
        { text: user.password, binding: loginBinding(vault, user.login) },
        { ...keys, secret: user.userSecret, dataKey },
        vault.cost,
        now,
      );
      return { ...vault, slots: [...vault.slots.filter((s) => !(s.kind === 'password' && s.userId === user.userId)), slot] };
    } finally {
      wipe(keys.privateKey);
    }
  }

  /** The vault without a user's slot: her password no longer opens anything. */
  withoutPasswordSlot(vault: VaultFile, dataKey: Buffer, userId: number): VaultBody {
    verifyVaultMac(vault, dataKey);
    return { ...vault, slots: vault.slots.filter((s) => !(s.kind === 'password' && s.userId === userId)) };
  }

  /** A rotation: the new data key sealed to every slot's public key, no password needed. */
  resealed(vault: VaultFile, oldKey: Buffer, newKey: Buffer): VaultBody {
    verifyVaultMac(vault, oldKey);
    return { ...vault, slots: vault.slots.map((slot) => ({ ...slot, dataKeyBox: sealToPublicKey(fromB64(slot.publicKey), newKey, dataKeyAad(vault, slot)) })) };
  }

  hasPasswordSlot(userId: number): boolean {
    return this.read().slots.some((s) => s.kind === 'password' && s.userId === userId);
  }

  /** The tag under which a login's slot and its failed attempts are filed; never the login itself. */
  tagFor(login: string): number {
    return tagOf(this.read(), login);
  }
}

/**
 * A slot's private key from what was typed, for a copy of the slot kept elsewhere (a
 * backup's header carries the administrators' and the recovery slots). Null when the
 * login, password or recovery key does not open it.
 */
export async function openSlotPrivateKey(
  vault: Pick<VaultBody, 'vaultId' | 'tagSalt'>,
  slot: Slot,
  typed: { kind: 'password'; login: string; password: string } | { kind: 'recovery'; recoveryKey: string },
): Promise<Buffer | null> {
  const text = typed.kind === 'password' ? typed.password : normaliseRecoveryKey(typed.recoveryKey);
  if (text === null || slot.kind !== typed.kind) return null;
  if (typed.kind === 'password' && slot.tag !== tagOf(vault, typed.login)) return null;
  const binding = typed.kind === 'password' ? loginBinding(vault, typed.login) : '';
  const wrapping = await deriveKey(text, slot.kdf);
  const plaintext = open(wrapping, slot.privateBox, privateAad(vault, slot, binding));
  wipe(wrapping);
  if (!plaintext) return null;
  const { privateKey, secret } = parsePayload(plaintext, slot.kind === 'recovery' ? KIND_RECOVERY : KIND_PASSWORD);
  wipe(secret);
  return privateKey;
}

/** The data key sealed to a slot whose private key is known (see openSlotPrivateKey). */
export function dataKeyOfSlot(vault: Pick<VaultBody, 'vaultId'>, slot: Slot, privateKey: Buffer): Buffer | null {
  const dataKey = openSealedToPublicKey(privateKey, slot.dataKeyBox as SealedToPublicKey, dataKeyAad(vault, slot));
  return dataKey && dataKey.length === 32 ? dataKey : null;
}
