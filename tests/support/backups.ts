import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createBackup, type CreatedBackup } from '../../main/core/backups/backup';
import type { OpenForWrite } from '../../main/core/backups/file';
import { VAULT_FILE } from '../../main/core/desk';
import { isolatedDataDir, loginAs, tempDataDir } from './desk';
import { body, notesDesk } from './notes';

/** Written into a visitor's name and a note: it must never be found in a backup's bytes. */
export const CANARY = 'CANARY-Zineb-7f3a9c';

/** A desk with staff, two visitors (one named with the canary) and a note holding it. */
export async function backupDesk() {
  // Beside its data folder a desk keeps safety copies: in a folder of this test's own.
  const t = await notesDesk(isolatedDataDir());
  await loginAs(t, t.staff.desk);
  const consents = { dataProcessing: true, referrals: true, phoneContact: false, reporting: true };
  const named = await t.ok('visitors.register', { fields: { sex: 'female', birthYear: 1991, firstName: CANARY, lastName: CANARY }, consents });
  t.desk.lock('button');
  await loginAs(t, t.salma);
  await t.ok('notes.create', { visitorId: named.id, body: body(`She said: ${CANARY}`) });
  t.desk.lock('button');
  return { ...t, namedVisitorId: named.id };
}

export type BackupDesk = Awaited<ReturnType<typeof backupDesk>>;

/** A folder standing for a USB drive. */
export function fakeDrive(): string {
  const dir = join(tempDataDir('guichet-drive-'), 'KINGSTON');
  mkdirSync(dir);
  return dir;
}

/** A backup of the desk as its administrator (who must be logged in) makes it, to `targetDir`. */
export async function backUp(
  t: BackupDesk,
  targetDir: string,
  extra: { openForWrite?: OpenForWrite; freeBytes?: (dir: string) => Promise<number>; signal?: AbortSignal } = {},
): Promise<CreatedBackup> {
  const session = t.desk.requireSession();
  return createBackup({
    dataDir: t.dir,
    db: session.db,
    dataKey: session.dataKey,
    vaultPath: t.desk.path(VAULT_FILE),
    appVersion: 'test',
    now: t.clock.now(),
    targetDir,
    ...extra,
  });
}
