import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { DEFAULT_LANGUAGE, LANGUAGES, ROLES, type Language, type Role } from '../../shared/domain/accounts';
import { defaultDataFolder } from '../core/data-folder';
import { fieldErrorsOf } from '../core/router';
import { CliError, ENV, UsageError, type Args, type Command, type OptionSpec } from './command';
import { currentLanguage, isLanguage, t } from './texts';

export const DATA_OPTION: OptionSpec = { name: 'data', value: 'DIR', help: 'cli.options.data' };
const LANGUAGE_VALUES = LANGUAGES.join('|');

/** The language of an account a command creates (her screens), not of the command line's messages. */
export function accountLanguageOption(help: 'cli.init.options.language' | 'cli.userAdd.options.language'): OptionSpec {
  return { name: 'language', value: LANGUAGE_VALUES, help, helpValues: { default: DEFAULT_LANGUAGE } };
}

const optionText = (o: OptionSpec) => (o.flag ? `--${o.name}` : `--${o.name} ${o.value}`);

export function usageLine(command: Command): string {
  const parts = command.options.map((o) => (o.required ? optionText(o) : `[${optionText(o)}]`));
  if (command.operand) parts.push(command.operand.name);
  return t('cli.help.usage', { synopsis: `guichet ${command.name} ${parts.join(' ')}` });
}

export function commandHelp(command: Command): string {
  const width = Math.max(...command.options.map((o) => optionText(o).length), command.operand?.name.length ?? 0);
  const lines = [usageLine(command), '', `${t(command.summary)}.`, '', t('cli.help.options')];
  if (command.operand) lines.push(`  ${command.operand.name.padEnd(width)}  ${t(command.operand.help)}`);
  for (const o of command.options) lines.push(`  ${optionText(o).padEnd(width)}  ${t(o.help, o.helpValues)}`);
  lines.push(`  ${'--help'.padEnd(width)}  ${t('cli.options.help')}`);
  lines.push('', t('cli.help.environment'));
  for (const name of [...command.env, 'language'] as const) lines.push(`  ${ENV[name].padEnd(22)}  ${t(`cli.env.${name}`)}`);
  lines.push('', t('cli.help.defaultFolder', { dir: defaultDataFolder() }));
  return lines.join('\n');
}

/**
 * The options before the command: `--language` picks the language of this run's messages.
 * It goes there because `init` and `user add` have their own `--language`, the account's.
 */
export function takeGlobalOptions(argv: readonly string[]): { language: Language | undefined; rest: string[] } {
  let index = 0;
  let language: string | undefined;
  while (index < argv.length) {
    const token = argv[index];
    let value: string | undefined;
    if (token === '--language') {
      value = argv[index + 1];
      if (value === undefined || value.startsWith('-')) throw new UsageError('cli.usage.needsValue', { option: token, value: LANGUAGE_VALUES });
      index += 2;
    } else if (token.startsWith('--language=')) {
      value = token.slice('--language='.length);
      index += 1;
    } else break;
    if (language !== undefined) throw new UsageError('cli.usage.givenTwice', { option: '--language' });
    language = value;
  }
  if (language !== undefined && !isLanguage(language)) throw new UsageError('cli.usage.languageOneOf', { name: '--language', languages: LANGUAGES.join(', ') });
  return { language, rest: argv.slice(index) };
}

/** A command's options as `--name VALUE` or `--name=VALUE`; nothing the user typed is echoed back but option names. */
export function parseOptions(command: Command, argv: string[]): { args: Args; help: boolean } {
  const { tokens } = parseArgs({
    args: argv,
    options: {
      help: { type: 'boolean', short: 'h' },
      // Read with its value even where the command has no --language, to point it before the command.
      language: { type: 'string' },
      ...Object.fromEntries(command.options.map((o) => [o.name, { type: o.flag ? ('boolean' as const) : ('string' as const) }])),
    },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const args: Args = {};
  let help = false;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      const operand = command.operand?.name.toLowerCase();
      if (operand === undefined || args[operand] !== undefined) throw new UsageError('cli.usage.unexpectedArgument');
      args[operand] = token.value;
      continue;
    }
    if (token.name === 'help') {
      help = true;
      continue;
    }
    const spec = command.options.find((o) => o.name === token.name);
    if (!spec) throw unknownOption(command, token.rawName, token.value);
    if (spec.flag) {
      if (token.value !== undefined) throw new UsageError('cli.backup.usage.flagTakesNoValue', { option: token.rawName });
      if (args[spec.name] !== undefined) throw new UsageError('cli.usage.givenTwice', { option: token.rawName });
      args[spec.name] = 'yes';
      continue;
    }
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) {
      throw new UsageError('cli.usage.needsValue', { option: token.rawName, value: spec.value });
    }
    if (args[spec.name] !== undefined) throw new UsageError('cli.usage.givenTwice', { option: token.rawName });
    args[spec.name] = token.value;
  }
  if (!help) {
    const missing = command.options.find((o) => o.required && args[o.name] === undefined);
    if (missing) throw new UsageError('cli.usage.required', { option: `--${missing.name}` });
    if (command.operand && args[command.operand.name.toLowerCase()] === undefined) throw new UsageError('cli.usage.required', { option: command.operand.name });
  }
  return { args, help };
}

function unknownOption(command: Command, rawName: string, value: string | undefined): UsageError {
  if (/pass|secret|key|token/i.test(rawName)) {
    return new UsageError('cli.usage.unknownSecretOption', { option: rawName, variables: [ENV.password, ENV.newPassword, ENV.recoveryKey].join(', ') });
  }
  if (rawName === '--language') {
    // A language code is the one value safe to show back: anything else, the current language stands in.
    return new UsageError('cli.usage.languageBeforeCommand', { command: command.name, language: isLanguage(value) ? value : currentLanguage() });
  }
  return new UsageError('cli.usage.unknownOption', { option: rawName });
}

export function dataDirOf(args: Args): string {
  return resolve(args.data ?? defaultDataFolder());
}

/** An account's language (`--language` of init and user add). */
export function accountLanguageOf(args: Args): Language {
  const language = args.language ?? DEFAULT_LANGUAGE;
  if (!isLanguage(language)) throw new UsageError('cli.usage.languageOneOf', { name: '--language', languages: LANGUAGES.join(', ') });
  return language;
}

export function rolesOf(args: Args): Role[] {
  const roles = (args.roles ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  if (roles.length === 0 || roles.some((r) => !(ROLES as readonly string[]).includes(r))) {
    throw new UsageError('cli.usage.roles', { roles: ROLES.join(', ') });
  }
  return roles as Role[];
}

/** Checks the plain fields with the procedure's own schema before anyone types a secret. */
export function precheck(schema: z.ZodType, input: unknown): void {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new CliError('call.invalidInput', {}, fieldErrorsOf(parsed.error));
}
