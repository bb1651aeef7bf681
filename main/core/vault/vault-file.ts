import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors';
import { writeFileAtomic } from '../storage/atomic-write';
import { createHash } from 'node:crypto';
import { hmac, sha256Hex, equalBytes, fromB64, isWiped, toB64, wipe } from './crypto';
import { isAcceptableCost } from './kdf';

/**
 * The vault file (`vault.json` beside the database). It holds no name, no login and
 * nothing confidential in clear.
 *
 * Each keyslot has an X25519 key pair: its private key is wrapped (AES-256-GCM) by a key
 * derived with Argon2id from a password or the recovery key, and the database's data key
 * is sealed to its public key. A password change rewrites one slot; a data-key rotation
 * re-seals the new key to every slot's public key without anyone's password.
 *
 * A slot is found by a 6-bit tag of the login (an HMAC under a per-vault salt): a
 * dictionary over the tags learns almost nothing (one login in 64 matches any tag), and
 * a login tries every slot whose tag matches.
 *
 * Integrity: a checksum over the whole file catches accidental damage before anyone types
 * a password; a MAC keyed from the data key catches a deliberate edit (a slot added,
 * removed or swapped) as soon as anyone unlocks; the generation, recorded in the database
 * at every write, makes an older copy of the file put back in place refused.
 */
export const VAULT_FORMAT = 'guichet-vault';
export const VAULT_VERSION = 2;
export const TAG_BITS = 6;

const b64 = (bytes: number) =>
  z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).refine((s) => fromB64(s).length === bytes);

const boxSchema = z.object({ iv: b64(12), ct: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/), tag: b64(16) });
const sealedSchema = boxSchema.extend({ epk: b64(32) });

const kdfSchema = z
  .object({ alg: z.literal('argon2id'), m: z.number(), t: z.number(), p: z.number(), salt: b64(16) })
  .refine(isAcceptableCost);

export const slotSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['password', 'recovery']),
  userId: z.number().int().positive().nullable(),
  /** The login's tag, 0..63; null on the recovery slot. */
  tag: z.number().int().min(0).max(2 ** TAG_BITS - 1).nullable(),
  kdf: kdfSchema,
  publicKey: b64(32),
  /** The slot's private key (and, on a user's own password slot, her private secret), wrapped by the KDF's key. */
  privateBox: boxSchema,
  /** The data key, sealed to the slot's public key. */
  dataKeyBox: sealedSchema,
  createdAt: z.iso.datetime(),
});

const bodySchema = z.object({
  format: z.literal(VAULT_FORMAT),
  version: z.literal(VAULT_VERSION),
  vaultId: z.uuid(),
  createdAt: z.iso.datetime(),
  /** Raised at every write; the database records it, so an older file is refused. */
  generation: z.number().int().positive(),
  tagSalt: b64(16),
  /** The recovery key's public half: every user's private secret is escrowed to it. */
  recoveryPublicKey: b64(32),
  /** The Argon2id cost calibrated on the desk machine at setup, used for every new slot. */
  cost: z.object({ m: z.number(), t: z.number(), p: z.number() }).refine(isAcceptableCost),
  slots: z.array(slotSchema).max(10_000),
});

const fileSchema = bodySchema.extend({ mac: b64(32), checksum: z.string().regex(/^[0-9a-f]{64}$/) });

export type Slot = z.infer<typeof slotSchema>;
export type VaultBody = z.infer<typeof bodySchema>;
export type VaultFile = z.infer<typeof fileSchema>;

/** JSON with keys sorted at every level, so the same body always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function bodyOf(file: VaultBody): VaultBody {
  const { format, version, vaultId, createdAt, generation, tagSalt, recoveryPublicKey, cost, slots } = file;
  return { format, version, vaultId, createdAt, generation, tagSalt, recoveryPublicKey, cost, slots };
}

function macOf(body: VaultBody, dataKey: Buffer): Buffer {
  // A wiped key would seal a vault that nothing can ever open again.
  if (isWiped(dataKey)) throw new AppError('vault.keyWiped');
  // The MAC key is a hash of the data key, not an HKDF or HMAC keyed by it: Node keeps a
  // copy of every key given to hkdfSync or createHmac beyond the call (seen in the memory
  // test), while a hash's context is cleansed when it ends.
  const key = createHash('sha256').update(`guichet vault mac v2|${body.vaultId}|`).update(dataKey).digest();
  try {
    return hmac(key, canonicalJson(bodyOf(body)));
  } finally {
    wipe(key);
  }
}

function checksumOf(body: VaultBody, mac: string): string {
  return sha256Hex(`${canonicalJson(bodyOf(body))}|${mac}`);
}

export function sealVault(body: VaultBody, dataKey: Buffer): VaultFile {
  const mac = toB64(macOf(body, dataKey));
  return { ...bodyOf(body), mac, checksum: checksumOf(body, mac) };
}

/** Throws `vault.tampered` when the file was changed by someone who did not hold the data key. */
export function verifyVaultMac(file: VaultFile, dataKey: Buffer): void {
  if (!equalBytes(macOf(file, dataKey), fromB64(file.mac))) throw new AppError('vault.tampered');
}

/**
 * Shapes Guichet never writes are a deliberate edit, refused before any password is
 * tried: a slot duplicated or transplanted beside the real one, two recovery slots.
 */
function checkStructure(file: VaultFile): void {
  const ids = new Set<string>();
  const users = new Set<number>();
  let recovery = 0;
  for (const slot of file.slots) {
    if (ids.has(slot.id)) throw new AppError('vault.tampered');
    ids.add(slot.id);
    if (slot.kind === 'recovery') {
      recovery++;
      if (slot.userId !== null || slot.tag !== null || slot.publicKey !== file.recoveryPublicKey) throw new AppError('vault.tampered');
    } else {
      if (slot.userId === null || slot.tag === null || users.has(slot.userId)) throw new AppError('vault.tampered');
      users.add(slot.userId);
    }
  }
  if (recovery !== 1) throw new AppError('vault.tampered');
}

export function parseVault(text: string): VaultFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('vault.corrupt');
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > VAULT_VERSION) throw new AppError('vault.corrupt', { params: { version } });
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw new AppError('vault.corrupt');
  const file = parsed.data;
  if (checksumOf(file, file.mac) !== file.checksum) throw new AppError('vault.corrupt');
  checkStructure(file);
  return file;
}

export function readVaultFile(path: string): VaultFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('vault.missing');
    throw new AppError('vault.corrupt');
  }
  return parseVault(text);
}

export function writeVaultFile(path: string, body: VaultBody, dataKey: Buffer): VaultFile {
  const file = sealVault(body, dataKey);
  writeFileAtomic(path, `${JSON.stringify(file, null, 2)}\n`);
  return file;
}
