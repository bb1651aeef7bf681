import { normaliseRecoveryKey } from '../../core/vault/recovery-key';
import { CliError, EXIT_OK, ENV, type Command } from '../command';
import { DATA_OPTION, dataDirOf } from '../options';
import { out } from '../output';
import { askSecret } from '../prompt';
import { withDesk } from '../session';
import { t } from '../texts';

export const recover: Command = {
  name: 'recover',
  summary: 'cli.recover.summary',
  options: [DATA_OPTION, { name: 'login', value: 'LOGIN', required: true, help: 'cli.recover.options.login' }],
  env: ['recoveryKey', 'newPassword'],
  async run(args) {
    const login = args.login ?? '';
    return withDesk(dataDirOf(args), 'setUp', async (desk) => {
      const recoveryKey = normaliseRecoveryKey(await askSecret(ENV.recoveryKey, t('cli.prompts.recoveryKey')));
      if (!recoveryKey) throw new CliError('recovery.malformed');
      const newPassword = await askSecret(ENV.newPassword, t('cli.prompts.newPasswordFor', { login }), { login, field: 'newPassword' });
      const user = await desk.call('auth.recover', { recoveryKey, login, newPassword });
      out(t('cli.recover.done', { login: user.login }), t('cli.recover.backInTheSafe'));
      return EXIT_OK;
    });
  },
};
