import { EXIT_OK, type Command } from '../command';
import { DATA_OPTION, dataDirOf } from '../options';
import { printOneTimePassword } from '../output';
import { logInAsAdministrator, userIdOf, withDesk } from '../session';

export const userResetPassword: Command = {
  name: 'user reset-password',
  summary: 'cli.userResetPassword.summary',
  options: [DATA_OPTION, { name: 'login', value: 'LOGIN', required: true, help: 'cli.userResetPassword.options.login' }],
  env: ['login', 'password'],
  async run(args) {
    return withDesk(dataDirOf(args), 'setUp', async (desk) => {
      await logInAsAdministrator(desk);
      printOneTimePassword(await desk.call('users.resetPassword', { id: await userIdOf(desk, args.login ?? '') }), 'cli.userResetPassword.done');
      return EXIT_OK;
    });
  },
};
