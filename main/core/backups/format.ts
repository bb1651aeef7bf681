import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors';
import { equalBytes, fromB64, openSealedToPublicKey, randomBytes, sealToPublicKey, toB64, wipe, type SealedToPublicKey } from '../vault/crypto';
import { canonicalJson, slotSchema, type Slot } from '../vault/vault-file';

/**
 * The backup file, format version 1 (README, "The backup file"). Every version Guichet
 * ever wrote stays readable: a later format gets a new number and its own reader.
 *
 *   magic "GUICHETB" · version u16 · header length u32 · header (canonical JSON)
 *   · header MAC (32) · header checksum (32) · payload chunks
 *
 * The checksum (SHA-256 of everything before it) catches a damaged header before anyone
 * types a secret. The MAC, keyed from the file key, catches a deliberate edit once the
 * file key is unwrapped. The file key is random per backup, sealed to the public key of
 * each administrator's keyslot and of the recovery slot, whose wrapped private keys the
 * header carries: the backup opens with the recovery key or an administrator's password
 * as they were when it was made, and no other secret exists to forget.
 *
 * The payload is the STREAM construction `age` uses: ChaCha20-Poly1305 over 64 KiB
 * chunks, the nonce an 11-byte chunk counter and a last-chunk flag, so a flipped bit, a
 * truncation at any point, two chunks swapped, a chunk repeated or bytes appended each
 * fail authentication.
 */
export const BACKUP_MAGIC = Buffer.from('GUICHETB', 'latin1');
export const BACKUP_FORMAT_VERSION = 1;
export const CHUNK_SIZE = 64 * 1024;
export const TAG_SIZE = 16;
export const SEALED_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE;
/** Magic, version, header length. */
export const PREFIX_SIZE = 8 + 2 + 4;
const MAC_SIZE = 32;
const CHECKSUM_SIZE = 32;
const MAX_HEADER = 1024 * 1024;
/** The files the payload carries, in order. */
export const PAYLOAD_FILES = ['vault.json', 'guichet.db'] as const;

export const COUNTED = ['users', 'visitors', 'intakes', 'referrals', 'appointments', 'notes', 'auditEntries'] as const;
export type CountedKind = (typeof COUNTED)[number];

const manifestSchema = z.object({
  appVersion: z.string().max(50),
  schemaVersion: z.number().int().nonnegative(),
  /** The vault's id: one desk, whatever its machine. */
  deskId: z.uuid(),
  createdAt: z.iso.datetime(),
  counts: z.object(Object.fromEntries(COUNTED.map((k) => [k, z.number().int().nonnegative()])) as Record<CountedKind, z.ZodNumber>),
  newestRecordAt: z.iso.datetime().nullable(),
  /** Bytes of each payload file, in PAYLOAD_FILES order. */
  files: z.array(z.object({ name: z.enum(PAYLOAD_FILES), bytes: z.number().int().nonnegative() })).length(PAYLOAD_FILES.length),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

const b64 = (bytes: number) => z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).refine((s) => fromB64(s).length === bytes);
const sealedSchema = z.object({ iv: b64(12), ct: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/), tag: b64(16), epk: b64(32) });

const headerSchema = z.object({
  manifest: manifestSchema,
  payload: z.object({ cipher: z.literal('chacha20-poly1305'), chunkSize: z.literal(CHUNK_SIZE), salt: b64(16) }),
  keys: z.object({
    vaultId: z.uuid(),
    tagSalt: b64(16),
    /** Copies of the vault's slots that open this backup; each seals the file key. */
    slots: z
      .array(z.object({ slot: slotSchema, fileKeyBox: sealedSchema }))
      .min(1)
      .max(1000),
  }),
});
export type BackupHeader = z.infer<typeof headerSchema>;

export interface ParsedHeader {
  header: BackupHeader;
  /** Bytes from the start of the file to the first chunk. */
  length: number;
  /** The header's bytes that the MAC covers, and the MAC. */
  covered: Buffer;
  mac: Buffer;
}

function fileKeyAad(salt: string, slotId: string): string {
  return `guichet-backup/${BACKUP_FORMAT_VERSION}|${salt}|${slotId}|file-key`;
}

/** Keys derived by hashing (not HKDF or HMAC keyed by it): Node keeps copies of keys it is given (vault-file.ts). */
function derived(fileKey: Buffer, salt: string, purpose: 'payload' | 'header-mac'): Buffer {
  return createHash('sha256').update(`guichet backup v${BACKUP_FORMAT_VERSION} ${purpose}|${salt}|`).update(fileKey).digest();
}

export function newFileKey(): Buffer {
  return randomBytes(32);
}

/** The header's bytes, MAC and checksum included, for a new backup. */
export function buildHeader(
  manifest: BackupManifest,
  keys: { vaultId: string; tagSalt: string; slots: Slot[] },
  fileKey: Buffer,
): { bytes: Buffer; header: BackupHeader } {
  const salt = toB64(randomBytes(16));
  const header: BackupHeader = {
    manifest,
    payload: { cipher: 'chacha20-poly1305', chunkSize: CHUNK_SIZE, salt },
    keys: {
      vaultId: keys.vaultId,
      tagSalt: keys.tagSalt,
      slots: keys.slots.map((slot) => ({ slot, fileKeyBox: sealToPublicKey(fromB64(slot.publicKey), fileKey, fileKeyAad(salt, slot.id)) })),
    },
  };
  const json = Buffer.from(canonicalJson(header), 'utf8');
  const prefix = Buffer.alloc(PREFIX_SIZE);
  BACKUP_MAGIC.copy(prefix, 0);
  prefix.writeUInt16BE(BACKUP_FORMAT_VERSION, 8);
  prefix.writeUInt32BE(json.length, 10);
  const covered = Buffer.concat([prefix, json]);
  const macKey = derived(fileKey, salt, 'header-mac');
  const mac = createHmac('sha256', macKey).update(covered).digest();
  wipe(macKey);
  const withMac = Buffer.concat([covered, mac]);
  return { bytes: Buffer.concat([withMac, createHash('sha256').update(withMac).digest()]), header };
}

/** How many bytes of the file `parseHeader` needs, from its first 14; refuses what is not a backup. */
export function headerLengthOf(prefix: Buffer): number {
  if (prefix.length < BACKUP_MAGIC.length || !prefix.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) throw new AppError('backup.notABackup');
  // The magic is there: a file cut short before its header's length is a damaged backup.
  if (prefix.length < PREFIX_SIZE) throw new AppError('backup.damaged');
  const version = prefix.readUInt16BE(8);
  if (version > BACKUP_FORMAT_VERSION) throw new AppError('backup.newerFormat', { params: { found: version, supported: BACKUP_FORMAT_VERSION } });
  if (version !== 1) throw new AppError('backup.damaged');
  const length = prefix.readUInt32BE(10);
  if (length === 0 || length > MAX_HEADER) throw new AppError('backup.damaged');
  return PREFIX_SIZE + length + MAC_SIZE + CHECKSUM_SIZE;
}

/** Checks the checksum and the header's shape; no secret is needed yet. */
export function parseHeader(bytes: Buffer): ParsedHeader {
  const length = headerLengthOf(bytes);
  if (bytes.length < length) throw new AppError('backup.damaged');
  const withMac = bytes.subarray(0, length - CHECKSUM_SIZE);
  const checksum = bytes.subarray(length - CHECKSUM_SIZE, length);
  if (!equalBytes(createHash('sha256').update(withMac).digest(), checksum)) throw new AppError('backup.damaged');
  const jsonLength = bytes.readUInt32BE(10);
  let parsed: z.ZodSafeParseResult<BackupHeader>;
  try {
    parsed = headerSchema.safeParse(JSON.parse(bytes.subarray(PREFIX_SIZE, PREFIX_SIZE + jsonLength).toString('utf8')));
  } catch {
    throw new AppError('backup.damaged');
  }
  if (!parsed.success) throw new AppError('backup.damaged');
  const covered = Buffer.from(bytes.subarray(0, PREFIX_SIZE + jsonLength));
  return { header: parsed.data, length, covered, mac: Buffer.from(bytes.subarray(PREFIX_SIZE + jsonLength, length - CHECKSUM_SIZE)) };
}

/** The file key from a slot's private key; null when this slot does not open it. */
export function unwrapFileKey(parsed: ParsedHeader, slotId: string, privateKey: Buffer): Buffer | null {
  const entry = parsed.header.keys.slots.find((s) => s.slot.id === slotId);
  if (!entry) return null;
  const key = openSealedToPublicKey(privateKey, entry.fileKeyBox as SealedToPublicKey, fileKeyAad(parsed.header.payload.salt, slotId));
  return key && key.length === 32 ? key : null;
}

/** Throws `backup.tampered` when the header was edited by someone who recomputed its checksum. */
export function verifyHeaderMac(parsed: ParsedHeader, fileKey: Buffer): void {
  const macKey = derived(fileKey, parsed.header.payload.salt, 'header-mac');
  const mac = createHmac('sha256', macKey).update(parsed.covered).digest();
  wipe(macKey);
  if (!equalBytes(mac, parsed.mac)) throw new AppError('backup.tampered');
}

function nonceOf(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** The payload's chunks, sealed one at a time in order. */
export class ChunkSealer {
  private counter = 0;
  private readonly key: Buffer;

  constructor(fileKey: Buffer, salt: string) {
    this.key = derived(fileKey, salt, 'payload');
  }

  seal(plaintext: Buffer, last: boolean): Buffer {
    if (plaintext.length > CHUNK_SIZE || (!last && plaintext.length !== CHUNK_SIZE)) throw new RangeError('chunk size');
    const cipher = createCipheriv('chacha20-poly1305', this.key, nonceOf(this.counter++, last), { authTagLength: TAG_SIZE });
    return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  }

  wipe(): void {
    wipe(this.key);
  }
}

/** Opens the chunks in order; the caller says which one is the last (the file ends after it). */
export class ChunkOpener {
  private counter = 0;
  private readonly key: Buffer;

  constructor(fileKey: Buffer, salt: string) {
    this.key = derived(fileKey, salt, 'payload');
  }

  open(sealed: Buffer, last: boolean): Buffer {
    if (sealed.length < TAG_SIZE || sealed.length > SEALED_CHUNK_SIZE || (!last && sealed.length !== SEALED_CHUNK_SIZE)) throw new AppError('backup.damaged');
    // A last chunk is never empty unless the whole payload is.
    if (last && sealed.length === TAG_SIZE && this.counter > 0) throw new AppError('backup.damaged');
    const decipher = createDecipheriv('chacha20-poly1305', this.key, nonceOf(this.counter++, last), { authTagLength: TAG_SIZE });
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_SIZE));
    const head = decipher.update(sealed.subarray(0, sealed.length - TAG_SIZE));
    try {
      decipher.final();
    } catch {
      wipe(head);
      throw new AppError('backup.damaged');
    }
    return head;
  }

  wipe(): void {
    wipe(this.key);
  }
}

/** The size of the payload once sealed, for the free-space check. */
export function sealedSize(plainBytes: number): number {
  const chunks = Math.max(1, Math.ceil(plainBytes / CHUNK_SIZE));
  return plainBytes + chunks * TAG_SIZE;
}
