import { join, resolve } from 'node:path';
import { backupFolderOn } from '../../core/backups/jobs';
import { EXIT_OK, type Command } from '../command';
import { DATA_OPTION, dataDirOf } from '../options';
import { out } from '../output';
import { logInAsAdministrator, withDesk } from '../session';
import { t } from '../texts';
import { followJob, megabytes } from './backup-job';

/**
 * The app's own backup job, through the router: the administrator's login, the snapshot,
 * the file written and verified, the desk's rotation, `last_backup` and the audit entry,
 * exactly as the Backups screen makes them.
 */
export const backupCreate: Command = {
  name: 'backup create',
  summary: 'cli.backupCreate.summary',
  options: [DATA_OPTION, { name: 'to', value: 'DIR', required: true, help: 'cli.backupCreate.options.to' }],
  env: ['login', 'password'],
  async run(args) {
    const folder = resolve(args.to ?? '');
    return withDesk(dataDirOf(args), 'setUp', async (desk) => {
      await logInAsAdministrator(desk);
      await desk.call('backups.create', { folder });
      const { backup } = await followJob(desk);
      const path = join(backupFolderOn(folder), backup?.file ?? '');
      out(t('cli.backupCreate.done', { path, size: megabytes(backup?.bytes ?? 0) }));
      if (backup && backup.deleted.length > 0) out(t('cli.backupCreate.rotated', { count: backup.deleted.length }));
      return EXIT_OK;
    });
  },
};
