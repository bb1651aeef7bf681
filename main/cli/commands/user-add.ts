import { contract } from '../../../shared/contract';
import { ROLES } from '../../../shared/domain/accounts';
import { EXIT_OK, type Command } from '../command';
import { accountLanguageOf, accountLanguageOption, DATA_OPTION, dataDirOf, precheck, rolesOf } from '../options';
import { printOneTimePassword } from '../output';
import { logInAsAdministrator, withDesk } from '../session';

export const userAdd: Command = {
  name: 'user add',
  summary: 'cli.userAdd.summary',
  options: [
    DATA_OPTION,
    { name: 'login', value: 'LOGIN', required: true, help: 'cli.userAdd.options.login' },
    { name: 'name', value: 'NAME', required: true, help: 'cli.userAdd.options.name' },
    { name: 'roles', value: 'ROLES', required: true, help: 'cli.userAdd.options.roles', helpValues: { roles: ROLES.join(', ') } },
    accountLanguageOption('cli.userAdd.options.language'),
  ],
  env: ['login', 'password'],
  async run(args) {
    const input = { login: args.login ?? '', displayName: args.name ?? '', roles: rolesOf(args), language: accountLanguageOf(args) };
    precheck(contract['users.create'].input, input);
    return withDesk(dataDirOf(args), 'setUp', async (desk) => {
      await logInAsAdministrator(desk);
      printOneTimePassword(await desk.call('users.create', input), 'cli.userAdd.done');
      return EXIT_OK;
    });
  },
};
