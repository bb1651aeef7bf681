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
} from 'node:crypto';

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
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, fromB64(box.iv));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(fromB64(box.tag));
    return Buffer.concat([decipher.update(fromB64(box.ct)), decipher.final()]);
  } catch {
    return null;
  }
}

export function hkdf(key: Buffer, salt: string, info: string, length = 32): Buffer {
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

export { randomBytes };

/**
 * Sealing to a public key (X25519 + HKDF + AES-GCM): each user's private secret is
 * escrowed to the recovery key's public half, so that only the recovery key (kept
 * in the organisation's safe) can bring it back, never an administrator.
 */
export interface SealedToPublicKey extends SealedBox {
  epk: string;
}

export function generateX25519(): { publicKey: Buffer; privateKey: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const pub = publicKey.export({ format: 'jwk' });
  const priv = privateKey.export({ format: 'jwk' });
  return { publicKey: Buffer.from(pub.x ?? '', 'base64url'), privateKey: Buffer.from(priv.d ?? '', 'base64url') };
}

function publicKeyObject(raw: Buffer) {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
}

function privateKeyObject(raw: Buffer, publicRaw: Buffer) {
  return createPrivateKey({
    key: { kty: 'OKP', crv: 'X25519', d: raw.toString('base64url'), x: publicRaw.toString('base64url') },
    format: 'jwk',
  });
}

export function sealToPublicKey(recipient: Buffer, plaintext: Buffer, aad: string): SealedToPublicKey {
  const ephemeral = generateX25519();
  const shared = diffieHellman({
    privateKey: privateKeyObject(ephemeral.privateKey, ephemeral.publicKey),
    publicKey: publicKeyObject(recipient),
  });
  const key = hkdf(shared, b64(ephemeral.publicKey), 'guichet escrow v1');
  const box = seal(key, plaintext, aad);
  wipe(shared, key, ephemeral.privateKey);
  return { ...box, epk: b64(ephemeral.publicKey) };
}

export function openSealedToPublicKey(
  privateRaw: Buffer,
  publicRaw: Buffer,
  sealed: SealedToPublicKey,
  aad: string,
): Buffer | null {
  const shared = diffieHellman({
    privateKey: privateKeyObject(privateRaw, publicRaw),
    publicKey: publicKeyObject(fromB64(sealed.epk)),
  });
  const key = hkdf(shared, sealed.epk, 'guichet escrow v1');
  const plaintext = open(key, sealed, aad);
  wipe(shared, key);
  return plaintext;
}
