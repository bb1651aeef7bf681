import { createHash } from 'node:crypto';
import { randomBytes } from './crypto';

/**
 * The recovery key: 140 random bits and a 20-bit check, written as 8 groups of 4
 * characters of Crockford's base 32 (no I, L, O or U, so nothing to confuse), e.g.
 * `7XQ2-K9DM-...`. The check catches a mistyped group before any slow derivation.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DATA_CHARS = 28;
const CHECK_CHARS = 4;
export const RECOVERY_KEY_GROUPS = 8;

function checkOf(data: string): string {
  const digest = createHash('sha256').update(`guichet-recovery:${data}`).digest();
  let check = '';
  for (let i = 0; i < CHECK_CHARS; i++) check += ALPHABET[digest[i] % 32];
  return check;
}

export function generateRecoveryKey(): string {
  const bytes = randomBytes(DATA_CHARS);
  let data = '';
  for (const byte of bytes) data += ALPHABET[byte % 32];
  bytes.fill(0);
  const all = data + checkOf(data);
  return all.match(/.{4}/g)?.join('-') ?? all;
}

/** Accepts lower case, spaces or dashes anywhere, and the usual confusions (O→0, I/L→1). */
export function normaliseRecoveryKey(input: string): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s\-_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== DATA_CHARS + CHECK_CHARS) return null;
  if ([...cleaned].some((c) => !ALPHABET.includes(c))) return null;
  const data = cleaned.slice(0, DATA_CHARS);
  if (checkOf(data) !== cleaned.slice(DATA_CHARS)) return null;
  return cleaned.match(/.{4}/g)?.join('-') ?? null;
}
