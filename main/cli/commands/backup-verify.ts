import { wallMomentOf } from '../../../shared/domain/calendar';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { BackupPreview } from '../../../shared/domain/backups';
import { verifyBackup, type BackupSecret } from '../../core/backups/backup';
import { removeQuietly } from '../../core/backups/file';
import { LATEST_VERSION } from '../../core/db/migrations';
import { isAppError } from '../../core/errors';
import { normaliseRecoveryKey } from '../../core/vault/recovery-key';
import { CliError, EXIT_OK, type Command } from '../command';
import { DATA_OPTION, dataDirOf } from '../options';
import { out } from '../output';
import { withDesk } from '../session';
import { t } from '../texts';
import { backupSecret, printBackupFacts, progressLine } from './backup-job';
import { deskIdIn } from './backup-list';

/** A recovery key mistyped is said so before a minute of checking, not taken for another desk's key. */
export function checkedSecret(secret: BackupSecret): BackupSecret {
  if (secret.kind === 'recovery' && !normaliseRecoveryKey(secret.recoveryKey)) throw new CliError('recovery.malformed');
  return secret;
}

async function verifyIn(workDir: string, path: string, secret: BackupSecret, thisDeskId: string | null): Promise<BackupPreview> {
  const progress = progressLine();
  try {
    const { manifest, fileBytes } = await verifyBackup({ path, secret, dataDir: workDir, onProgress: (p) => progress.show(p) });
    return {
      file: basename(path),
      createdAt: manifest.createdAt,
      // The command line prints times in UTC (the desk's zone is in its encrypted settings).
      createdAtWall: wallMomentOf(manifest.createdAt, 'UTC'),
      deskId: manifest.deskId,
      thisDesk: manifest.deskId === thisDeskId,
      appVersion: manifest.appVersion,
      schemaVersion: manifest.schemaVersion,
      currentSchemaVersion: LATEST_VERSION,
      counts: manifest.counts,
      newestRecordAt: manifest.newestRecordAt,
      newestRecordAtWall: manifest.newestRecordAt ? wallMomentOf(manifest.newestRecordAt, 'UTC') : null,
      bytes: fileBytes,
      openedWith: secret.kind === 'recovery' ? 'recoveryKey' : 'password',
    };
  } finally {
    progress.end();
  }
}

/**
 * A full check, as a restore makes it before its preview: the header's MAC, every chunk,
 * the database inside opened with its key, `integrity_check`, the counts. The payload is
 * extracted (still SQLCipher-encrypted) into a work folder inside the data folder, under
 * its lock, so that a kill leaves nothing the desk's next start does not remove; with no
 * data folder yet, or while the app holds it, into a private temporary folder. Nothing is
 * written to the desk.
 */
export const backupVerify: Command = {
  name: 'backup verify',
  summary: 'cli.backupVerify.summary',
  options: [DATA_OPTION],
  operand: { name: 'FILE', help: 'cli.backupVerify.options.file' },
  env: ['recoveryKey', 'login', 'password'],
  async run(args) {
    const path = resolve(args.file ?? '');
    const dataDir = dataDirOf(args);
    const secret = checkedSecret(await backupSecret());
    const deskId = deskIdIn(dataDir);
    let preview: BackupPreview | null = null;
    if (existsSync(dataDir)) {
      try {
        preview = await withDesk(dataDir, 'any', () => verifyIn(dataDir, path, secret, deskId));
      } catch (error) {
        // The app has the folder open: the check needs nothing of the desk, so it works apart.
        if (!(isAppError(error) && error.code === 'data.inUse')) throw error;
      }
    }
    if (!preview) {
      const work = mkdtempSync(join(tmpdir(), 'guichet-verify-'));
      try {
        preview = await verifyIn(work, path, secret, deskId);
      } finally {
        await removeQuietly(work);
      }
    }
    printBackupFacts(preview, path);
    out(t('cli.backupVerify.done', { path }));
    return EXIT_OK;
  },
};
