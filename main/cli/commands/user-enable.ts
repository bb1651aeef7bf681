import { EXIT_OK, type Command } from '../command';
import { DATA_OPTION, dataDirOf } from '../options';
import { printOneTimePassword } from '../output';
import { logInAsAdministrator, userIdOf, withDesk } from '../session';

export const userEnable: Command = {
  name: 'user enable',
  summary: 'cli.userEnable.summary',
  options: [DATA_OPTION, { name: 'login', value: 'LOGIN', required: true, help: 'cli.userEnable.options.login' }],
  env: ['login', 'password'],
  async run(args) {
    return withDesk(dataDirOf(args), 'setUp', async (desk) => {
      await logInAsAdministrator(desk);
      printOneTimePassword(await desk.call('users.enable', { id: await userIdOf(desk, args.login ?? '') }), 'cli.userEnable.done');
      return EXIT_OK;
    });
  },
};
