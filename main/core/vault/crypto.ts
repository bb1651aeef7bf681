import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';

/**
 * The primitives the vault is made of. Secrets only ever sit in Buffers that the caller
 * wipes: no key, private key or secret is ever turned into a JavaScript string (strings
 * cannot be overwritten and would outlive a lock in the heap), and every temporary copy
 * made here is wiped before it is let go.
 */

/** AES-256-GCM, the AEAD every wrapped key and sealed secret uses. */
export interface SealedBox {
  iv: string;
  ct: string;
  tag: string;
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
export const fromB64 = (text: string): Buffer => Buffer.from(text, 'base64');
export { b64 as toB64 };

export function seal(key: Buffer, plaintext: Buffer, aad: string): SealedBox {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: b64(iv), ct: b64(ct), tag: b64(cipher.getAuthTag()) };
}

/** Returns null when the key is wrong or anything in the box or its context was changed. */
export function open(key: Buffer, box: SealedBox, aad: string): Buffer | null {
  let head: Buffer | null = null;
  let tail: Buffer | null = null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, fromB64(box.iv));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(fromB64(box.tag));
    head = decipher.update(fromB64(box.ct));
    tail = decipher.final();
    return Buffer.concat([head, tail]);
  } catch {
    return null;
  } finally {
    // GCM gives out plaintext before the tag is checked: these copies are wiped either way.
    wipe(head, tail);
  }
}

export function hkdf(key: Buffer, salt: string, info: string, length = 32): Buffer {
  // A view over the ArrayBuffer hkdfSync returns, so wiping it wipes the only copy.
  return Buffer.from(hkdfSync('sha256', key, Buffer.from(salt, 'utf8'), Buffer.from(info, 'utf8'), length));
}

export function hmac(key: Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function equalBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Overwrites a secret in place; called on every key when the desk locks. */
export function wipe(...buffers: (Buffer | null | undefined)[]): void {
  for (const buffer of buffers) buffer?.fill(0);
}

/** A key of only zeros is a wiped key: nothing may ever be sealed or opened with it. */
export function isWiped(key: Buffer): boolean {
  return key.length === 0 || key.every((byte) => byte === 0);
}

/**
 * Room for a secret outside the JavaScript heap. V8 keeps a small typed array (64 bytes
 * or less, as `Buffer.alloc(32)` makes) inside the heap, and its garbage collector moves it,
 * leaving the old bytes behind where no wipe reaches them (seen in the memory test). An
 * ArrayBuffer's memory is never moved.
 */
export function secretBuffer(length: number): Buffer {
  return Buffer.from(new ArrayBuffer(length));
}

/** A copy the caller owns and wipes, so that a lock wiping the session's key cannot reach into its work. */
export function copyOf(secret: Buffer): Buffer {
  const copy = secretBuffer(secret.length);
  secret.copy(copy);
  return copy;
}

export { randomBytes };

// ── X25519 ───────────────────────────────────────────────────────────────────
// Raw 32-byte keys are wrapped in their fixed DER envelopes (RFC 8410) in Buffers,
// rather than in JWK strings, so that a private key never becomes a string.

const PKCS8_X25519_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

function privateKeyObject(raw: Buffer): KeyObject {
  const der = Buffer.concat([PKCS8_X25519_PREFIX, raw]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    wipe(der);
  }
}

function publicKeyObject(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_X25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function generateX25519(): { publicKey: Buffer; privateKey: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const raw = Buffer.from(der.subarray(der.length - 32));
  wipe(der);
  return { publicKey: Buffer.from(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32)), privateKey: raw };
}

/** The public half of a raw X25519 private key. */
export function x25519PublicOf(privateRaw: Buffer): Buffer {
  return Buffer.from(createPublicKey(privateKeyObject(privateRaw)).export({ format: 'der', type: 'spki' }).subarray(-32));
}

/**
 * Sealing to a public key (X25519 + HKDF + AES-GCM): the data key is sealed to each
 * keyslot's public key, so it can be re-sealed to every slot (a rotation) without
 * anyone's password; each user's private secret is escrowed to the recovery key's
 * public half, so that only the recovery key can bring it back.
 */
export interface SealedToPublicKey extends SealedBox {
  epk: string;
}

export function sealToPublicKey(recipient: Buffer, plaintext: Buffer, aad: string): SealedToPublicKey {
  const ephemeral = generateX25519();
  const shared = diffieHellman({ privateKey: privateKeyObject(ephemeral.privateKey), publicKey: publicKeyObject(recipient) });
  const key = hkdf(shared, b64(ephemeral.publicKey), 'guichet escrow v1');
  try {
    return { ...seal(key, plaintext, aad), epk: b64(ephemeral.publicKey) };
  } finally {
    wipe(shared, key, ephemeral.privateKey);
  }
}

export function openSealedToPublicKey(privateRaw: Buffer, sealed: SealedToPublicKey, aad: string): Buffer | null {
  let shared: Buffer | null = null;
  let key: Buffer | null = null;
  try {
    shared = diffieHellman({ privateKey: privateKeyObject(privateRaw), publicKey: publicKeyObject(fromB64(sealed.epk)) });
    key = hkdf(shared, sealed.epk, 'guichet escrow v1');
    return open(key, sealed, aad);
  } catch {
    return null;
  } finally {
    wipe(shared, key);
  }
}
