import { rmSync } from 'node:fs';
import type { Language } from '../../../shared/domain/accounts';
import type { SetupResult } from '../../../shared/contract/app';
import { rolesChangeDetail } from '../../../shared/domain/audit';
import { ensureEscrow } from '../accounts/escrow';
import { checkNewPassword } from '../accounts/password-policy';
import { getUser, insertUser, toSessionUser } from '../accounts/service';
import { appendAudit } from '../audit/service';
import { writeSettings } from '../settings/service';
import { openDatabase, type Db } from '../db/database';
import { recordVaultGeneration, writeMeta } from '../db/meta';
import { DATABASE_FILE, SETUP_MARKER, VAULT_FILE, type Desk } from '../desk';
import { writeFileAtomic } from '../storage/atomic-write';
import { AppError } from '../errors';
import { wipe } from '../vault/crypto';
import { calibrateKdf } from '../vault/kdf';

export interface SetupInput {
  login: string;
  displayName: string;
  password: string;
  language: Language;
  organisationName: string;
}

/**
 * First run: a new vault (data key, the first administrator's slot, the recovery slot)
 * and a new database. On any failure only what this call created is removed, so a
 * folder that was not empty is never touched.
 */
export async function setUpDesk(desk: Desk, input: SetupInput): Promise<SetupResult> {
  if (desk.folderProblem() !== 'empty') throw new AppError('data.alreadyInitialized');
  checkNewPassword(input.password, input.login, 'password');
  const now = desk.now();
  const cost = desk.kdfCost ?? (await calibrateKdf());
  const adminId = 1;
  const made = await desk.vault.create({ userId: adminId, login: input.login, password: input.password }, cost, now);
  const created: string[] = [];
  let db: Db | null = null;
  try {
    if (desk.folderProblem() !== 'empty') throw new AppError('data.alreadyInitialized');
    // Until the vault is written, a kill leaves a folder the next start empties again (Desk.open).
    writeFileAtomic(desk.path(SETUP_MARKER), '');
    created.push(SETUP_MARKER);
    db = openDatabase(desk.path(DATABASE_FILE), made.dataKey, { create: true, nativeBinding: desk.nativeBinding, now });
    created.push(DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`);
    const openDb = db;
    openDb.transaction(() => {
      writeMeta(openDb, 'vault_id', made.body.vaultId);
      writeMeta(openDb, 'created_at', now.toISOString());
      recordVaultGeneration(openDb, made.body.generation);
      insertUser(openDb, { id: adminId, login: input.login, displayName: input.displayName, roles: ['admin'], language: input.language, mustChangePassword: false, secretEscrow: null }, now);
      ensureEscrow(openDb, made.body, adminId, made.userSecret, now);
      writeSettings(openDb, { organisationName: input.organisationName }, adminId, now);
      appendAudit(openDb, {
        at: now.toISOString(),
        userId: adminId,
        action: 'setup.create',
        entity: 'user',
        entityId: String(adminId),
        outcome: 'success',
        detail: rolesChangeDetail([], ['admin']),
      });
      appendAudit(openDb, { at: now.toISOString(), userId: adminId, action: 'auth.login', entity: 'user', entityId: String(adminId), outcome: 'success' });
    })();
    created.push(VAULT_FILE);
    desk.vault.write(made.body, made.dataKey);
    rmSync(desk.path(SETUP_MARKER));
  } catch (error) {
    db?.close();
    for (const file of created) rmSync(desk.path(file), { force: true });
    wipe(made.dataKey, made.userSecret);
    throw error;
  }
  const user = toSessionUser(getUser(db, adminId));
  desk.beginSession({ db, dataKey: made.dataKey, userSecret: made.userSecret, user });
  try {
    desk.setDeskLanguage(input.language);
  } catch {
    // The desk exists: its recovery key must be shown, whatever the login screen's language.
  }
  return { user, recoveryKey: made.recoveryKey };
}
