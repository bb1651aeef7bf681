import { chmodSync } from 'node:fs';
import { applyKey, openKeyed } from '../db/database';
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

function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
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
      let written;
      try {
        removeDatabaseFiles(next);
        session.db.pragma('wal_checkpoint(TRUNCATE)');
        session.db.exec(`VACUUM INTO ${sqlString(next)}`);
        if (process.platform !== 'win32') chmodSync(next, 0o600);
        const copy = openKeyed(next, oldKey, { fileMustExist: true, nativeBinding: desk.nativeBinding });
        try {
          applyKey(copy, newKey, 'rekey');
        } finally {
          copy.close();
        }
        // The copy must be whole on the disk before the vault stops opening the old file.
        fsyncFile(next);
        openKeyed(next, newKey, { fileMustExist: true, nativeBinding: desk.nativeBinding }).close();
        written = desk.writeVault(session.db, desk.vault.resealed(vault, oldKey, newKey), newKey);
      } catch (error) {
        // Unless the new vault did reach the disk, the old key still opens everything and the copy is of no use.
        if (!vaultSealedWith(desk, newKey)) removeDatabaseFiles(next);
        throw error;
      }
      // From here the vault holds only the new key; the session must go on with it or end.
      try {
        session.db.close();
        swapInNextDatabase(databasePath);
        desk.replaceSessionKey(desk.openDatabaseFor(written, newKey), copyOf(newKey));
      } catch (error) {
        desk.dropSession();
        throw error;
      }
      return { generation: written.generation };
    });
  } finally {
    wipe(newKey);
  }
}
