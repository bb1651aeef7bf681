import { EXIT_OK, type Command } from '../command';
import { DATA_OPTION, dataDirOf } from '../options';
import { out } from '../output';
import { logInAsAdministrator, userIdOf, withDesk } from '../session';
import { t } from '../texts';

export const userDisable: Command = {
  name: 'user disable',
  summary: 'cli.userDisable.summary',
  options: [DATA_OPTION, { name: 'login', value: 'LOGIN', required: true, help: 'cli.userDisable.options.login' }],
  env: ['login', 'password'],
  async run(args) {
    return withDesk(dataDirOf(args), 'setUp', async (desk) => {
      await logInAsAdministrator(desk);
      const user = await desk.call('users.disable', { id: await userIdOf(desk, args.login ?? '') });
      out(t('cli.userDisable.done', { login: user.login, name: user.displayName }));
      return EXIT_OK;
    });
  },
};
