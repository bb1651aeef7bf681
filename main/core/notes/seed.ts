import type { Db } from '../db/database';
import { wipe } from '../vault/crypto';
import type { NoteBody } from '../../../shared/domain/notes';
import { newNoteKey, sealBody, wrapForAuthor } from './keys';
import { insertKey, insertNote, setNoteBody } from './service';

/**
 * A note written as its author would write it, for the seed and the bench, where no session
 * is hers: the same keys as `createNote` (a fresh key per note, the body sealed under it, the
 * key wrapped under the one derived from her secret), without a session to take the secret
 * from. Her wrap key is derived once per author by the caller (`authorWrapKeyOf`) and wiped by it.
 */
export function sealNoteAs(
  db: Db,
  author: { id: number; wrapKey: Buffer },
  note: { visitorId: number; appointmentId: number | null; body: NoteBody },
  at: Date,
): number {
  const id = insertNote(db, { visitorId: note.visitorId, appointmentId: note.appointmentId, authorId: author.id }, at);
  const context = { noteId: id, visitorId: note.visitorId, authorId: author.id, appointmentId: note.appointmentId };
  const noteKey = newNoteKey();
  try {
    setNoteBody(db, id, sealBody(noteKey, context, note.body), at);
    insertKey(db, { noteId: id, readerId: author.id, grantId: null, wrapped: wrapForAuthor(author.wrapKey, context, noteKey) }, at);
  } finally {
    wipe(noteKey);
  }
  return id;
}
