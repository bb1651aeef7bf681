import { contract } from '../../../shared/contract';
import { EXIT_OK, ENV, type Command } from '../command';
import { accountLanguageOf, accountLanguageOption, DATA_OPTION, dataDirOf, precheck } from '../options';
import { out } from '../output';
import { askSecret, kdfCostFromEnvironment } from '../prompt';
import { withDesk } from '../session';
import { t } from '../texts';

export const init: Command = {
  name: 'init',
  summary: 'cli.init.summary',
  options: [
    DATA_OPTION,
    { name: 'admin', value: 'LOGIN', required: true, help: 'cli.init.options.admin' },
    { name: 'name', value: 'NAME', required: true, help: 'cli.init.options.name' },
    { name: 'organisation', value: 'NAME', required: true, help: 'cli.init.options.organisation' },
    accountLanguageOption('cli.init.options.language'),
  ],
  env: ['password', 'kdf'],
  fieldNames: { login: '--admin', organisationName: '--organisation' },
  // The folder has no desk.json yet: it speaks the language it is setting up.
  deskLanguage: accountLanguageOf,
  async run(args) {
    const dataDir = dataDirOf(args);
    const fields = { login: args.admin ?? '', displayName: args.name ?? '', organisationName: args.organisation ?? '', language: accountLanguageOf(args) };
    precheck(contract['setup.create'].input.omit({ password: true }), fields);
    return withDesk(dataDir, 'empty', async (desk) => {
      const password = await askSecret(ENV.password, t('cli.prompts.passwordFor', { login: fields.login }), { login: fields.login, field: 'password' });
      if (process.stderr.isTTY && !kdfCostFromEnvironment()) process.stderr.write(`${t('cli.init.measuring')}\n`);
      const { user, recoveryKey } = await desk.call('setup.create', { ...fields, password });
      out(
        t('cli.init.done', { dir: dataDir }),
        t('cli.init.administrator', { login: user.login, name: user.displayName }),
        '',
        t('cli.init.recoveryKey'),
        '',
        `    ${recoveryKey}`,
        '',
        t('cli.init.keepItSafe'),
        t('cli.init.onlyWayBack'),
      );
      return EXIT_OK;
    });
  },
};
