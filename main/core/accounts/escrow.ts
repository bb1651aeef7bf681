import type { Db } from '../db/database';
import { AppError } from '../errors';
import { fromB64, openSealedToPublicKey, randomBytes, sealToPublicKey, type SealedToPublicKey } from '../vault/crypto';
import type { VaultBody } from '../vault/vault-file';
import { secretEscrowOf, updateUserFields } from './service';

/**
 * Each user's private secret (the key her private notes will use) is escrowed to the
 * recovery key's public half, in the database: only the recovery key brings it back,
 * never an administrator's password.
 */
function escrowAad(vaultId: string, userId: number): string {
  return `guichet-escrow|${vaultId}|${userId}`;
}

function writeEscrow(db: Db, vault: Pick<VaultBody, 'vaultId' | 'recoveryPublicKey'>, userId: number, secret: Buffer, now: Date): void {
  const sealed = sealToPublicKey(fromB64(vault.recoveryPublicKey), secret, escrowAad(vault.vaultId, userId));
  updateUserFields(db, userId, { secretEscrow: JSON.stringify(sealed) }, now);
}

/**
 * With her secret in hand: escrows it if no escrow exists (a crash may have kept it from
 * being written). Without it: a first secret of her own when she never had one; none when
 * one waits in escrow (after a reset by an administrator, only the recovery key gives it back).
 */
export function ensureEscrow(db: Db, vault: Pick<VaultBody, 'vaultId' | 'recoveryPublicKey'>, userId: number, secret: Buffer | null, now: Date): Buffer | null {
  const escrowed = secretEscrowOf(db, userId) !== null;
  if (secret) {
    if (!escrowed) writeEscrow(db, vault, userId, secret, now);
    return secret;
  }
  if (escrowed) return null;
  const fresh = randomBytes(32);
  writeEscrow(db, vault, userId, fresh, now);
  return fresh;
}

/** With the recovery key's private half: her secret back from escrow, or a first one if she had none. */
export function secretFromEscrow(db: Db, vault: Pick<VaultBody, 'vaultId' | 'recoveryPublicKey'>, userId: number, escrowPrivateKey: Buffer, now: Date): Buffer {
  const escrow = secretEscrowOf(db, userId);
  if (!escrow) {
    const fresh = randomBytes(32);
    writeEscrow(db, vault, userId, fresh, now);
    return fresh;
  }
  const secret = openSealedToPublicKey(escrowPrivateKey, JSON.parse(escrow) as SealedToPublicKey, escrowAad(vault.vaultId, userId));
  if (!secret) throw new AppError('vault.tampered');
  return secret;
}

/** With the recovery key's private half: her escrowed secret, or null when she never had one (break-glass never makes one up). */
export function escrowedSecret(db: Db, vault: Pick<VaultBody, 'vaultId'>, userId: number, escrowPrivateKey: Buffer): Buffer | null {
  const escrow = secretEscrowOf(db, userId);
  if (!escrow) return null;
  const secret = openSealedToPublicKey(escrowPrivateKey, JSON.parse(escrow) as SealedToPublicKey, escrowAad(vault.vaultId, userId));
  if (!secret) throw new AppError('vault.tampered');
  return secret;
}
