import { secretEscrowOf } from '../accounts/service';
import type { Db } from '../db/database';
import { publishReaderKey } from './notes';
import { clearSecretMissing, markSecretMissing } from './service';

/**
 * Her notes' state at each login: with her secret, her public key is published; without it
 * (and one waits in escrow), her notes are closed until auth.recover, with her present,
 * puts her secret from escrow straight into the new slot she chooses.
 */
export function recordNotesSecretAtLogin(db: Db, userId: number, secret: Buffer | null, now: Date): void {
  if (secret) {
    publishReaderKey(db, userId, secret, now);
    clearSecretMissing(db, userId);
  } else if (secretEscrowOf(db, userId)) {
    markSecretMissing(db, userId, now);
  }
}
