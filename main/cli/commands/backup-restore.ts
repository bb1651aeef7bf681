import { dirname, join, resolve } from 'node:path';
import { SAFETY_COPIES } from '../../core/backups/jobs';
import { backupJobsOf } from '../../core/backups/jobs';
import { CliError, EXIT_OK, UsageError, type Command } from '../command';
import { DATA_OPTION, dataDirOf } from '../options';
import { out } from '../output';
import { askAtTerminal } from '../prompt';
import { withDesk } from '../session';
import { t } from '../texts';
import { askCredentials, backupSecret, followJob, printBackupFacts, utcMoment, type Credentials } from './backup-job';
import { checkedSecret } from './backup-verify';

/**
 * The app's restore, through the router: the backup opened and checked in full, its
 * preview, the typed confirmation, then (on a desk that has data) a safety copy of the
 * current data beside the data folder, and the swap. A desk that has data is unlocked
 * first by an administrator of it today, with GUICHET_LOGIN and GUICHET_PASSWORD (the
 * recovery key opens no session: it only gives a password back); the backup then opens
 * with GUICHET_RECOVERY_KEY when set, else with that same login and password, which must
 * be what she had on the day of the backup. A desk never set up needs only the backup's secret.
 */
export const backupRestore: Command = {
  name: 'backup restore',
  summary: 'cli.backupRestore.summary',
  options: [DATA_OPTION, { name: 'yes', value: '', flag: true, help: 'cli.backupRestore.options.yes' }],
  operand: { name: 'FILE', help: 'cli.backupRestore.options.file' },
  env: ['login', 'password', 'recoveryKey'],
  async run(args) {
    const path = resolve(args.file ?? '');
    const dataDir = dataDirOf(args);
    const confirmedAhead = args.yes !== undefined;
    // Refused before a minute of checking, not after it.
    if (!confirmedAhead && !process.stdin.isTTY) throw new UsageError('cli.backup.usage.noTerminalToConfirm');
    return withDesk(dataDir, 'any', async (desk, { state }) => {
      if (state.kind === 'broken') throw new CliError(state.code);
      const hasData = state.kind !== 'setup';
      let credentials: Credentials | undefined;
      if (hasData) {
        credentials = await askCredentials();
        await desk.call('auth.login', credentials);
      }
      const secret = checkedSecret(await backupSecret(credentials));
      await desk.call('backups.open', { path, secret });
      try {
        const { preview } = await followJob(desk);
        if (!preview) throw new CliError('backup.notFound');
        printBackupFacts(preview, path);
        out('', t('cli.backupRestore.passwordsThen', { made: utcMoment(preview.createdAt) }));
        const safetyCopies = join(dirname(dataDir), SAFETY_COPIES);
        if (hasData) out(t('cli.backupRestore.safetyCopyFirst', { dir: safetyCopies }));
        const word = t('cli.backupRestore.confirmWord');
        const confirmation = confirmedAhead ? word : await askAtTerminal(t('cli.backupRestore.typeToConfirm', { word, dir: dataDir }));
        await desk.call('backups.restore', { confirmation });
        await followJob(desk);
        out(t('cli.backupRestore.done', { path, dir: dataDir }), t('cli.backupRestore.logInAsThen', { made: utcMoment(preview.createdAt) }));
        if (hasData) out(t('cli.backupRestore.safetyCopyKept', { dir: safetyCopies }));
        return EXIT_OK;
      } finally {
        // An opened backup not restored: its checked copy goes now, not at the next start.
        await backupJobsOf(desk.desk).discard();
      }
    });
  },
};
