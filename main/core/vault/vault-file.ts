import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors';
import { writeFileAtomic } from '../storage/atomic-write';
import { hkdf, hmac, sha256Hex, equalBytes, fromB64, toB64 } from './crypto';
import { isAcceptableCost } from './kdf';

/**
 * The vault file (`vault.json` beside the database): the data key wrapped once per
 * keyslot. It holds no name, no login and nothing confidential in clear: a slot is
 * found by an HMAC of the login under a per-vault salt.
 *
 * Two integrity checks: a checksum over the whole file catches accidental damage
 * before anyone types a password; a MAC keyed from the data key catches a deliberate
 * edit (a slot added, removed or swapped) as soon as anyone unlocks.
 */
export const VAULT_FORMAT = 'guichet-vault';
export const VAULT_VERSION = 1;

const b64 = (bytes: number) =>
  z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).refine((s) => fromB64(s).length === bytes);

const boxSchema = z.object({ iv: b64(12), ct: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/), tag: b64(16) });

const kdfSchema = z
  .object({ alg: z.literal('argon2id'), m: z.number(), t: z.number(), p: z.number(), salt: b64(16) })
  .refine(isAcceptableCost);

const slotSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['password', 'recovery']),
  userId: z.number().int().positive().nullable(),
  lookup: b64(32).nullable(),
  kdf: kdfSchema,
  box: boxSchema,
  createdAt: z.iso.datetime(),
});

const bodySchema = z.object({
  format: z.literal(VAULT_FORMAT),
  version: z.number().int(),
  vaultId: z.uuid(),
  createdAt: z.iso.datetime(),
  lookupSalt: b64(16),
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
  const { format, version, vaultId, createdAt, lookupSalt, recoveryPublicKey, cost, slots } = file;
  return { format, version, vaultId, createdAt, lookupSalt, recoveryPublicKey, cost, slots };
}

function macOf(body: VaultBody, dataKey: Buffer): Buffer {
  const key = hkdf(dataKey, body.vaultId, 'guichet vault mac v1');
  const mac = hmac(key, canonicalJson(bodyOf(body)));
  key.fill(0);
  return mac;
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

export function parseVault(text: string): VaultFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('vault.corrupt');
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw new AppError('vault.corrupt');
  const file = parsed.data;
  if (file.version > VAULT_VERSION) throw new AppError('vault.corrupt', { params: { version: file.version } });
  if (checksumOf(file, file.mac) !== file.checksum) throw new AppError('vault.corrupt');
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
