import { secretEscrowOf } from '../accounts/service';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { openSealedToPublicKey, type SealedToPublicKey } from '../vault/crypto';
import type { Slot, VaultFile } from '../vault/vault-file';
import { publishReaderKey } from './notes';
import { clearSecretMissing, markSecretMissing, restorationOf, setRestoration } from './service';

/** A restored secret is sealed to one slot of one user's in one vault (see break-glass.ts, restoreSecret). */
export const restorationAad = (vault: Pick<VaultFile, 'vaultId'>, userId: number, slotId: string) => `guichet-notes-restore|v1|${vault.vaultId}|${userId}|${slotId}`;

/**
 * At her login without a secret in her slot: the secret an administrator restored for
 * this very slot, opened with the slot's private key, or null. A restoration made for a
 * slot she has replaced since is dropped (the administrator's screen offers it again).
 */
export function restoredSecretAtLogin(db: Db, vault: VaultFile, slot: Slot, slotPrivateKey: Buffer | null, userId: number, now: Date): Buffer | null {
  const restoration = restorationOf(db, userId);
  if (!restoration?.sealed || !slotPrivateKey) return null;
  if (restoration.slotId !== slot.id) {
    setRestoration(db, userId, null, now);
    return null;
  }
  const secret = openSealedToPublicKey(slotPrivateKey, JSON.parse(restoration.sealed) as SealedToPublicKey, restorationAad(vault, userId, slot.id));
  if (!secret) throw new AppError('vault.tampered');
  return secret;
}

/** Her notes' state at each login: with her secret, her public key is published; without it (and one waits in escrow), her notes are closed. */
export function recordNotesSecretAtLogin(db: Db, userId: number, secret: Buffer | null, now: Date): void {
  if (secret) {
    publishReaderKey(db, userId, secret, now);
    clearSecretMissing(db, userId);
  } else if (secretEscrowOf(db, userId)) {
    markSecretMissing(db, userId, now);
  }
}
