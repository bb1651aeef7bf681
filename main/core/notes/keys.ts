import { createHash } from 'node:crypto';
import { AppError } from '../errors';
import {
  open,
  openSealedToPublicKey,
  randomBytes,
  seal,
  sealToPublicKey,
  secretBuffer,
  wipe,
  x25519PublicOf,
  type SealedBox,
  type SealedToPublicKey,
} from '../vault/crypto';
import { noteBodySchema, noteDraftSchema, type NoteBody, type NoteDraft } from '../../../shared/domain/notes';

/**
 * The keys of private notes, all from the reader's 256-bit private secret (her keyslot
 * holds it, escrowed to the recovery key): a key that wraps the keys of her own notes, one
 * that seals her drafts, and an X25519 key pair whose public half colleagues wrap
 * handed-over note keys to. Each is a hash of a distinct label and the secret, like the
 * vault's MAC key (see vault-file.ts): Node keeps copies of keys given to hkdfSync, while a
 * hash's context is cleansed when it ends. Every derived key is wiped by whoever asked for it.
 */
function subKeyOf(secret: Buffer, label: string): Buffer {
  const digest = createHash('sha256').update(`guichet-notes-v1|${label}|`).update(secret).digest();
  const key = secretBuffer(32);
  digest.copy(key);
  wipe(digest);
  return key;
}

export const authorWrapKeyOf = (secret: Buffer): Buffer => subKeyOf(secret, 'author note keys');
export const draftKeyOf = (secret: Buffer): Buffer => subKeyOf(secret, 'note drafts');
export const readerPrivateKeyOf = (secret: Buffer): Buffer => subKeyOf(secret, 'reader x25519');

export function readerPublicKeyOf(secret: Buffer): Buffer {
  const privateKey = readerPrivateKeyOf(secret);
  try {
    return x25519PublicOf(privateKey);
  } finally {
    wipe(privateKey);
  }
}

export interface NoteContext {
  noteId: number;
  visitorId: number;
  authorId: number;
}

const bodyAad = (n: NoteContext) => `guichet-note|v1|${n.noteId}|${n.visitorId}|${n.authorId}`;
const keyAad = (n: NoteContext, readerId: number) => `guichet-note-key|v1|${n.noteId}|${n.visitorId}|${n.authorId}|${readerId}`;
const draftAad = (userId: number, key: string) => `guichet-note-draft|v1|${userId}|${key}`;

export function newNoteKey(): Buffer {
  return randomBytes(32);
}

/** A sealed body's plaintext is padded (JSON ignores trailing spaces) to a whole bucket: its length does not tell the risk level or a short answer from another. */
export const BODY_BUCKET = 1024;

function padded(json: string): Buffer {
  const length = Buffer.byteLength(json, 'utf8');
  const plaintext = Buffer.alloc(Math.ceil((length + 1) / BODY_BUCKET) * BODY_BUCKET, ' ');
  plaintext.write(json, 'utf8');
  return plaintext;
}

export function sealBody(noteKey: Buffer, note: NoteContext, body: NoteBody): string {
  const plaintext = padded(JSON.stringify(body));
  try {
    return JSON.stringify(seal(noteKey, plaintext, bodyAad(note)));
  } finally {
    wipe(plaintext);
  }
}

export function openBody(noteKey: Buffer, note: NoteContext, sealed: string): NoteBody {
  const plaintext = open(noteKey, JSON.parse(sealed) as SealedBox, bodyAad(note));
  if (!plaintext) throw new AppError('vault.tampered');
  try {
    return noteBodySchema.parse(JSON.parse(plaintext.toString('utf8')));
  } finally {
    wipe(plaintext);
  }
}

/** The note's key for its author, under the key derived from her secret. */
export function wrapForAuthor(authorWrapKey: Buffer, note: NoteContext, noteKey: Buffer): string {
  return JSON.stringify(seal(authorWrapKey, noteKey, keyAad(note, note.authorId)));
}

export function unwrapForAuthor(authorWrapKey: Buffer, note: NoteContext, wrapped: string): Buffer {
  const key = open(authorWrapKey, JSON.parse(wrapped) as SealedBox, keyAad(note, note.authorId));
  if (!key) throw new AppError('vault.tampered');
  return key;
}

/** The note's key for a colleague, to her published public key. */
export function wrapForReader(readerPublicKey: Buffer, note: NoteContext, readerId: number, noteKey: Buffer): string {
  return JSON.stringify(sealToPublicKey(readerPublicKey, noteKey, keyAad(note, readerId)));
}

export function unwrapForReader(readerPrivateKey: Buffer, note: NoteContext, readerId: number, wrapped: string): Buffer {
  const key = openSealedToPublicKey(readerPrivateKey, JSON.parse(wrapped) as SealedToPublicKey, keyAad(note, readerId));
  if (!key) throw new AppError('vault.tampered');
  return key;
}

export function sealDraft(secret: Buffer, userId: number, key: string, draft: NoteDraft): string {
  const draftKey = draftKeyOf(secret);
  const plaintext = Buffer.from(JSON.stringify(draft), 'utf8');
  try {
    return JSON.stringify(seal(draftKey, plaintext, draftAad(userId, key)));
  } finally {
    wipe(draftKey, plaintext);
  }
}

export function openDraft(secret: Buffer, userId: number, key: string, sealed: string): NoteDraft {
  const draftKey = draftKeyOf(secret);
  const plaintext = open(draftKey, JSON.parse(sealed) as SealedBox, draftAad(userId, key));
  wipe(draftKey);
  if (!plaintext) throw new AppError('vault.tampered');
  try {
    return noteDraftSchema.parse(JSON.parse(plaintext.toString('utf8')));
  } finally {
    wipe(plaintext);
  }
}
