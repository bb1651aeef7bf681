import { existsSync } from 'node:fs';
import { CliError, EXIT_OK, type Command } from '../command';
import { DATA_OPTION, dataDirOf } from '../options';
import { out } from '../output';
import { withDesk } from '../session';
import { t } from '../texts';

export const status: Command = {
  name: 'status',
  summary: 'cli.status.summary',
  options: [DATA_OPTION],
  env: [],
  async run(args) {
    const dataDir = dataDirOf(args);
    out(t('cli.status.folder', { dir: dataDir }));
    // Never creates the folder it is asked about.
    if (!existsSync(dataDir)) {
      out(t('cli.status.notSetUp'));
      return EXIT_OK;
    }
    return withDesk(dataDir, 'any', async (_desk, { state, deskLanguage, version }) => {
      if (state.kind === 'broken') throw new CliError(state.code);
      out(
        state.kind === 'setup' ? t('cli.status.notSetUp') : t('cli.status.locked'),
        t('cli.status.deskLanguage', { language: `${t(`languageNames.${deskLanguage}`)} (${deskLanguage})` }),
        t('cli.status.version', { version }),
      );
      return EXIT_OK;
    });
  },
};
