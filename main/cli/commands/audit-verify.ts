import { CliError, EXIT_OK, type Command } from '../command';
import { DATA_OPTION, dataDirOf } from '../options';
import { out } from '../output';
import { logInAsAdministrator, withDesk } from '../session';
import { t } from '../texts';

export const auditVerify: Command = {
  name: 'audit verify',
  summary: 'cli.auditVerify.summary',
  options: [DATA_OPTION],
  env: ['login', 'password'],
  async run(args) {
    return withDesk(dataDirOf(args), 'setUp', async (desk) => {
      await logInAsAdministrator(desk);
      const check = await desk.call('audit.verify', {});
      if (!check.intact) {
        throw new CliError('audit.broken', { firstBrokenId: check.firstBrokenId ?? 0, problem: check.problem ?? '', entries: check.entries });
      }
      out(t('cli.auditVerify.holds', { count: check.entries }));
      return EXIT_OK;
    });
  },
};
