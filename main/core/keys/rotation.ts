import { closeSync, openSync } from 'node:fs';
import { checkpoint, vacuumInto } from '../db/copy';
import { applyKey, openKeyed } from '../db/database';
import { recordedVaultGeneration, recordVaultGeneration } from '../db/meta';
import { DATABASE_FILE, type Desk } from '../desk';
import { copyOf, randomBytes, wipe } from '../vault/crypto';
import { verifyVaultMac } from '../vault/vault-file';
import { fsyncFile, nextDatabasePath, removeDatabaseFiles, swapInNextDatabase } from './rotation-files';

function vaultSealedWith(desk: Desk, key: Buffer): boolean {
  try {
    verifyVaultMac(desk.vault.read(), key);
    return true;
  } catch {
    return false;
  }
}

/**
 * Replaces the data key: after it, no copy of the vault made before (a departed
 * colleague's slot in it included) opens the database. The database is re-encrypted
 * under a new random key and the key is re-sealed to every slot's public key, so every
 * active password and the recovery key keep working without anyone typing them.
 * A kill at any point leaves the old key or the new one working (see rotation-files.ts).
 */
export async function rotateDataKey(desk: Desk): Promise<{ generation: number }> {
  const session = desk.requireSession();
  const databasePath = desk.path(DATABASE_FILE);
  const next = nextDatabasePath(databasePath);
  const newKey = randomBytes(32);
  try {
    return await desk.withDataKey(async (oldKey) => {
      const vault = desk.readVault(session.db);
      const generation = Math.max(vault.generation, recordedVaultGeneration(session.db)) + 1;
      try {
        removeDatabaseFiles(next);
        checkpoint(session.db);
        // Made empty with the owner's mode first: VACUUM INTO fills it, and it is never readable by others.
        closeSync(openSync(next, 'wx', 0o600));
        vacuumInto(session.db, next);
        const copy = openKeyed(next, oldKey, { fileMustExist: true, nativeBinding: desk.nativeBinding });
        try {
          applyKey(copy, newKey, 'rekey');
          // The copy knows the generation of the vault about to open it: nothing is written to the old file.
          recordVaultGeneration(copy, generation);
        } finally {
          copy.close();
        }
        // The copy must be whole on the disk before the vault stops opening the old file.
        fsyncFile(next);
        openKeyed(next, newKey, { fileMustExist: true, nativeBinding: desk.nativeBinding }).close();
        desk.vault.write({ ...desk.vault.resealed(vault, oldKey, newKey), generation }, newKey);
      } catch (error) {
        // Until the new vault is on the disk the old key opens everything, and the copy is of no use.
        if (!vaultSealedWith(desk, newKey)) {
          removeDatabaseFiles(next);
          throw error;
        }
        // The vault did reach the disk (a flush failed after the rename): the rotation is done; finish the swap.
      }
      // The commit point is behind: the vault opens only the copy. The session goes on with it, or ends.
      try {
        session.db.close();
        swapInNextDatabase(databasePath);
        desk.replaceSessionKey(desk.openDatabaseFor(desk.vault.read(), newKey), copyOf(newKey));
      } catch (error) {
        desk.dropSession();
        throw error;
      }
      return { generation };
    });
  } finally {
    wipe(newKey);
  }
}
