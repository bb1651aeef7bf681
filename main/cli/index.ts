import { join } from 'node:path';
import packageInfo from '../../package.json' with { type: 'json' };
import { LANGUAGES } from '../../shared/domain/accounts';
import { defaultDataFolder } from '../core/data-folder';
import { DESK_FILE } from '../core/desk';
import { readDeskLanguage } from '../core/settings/desk-language';
import { ENV, EXIT_OK, UsageError, type Args, type Command } from './command';
import { COMMANDS } from './commands';
import { commandHelp, dataDirOf, parseOptions, takeGlobalOptions, usageLine } from './options';
import { out, report } from './output';
import { languageFromEnvironment } from './prompt';
import { pinLanguage, speakUnlessPinned, t } from './texts';

/**
 * `guichet`: the administrators' command line. Secrets come from environment variables
 * or a hidden prompt, never from arguments (they show in `ps` and in shell history).
 *
 * It speaks the language given by `--language` (before the command), else GUICHET_LANGUAGE,
 * else the desk's (desk.json, the language of the app's login screen), else French. Once
 * an account is logged in (an administrator, or the one `recover` gives a new password), it
 * speaks that account's language, as the app does after its login screen — unless the
 * option or the variable chose one, which then holds for the whole run.
 */

const GROUPS = [...new Set(COMMANDS.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[0]))];

function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), '--language fr|ar|en'.length);
  return [
    t('cli.help.title', { version: packageInfo.version }),
    '',
    t('cli.help.usage', { synopsis: 'guichet [--language fr|ar|en] <command> [options]' }),
    '',
    t('cli.help.commands'),
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${t(c.summary)}`),
    '',
    t('cli.help.globalOptions'),
    `  ${`--language ${LANGUAGES.join('|')}`.padEnd(width)}  ${t('cli.options.language', { variable: ENV.language })}`,
    '',
    t('cli.help.secrets', { variables: [ENV.login, ENV.password, ENV.newPassword, ENV.recoveryKey].join(', ') }),
    t('cli.help.kdf', { variable: ENV.kdf }),
    '',
    t('cli.help.defaultFolder', { dir: defaultDataFolder() }),
    t('cli.help.exitStatus'),
    t('cli.help.more'),
  ].join('\n');
}

function deskLanguageOf(command: Command | null, args: Args = {}) {
  return command?.deskLanguage?.(args) ?? readDeskLanguage(join(dataDirOf(args), DESK_FILE));
}

export async function runCli(argv: readonly string[]): Promise<number> {
  let command: Command | null = null;
  try {
    // Until the command and its folder are known: the default folder's desk language.
    speakUnlessPinned(deskLanguageOf(null));
    const { language, rest } = takeGlobalOptions(argv);
    const chosen = language ?? languageFromEnvironment();
    if (chosen) pinLanguage(chosen);
    const [first, second] = rest;
    if (first === undefined) throw new UsageError('cli.usage.whichCommand');
    if (first === '--help' || first === '-h' || first === 'help') {
      out(globalHelp());
      return EXIT_OK;
    }
    if (first === '--version' || first === '-V') {
      out(packageInfo.version);
      return EXIT_OK;
    }
    command = COMMANDS.find((c) => c.name === `${first} ${second}`) ?? COMMANDS.find((c) => c.name === first) ?? null;
    if (!command) {
      if (GROUPS.includes(first)) {
        const group = COMMANDS.filter((c) => c.name.startsWith(`${first} `));
        if (second === '--help' || second === '-h') {
          out(...group.map((c) => `${usageLine(c)}\n    ${t(c.summary)}`));
          return EXIT_OK;
        }
        throw new UsageError('cli.usage.groupTakes', { group: first, commands: group.map((c) => c.name.split(' ')[1]).join(', ') });
      }
      throw new UsageError('cli.usage.unknownCommand');
    }
    const { args, help } = parseOptions(command, rest.slice(command.name.split(' ').length));
    speakUnlessPinned(deskLanguageOf(command, args));
    if (help) {
      out(commandHelp(command));
      return EXIT_OK;
    }
    return await command.run(args);
  } catch (error) {
    return report(error, command);
  }
}

process.exitCode = await runCli(process.argv.slice(2));
