import { attempt, takeBack } from '../accounts/authentication';
import { escrowedSecret } from '../accounts/escrow';
import type { Db } from '../db/database';
import type { Desk } from '../desk';
import { AppError, isAppError } from '../errors';
import { fromB64, toB64, wipe } from '../vault/crypto';
import { normaliseRecoveryKey } from '../vault/recovery-key';
import { requireActiveVisitor } from '../visitors/service';
import type { UnlockedRecovery } from '../vault/vault';
import { authorWrapKeyOf, pinKeyOf, pinRecipientKey, readerPublicKeyOf, unwrapForAuthor, wrapForReader } from './keys';
import { contextOf } from './notes';
import {
  authorNotesFor,
  authorsOfVisitorNotes,
  insertGrant,
  insertKey,
  isActivePsychologist,
  publicKeyOf,
  publishPublicKey,
} from './service';

/**
 * What only the recovery key opens for an administrator: break-glass (he gives a colleague
 * the notes of one visitor). A secret closed by a password reset is never given back here:
 * only auth.recover, with her typing her own new password, puts it back. The
 * authors' secrets come from escrow; only note keys are unwrapped and wrapped again: no
 * note body is ever opened here. The recovery key is checked and throttled as `recover`
 * does (one counter for both), and a wrong key grants nothing.
 */

async function withRecoveryKey<T>(desk: Desk, recoveryKey: string, work: (keys: UnlockedRecovery) => T): Promise<T> {
  if (!normaliseRecoveryKey(recoveryKey)) throw new AppError('recovery.malformed', { fields: { recoveryKey: 'recovery.malformed' } });
  const now = desk.now();
  return attempt(desk, 'recovery', now, 'recovery.wrongKey', async (attemptId) => {
    let keys: UnlockedRecovery;
    try {
      keys = await desk.vault.unlockWithRecoveryKey(recoveryKey);
    } catch (error) {
      if (isAppError(error) && error.code === 'recovery.wrongKey') throw new AppError(error.code, { fields: { recoveryKey: error.code } });
      throw error;
    }
    // The session's database is open already: the data key the recovery slot gave is not needed.
    wipe(keys.dataKey);
    // The right key is no failed attempt, whatever the work then refuses.
    takeBack(desk, 'recovery', attemptId, now, keys.vault);
    try {
      return work(keys);
    } finally {
      wipe(keys.escrowPrivateKey);
    }
  });
}

export async function breakGlass(desk: Desk, input: { recoveryKey: string; visitorId: number; recipientId: number; reason: string }): Promise<{ notes: number; authors: number }> {
  const { db, user } = desk.requireSession();
  const now = desk.now();
  requireActiveVisitor(db, input.visitorId);
  if (input.recipientId === user.id) throw new AppError('notes.cannotGrantSelf');
  if (!isActivePsychologist(db, input.recipientId)) throw new AppError('notes.recipientNotPsychologist');
  const authors = authorsOfVisitorNotes(db, input.visitorId).filter((a) => a.id !== input.recipientId);
  if (authors.length === 0) throw new AppError('notes.nothingToGrant');
  return withRecoveryKey(desk, input.recoveryKey, (keys) => {
    const recipientKey = recipientKeyFromEscrow(db, keys, input.recipientId, now);
    let notes = 0;
    let granted = 0;
    for (const author of authors) {
      const secret = escrowedSecret(db, keys.vault, author.id, keys.escrowPrivateKey);
      if (!secret) continue;
      const wrapKey = authorWrapKeyOf(secret);
      const pinKey = pinKeyOf(secret);
      wipe(secret);
      try {
        const rows = authorNotesFor(db, author.id, input.visitorId, input.recipientId);
        if (rows.length === 0) continue;
        const pin = { kind: 'breakGlass' as const, visitorId: input.visitorId, authorId: author.id, recipientId: input.recipientId };
        const pinned = pinRecipientKey(pinKey, pin, fromB64(recipientKey));
        const grantId = insertGrant(db, { ...pin, recipientKey: pinned, reason: input.reason, grantedBy: user.id }, now);
        granted++;
        const reader = { readerId: input.recipientId, grantId };
        for (const row of rows) {
          const noteKey = unwrapForAuthor(wrapKey, contextOf(row), row.wrapped);
          try {
            if (insertKey(db, { ...reader, noteId: row.id, wrapped: wrapForReader(fromB64(recipientKey), contextOf(row), reader, noteKey) }, now)) notes++;
          } finally {
            wipe(noteKey);
          }
        }
      } finally {
        wipe(wrapKey, pinKey);
      }
    }
    if (granted === 0) throw new AppError('notes.nothingToGrant');
    return { notes, authors: granted };
  });
}

/**
 * The recipient's public key, derived from her escrowed secret (published if she has not
 * logged in since notes came). A different one published was written by someone with the
 * data key: refused, and the router audits the refusal.
 */
function recipientKeyFromEscrow(db: Db, keys: UnlockedRecovery, userId: number, now: Date): string {
  const secret = escrowedSecret(db, keys.vault, userId, keys.escrowPrivateKey);
  if (!secret) throw new AppError('notes.recipientCannotReceive');
  try {
    const derived = toB64(readerPublicKeyOf(secret));
    const published = publicKeyOf(db, userId);
    if (published && published !== derived) throw new AppError('notes.publicKeyTampered');
    if (!published) publishPublicKey(db, userId, derived, now);
    return derived;
  } finally {
    wipe(secret);
  }
}
