import { EXIT_OK, type Command } from '../command';
import { DATA_OPTION, dataDirOf } from '../options';
import { out } from '../output';
import { logInAsAdministrator, withDesk } from '../session';
import { t } from '../texts';

export const keyRotate: Command = {
  name: 'key rotate',
  summary: 'cli.keyRotate.summary',
  options: [DATA_OPTION],
  env: ['login', 'password'],
  async run(args) {
    return withDesk(dataDirOf(args), 'setUp', async (desk) => {
      await logInAsAdministrator(desk);
      const started = performance.now();
      await desk.call('keys.rotate', {});
      out(t('cli.keyRotate.done', { seconds: ((performance.now() - started) / 1000).toFixed(1) }), t('cli.keyRotate.passwordsKept'));
      return EXIT_OK;
    });
  },
};
