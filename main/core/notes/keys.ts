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
export const pinKeyOf = (secret: Buffer): Buffer => subKeyOf(secret, 'grant pins');

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
  appointmentId: number | null;
}

/** Who a wrapped key is for, and by which grant (null: the author's own). */
export interface NoteReader {
  readerId: number;
  grantId: number | null;
}

/** A grant's pinned key is sealed for its context: another grant's pin does not fit it. */
export interface PinContext {
  kind: 'handover' | 'breakGlass';
  visitorId: number;
  authorId: number;
  recipientId: number;
}

// The AADs bind each sealed thing to the rows that point at it: a body moved to another
// note, visitor, author or appointment, or a wrapped key moved to another reader or grant,
// no longer opens.
const bodyAad = (n: NoteContext) => `guichet-note|v2|${n.noteId}|${n.visitorId}|${n.authorId}|${n.appointmentId ?? 'none'}`;
const keyAad = (n: NoteContext, r: NoteReader) => `guichet-note-key|v2|${n.noteId}|${n.visitorId}|${n.authorId}|${r.readerId}|${r.grantId ?? 'own'}`;
const draftAad = (userId: number, key: string) => `guichet-note-draft|v2|${userId}|${key}`;
const pinAad = (p: PinContext) => `guichet-note-pin|v1|${p.kind}|${p.visitorId}|${p.authorId}|${p.recipientId}`;

/**
 * Every sealed string starts with its format's name and version, so that a later format
 * can be told from this one; a string of a format this version does not know is refused
 * as tampered (notes never shipped in an earlier format).
 */
const FORMAT = { body: 'note-body.v2', key: 'note-key.v2', draft: 'note-draft.v2', pin: 'note-pin.v1' } as const;

function versioned(format: keyof typeof FORMAT, box: SealedBox | SealedToPublicKey): string {
  return `${FORMAT[format]}:${JSON.stringify(box)}`;
}

function unversioned<T>(format: keyof typeof FORMAT, sealed: string): T {
  const prefix = `${FORMAT[format]}:`;
  if (!sealed.startsWith(prefix)) throw new AppError('vault.tampered');
  return JSON.parse(sealed.slice(prefix.length)) as T;
}

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
    return versioned('body', seal(noteKey, plaintext, bodyAad(note)));
  } finally {
    wipe(plaintext);
  }
}

export function openBody(noteKey: Buffer, note: NoteContext, sealed: string): NoteBody {
  const plaintext = open(noteKey, unversioned<SealedBox>('body', sealed), bodyAad(note));
  if (!plaintext) throw new AppError('vault.tampered');
  try {
    return noteBodySchema.parse(JSON.parse(plaintext.toString('utf8')));
  } finally {
    wipe(plaintext);
  }
}

/** The note's key for its author, under the key derived from her secret. */
export function wrapForAuthor(authorWrapKey: Buffer, note: NoteContext, noteKey: Buffer): string {
  return versioned('key', seal(authorWrapKey, noteKey, keyAad(note, { readerId: note.authorId, grantId: null })));
}

export function unwrapForAuthor(authorWrapKey: Buffer, note: NoteContext, wrapped: string, grantId: number | null = null): Buffer {
  const key = open(authorWrapKey, unversioned<SealedBox>('key', wrapped), keyAad(note, { readerId: note.authorId, grantId }));
  if (!key) throw new AppError('vault.tampered');
  return key;
}

/** The note's key for a colleague, to the public key her grant pinned. */
export function wrapForReader(readerPublicKey: Buffer, note: NoteContext, reader: NoteReader, noteKey: Buffer): string {
  return versioned('key', sealToPublicKey(readerPublicKey, noteKey, keyAad(note, reader)));
}

export function unwrapForReader(readerPrivateKey: Buffer, note: NoteContext, reader: NoteReader, wrapped: string): Buffer {
  const key = openSealedToPublicKey(readerPrivateKey, unversioned<SealedToPublicKey>('key', wrapped), keyAad(note, reader));
  if (!key) throw new AppError('vault.tampered');
  return key;
}

/**
 * A grant's recipient key, pinned under a key derived from the author's secret: whoever
 * holds only the data key can neither forge a pin nor move one to another grant, so later
 * notes are never wrapped to a key he slipped in (see README, "Private session notes").
 */
export function pinRecipientKey(pinKey: Buffer, grant: PinContext, publicKey: Buffer): string {
  return versioned('pin', seal(pinKey, publicKey, pinAad(grant)));
}

export function pinnedRecipientKey(pinKey: Buffer, grant: PinContext, pinned: string): Buffer {
  let box: SealedBox;
  try {
    box = unversioned<SealedBox>('pin', pinned);
  } catch {
    throw new AppError('notes.grantTampered');
  }
  const key = open(pinKey, box, pinAad(grant));
  if (!key) throw new AppError('notes.grantTampered');
  return key;
}

export function sealDraft(secret: Buffer, userId: number, key: string, draft: NoteDraft): string {
  const draftKey = draftKeyOf(secret);
  const plaintext = Buffer.from(JSON.stringify(draft), 'utf8');
  try {
    return versioned('draft', seal(draftKey, plaintext, draftAad(userId, key)));
  } finally {
    wipe(draftKey, plaintext);
  }
}

export function openDraft(secret: Buffer, userId: number, key: string, sealed: string): NoteDraft {
  const box = unversioned<SealedBox>('draft', sealed);
  const draftKey = draftKeyOf(secret);
  const plaintext = open(draftKey, box, draftAad(userId, key));
  wipe(draftKey);
  if (!plaintext) throw new AppError('vault.tampered');
  try {
    return noteDraftSchema.parse(JSON.parse(plaintext.toString('utf8')));
  } finally {
    wipe(plaintext);
  }
}
