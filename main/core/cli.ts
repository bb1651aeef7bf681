import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import packageInfo from '../../package.json' with { type: 'json' };
import { contract, type InputOf, type OutputOf, type ProcedureName } from '../../shared/contract';
import type { DeskStatus } from '../../shared/contract/app';
import type { UserWithOneTimePassword } from '../../shared/contract/users';
import { DEFAULT_LANGUAGE, LANGUAGES, ROLES, type Language, type Role } from '../../shared/domain/accounts';
import type { AuditVerification } from '../../shared/domain/audit';
import { isErrorCode, type ErrorCode, type ErrorParams, type FieldErrors } from '../../shared/errors';
import { checkNewPassword } from './accounts/password-policy';
import { defaultDataFolder } from './data-folder';
import { seedVisitors } from './visitors/seed';
import { readSettings } from './settings/service';
import { Desk } from './desk';
import { isAppError } from './errors';
import { createDeskRouter } from './handlers';
import { fieldErrorsOf, type Router } from './router';
import { KDF_FLOOR, type KdfCost } from './vault/kdf';
import { normaliseRecoveryKey } from './vault/recovery-key';
import { normaliseLogin } from './vault/vault';

/**
 * `guichet`: the administrator's command line. Every act goes through the same
 * router as the app (roles checked, audited), on the same data folder, which the
 * core's folder lock keeps to one process at a time.
 *
 * Secrets come from environment variables (for scripts) or a hidden prompt, never
 * from arguments: those show in `ps` and in shell history. Nothing is printed but
 * what a command exists to show; errors are one line naming a code, never a raw
 * message or a stack, which could quote data.
 */

const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
/** The shell's convention for a program stopped by Ctrl-C. */
const EXIT_CANCELLED = 130;

const ENV = {
  login: 'GUICHET_LOGIN',
  password: 'GUICHET_PASSWORD',
  newPassword: 'GUICHET_NEW_PASSWORD',
  recoveryKey: 'GUICHET_RECOVERY_KEY',
  kdf: 'GUICHET_KDF',
} as const;

// ── failures ─────────────────────────────────────────────────────────────────

/** The core's codes, and two the command line adds: a broken audit chain, a confirmation that differs. */
type CliCode = ErrorCode | 'audit.broken' | 'password.mismatch';

class CliError extends Error {
  constructor(
    readonly code: CliCode,
    readonly params: ErrorParams = {},
    readonly fields: FieldErrors = {},
  ) {
    super(code);
  }
}

/** A call the command line cannot make sense of: exit 2 with the command's usage. */
class UsageError extends Error {}

/** Ctrl-C or Ctrl-D at a prompt. */
class Cancelled extends Error {}

/** A field error that is itself an error code (`password.tooShort`) is the clearer thing to report. */
function cliErrorOf(error: { code: ErrorCode; params?: ErrorParams; fields?: FieldErrors }): CliError {
  const fields = Object.entries(error.fields ?? {});
  if (error.code === 'call.invalidInput' && fields.length === 1 && isErrorCode(fields[0][1])) {
    return new CliError(fields[0][1], error.params);
  }
  return new CliError(error.code, error.params, error.fields);
}

const EXPLANATIONS: Partial<Record<CliCode, string>> = {
  'call.unknownProcedure': 'unknown procedure',
  'call.invalidInput': 'invalid input',
  'call.forbidden': 'this account is not an administrator',
  'call.internal': 'unexpected failure (details are withheld: they could quote confidential data)',
  'data.inUse': 'the data folder is open in another Guichet (the app or another command); close it and try again',
  'data.notInitialized': 'the data folder is not set up; run guichet init',
  'data.alreadyInitialized': 'the data folder is already set up; nothing was changed',
  'vault.missing': 'the vault file (vault.json) is missing from the data folder',
  'vault.corrupt': 'the vault file (vault.json) is unreadable',
  'vault.tampered': 'the vault file (vault.json) was altered outside Guichet',
  'vault.mismatch': 'the vault and the database do not belong together',
  'db.missing': 'the database (guichet.db) is missing from the data folder',
  'db.corrupt': 'the database is damaged; restore a backup',
  'db.wrongKey': 'the database does not open with this vault',
  'storage.writeFailed': 'could not write to the data folder',
  'auth.invalidCredentials': 'wrong login or password',
  'auth.throttled': 'too many failed attempts',
  'auth.locked': 'not logged in',
  'auth.passwordChangeRequired': 'this account must first replace its one-time password (log in to the app)',
  'auth.wrongCurrentPassword': 'wrong current password',
  'recovery.malformed': 'this is not a recovery key (8 groups of 4 characters)',
  'recovery.wrongKey': 'wrong recovery key',
  'recovery.unknownLogin': 'no active user has this login',
  'vault.stale': 'the vault file (vault.json) is older than the database: an old copy was put back; restore the current one',
  'vault.keyWiped': 'the key was wiped while in use; nothing was written',
  'storage.full': 'the disk is full; free some space and try again',
  'password.tooShort': 'the password must have at least 8 characters',
  'password.tooLong': 'the password must have at most 1024 characters',
  'password.tooCommon': 'this password is too common; choose a longer, unusual one (a few words make a good one)',
  'password.sameAsLogin': 'the password must not be the login',
  'password.unchanged': 'the new password is the current one',
  'password.mismatch': 'the two passwords typed differ; nothing was changed',
  'users.loginTaken': 'this login is taken',
  'users.notFound': 'no user has this login',
  'users.lastAdmin': 'this is the last active administrator',
  'users.cannotDisableSelf': 'an administrator cannot disable her own account',
  'users.alreadyDisabled': 'this account is disabled (guichet user enable gives it a new one-time password)',
  'users.notDisabled': 'this account is not disabled',
};

const AUDIT_PROBLEMS: Record<NonNullable<AuditVerification['problem']>, string> = {
  edited: 'it was edited',
  missing: 'entries before it were removed',
  reordered: 'entries were moved',
  truncated: 'it and the entries after it were removed',
};

/** Only the params known to be safe (counts, seconds, an errno code) are shown. */
function explain(code: CliCode, params: ErrorParams): string {
  const number = (key: string) => (typeof params[key] === 'number' ? params[key] : null);
  switch (code) {
    case 'auth.invalidCredentials':
    case 'auth.throttled': {
      const seconds = number('seconds');
      return `${EXPLANATIONS[code]}${seconds ? `; wait ${seconds} s before the next try` : ''}`;
    }
    case 'db.fromNewerVersion':
      return `the database was written by a newer Guichet (schema ${number('found') ?? '?'}, this one reads up to ${number('supported') ?? '?'}); update Guichet`;
    case 'storage.writeFailed': {
      const reason = typeof params.reason === 'string' && /^[A-Z]+$/.test(params.reason) ? ` (${params.reason})` : '';
      return `${EXPLANATIONS[code]}${reason}`;
    }
    case 'audit.broken': {
      const problem = AUDIT_PROBLEMS[params.problem as keyof typeof AUDIT_PROBLEMS] ?? 'it does not match';
      return `the audit chain does not hold at entry ${number('firstBrokenId') ?? '?'}: ${problem} (${number('entries') ?? 0} entries checked)`;
    }
    default:
      return EXPLANATIONS[code] ?? 'see the code';
  }
}

// ── commands and their options ───────────────────────────────────────────────

interface OptionSpec {
  name: string;
  /** The value's placeholder; every option but --help takes one. */
  value: string;
  required?: boolean;
  help: string;
}

type Args = Partial<Record<string, string>>;

interface Command {
  name: string;
  summary: string;
  options: OptionSpec[];
  /** The environment variables it reads, for its help. */
  env: (keyof typeof ENV)[];
  /** How a field of the procedure's input is called on this command line. */
  fieldNames?: Record<string, string>;
  run(args: Args): Promise<number>;
}

const DATA_OPTION: OptionSpec = { name: 'data', value: 'DIR', help: 'the data folder (default: the app\'s own, see below)' };
const LANGUAGE_OPTION: OptionSpec = { name: 'language', value: LANGUAGES.join('|'), help: `the language of the interface (default ${DEFAULT_LANGUAGE})` };

const FIELD_NAMES: Record<string, string> = {
  login: '--login',
  displayName: '--name',
  roles: '--roles',
  language: '--language',
  password: 'the password',
  newPassword: 'the new password',
  recoveryKey: 'the recovery key',
};

const ENV_HELP: Record<keyof typeof ENV, string> = {
  login: 'the administrator\'s login (else asked at the terminal)',
  password: 'the password (else asked at the terminal, hidden)',
  newPassword: 'the new password (else asked twice, hidden)',
  recoveryKey: 'the recovery key (else asked, hidden)',
  kdf: '"floor" makes a new vault with the minimum key-derivation cost instead of ~0.5 s: FOR TESTS AND CI ONLY',
};

function usageLine(command: Command): string {
  const parts = command.options.map((o) => (o.required ? `--${o.name} ${o.value}` : `[--${o.name} ${o.value}]`));
  return `usage: guichet ${command.name} ${parts.join(' ')}`;
}

function commandHelp(command: Command): string {
  const width = Math.max(...command.options.map((o) => o.name.length + o.value.length + 3));
  const lines = [usageLine(command), '', `${command.summary}.`, '', 'options:'];
  for (const o of command.options) lines.push(`  ${`--${o.name} ${o.value}`.padEnd(width)}  ${o.help}`);
  lines.push(`  ${'--help'.padEnd(width)}  this help`);
  if (command.env.length > 0) {
    lines.push('', 'environment (secrets are never taken as arguments):');
    for (const name of command.env) lines.push(`  ${ENV[name].padEnd(22)}  ${ENV_HELP[name]}`);
  }
  lines.push('', `The default data folder here: ${defaultDataFolder()}`);
  return lines.join('\n');
}

function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `guichet ${packageInfo.version}: the administrator's command line of Guichet`,
    '',
    'usage: guichet <command> [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Secrets are never taken as arguments (they would show in ps and in shell history):',
    `they come from ${ENV.login}, ${ENV.password}, ${ENV.newPassword}, ${ENV.recoveryKey}`,
    'for scripts, or are asked at the terminal without echo.',
    `${ENV.kdf}=floor (tests and CI only) makes init use the minimum key-derivation cost.`,
    '',
    `The default data folder here: ${defaultDataFolder()}`,
    'Exit status: 0 done, 1 refused or failed (the error code is on stderr), 2 usage error.',
    "Run 'guichet <command> --help' for a command's options.",
  ].join('\n');
}

/** Options as `--name VALUE` or `--name=VALUE`; nothing the user typed is echoed back but option names. */
function parseOptions(command: Command, argv: string[]): { args: Args; help: boolean } {
  const { tokens } = parseArgs({
    args: argv,
    options: {
      help: { type: 'boolean', short: 'h' },
      ...Object.fromEntries(command.options.map((o) => [o.name, { type: 'string' as const }])),
    },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const args: Args = {};
  let help = false;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') throw new UsageError('unexpected argument (options take the form --name VALUE)');
    if (token.name === 'help') {
      help = true;
      continue;
    }
    const spec = command.options.find((o) => o.name === token.name);
    if (!spec) {
      const secretLike = /pass|secret|key|token/i.test(token.rawName);
      throw new UsageError(
        `unknown option ${token.rawName}${secretLike ? `; secrets are never taken as arguments: use ${ENV.password}, ${ENV.newPassword}, ${ENV.recoveryKey} or the prompt` : ''}`,
      );
    }
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) {
      throw new UsageError(`${token.rawName} needs a value: ${token.rawName} ${spec.value}`);
    }
    if (args[spec.name] !== undefined) throw new UsageError(`${token.rawName} is given twice`);
    args[spec.name] = token.value;
  }
  if (!help) {
    const missing = command.options.find((o) => o.required && args[o.name] === undefined);
    if (missing) throw new UsageError(`--${missing.name} is required`);
  }
  return { args, help };
}

function dataDirOf(args: Args): string {
  return resolve(args.data ?? defaultDataFolder());
}

function languageOf(args: Args): Language {
  const language = args.language ?? DEFAULT_LANGUAGE;
  if (!(LANGUAGES as readonly string[]).includes(language)) throw new UsageError(`--language is one of ${LANGUAGES.join(', ')}`);
  return language as Language;
}

function rolesOf(args: Args): Role[] {
  const roles = (args.roles ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  if (roles.length === 0 || roles.some((r) => !(ROLES as readonly string[]).includes(r))) {
    throw new UsageError(`--roles is a comma-separated list of ${ROLES.join(', ')}`);
  }
  return roles as Role[];
}

/** Checks the plain fields with the procedure's own schema before anyone types a secret. */
function precheck(schema: z.ZodType, input: unknown): void {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new CliError('call.invalidInput', {}, fieldErrorsOf(parsed.error));
}

// ── secrets and questions ────────────────────────────────────────────────────

/** Reads one line at the terminal without echoing it; Ctrl-C or Ctrl-D on an empty line cancels. */
function askHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((done, fail) => {
    let typed = '';
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (error) fail(error);
      else done(typed);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || (char === '\u0004' && typed === '')) return finish(new Cancelled());
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char === '\u0015') typed = '';
        else if (char === '\u001b') break; // an escape sequence (an arrow key): ignored
        else if (char >= ' ') typed += char;
      }
    };
    input.on('data', onData);
  });
}

function askVisible(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  return new Promise((done, fail) => {
    let answered = false;
    rl.on('SIGINT', () => rl.close());
    rl.on('close', () => {
      if (answered) return;
      process.stderr.write('\n');
      fail(new Cancelled());
    });
    rl.question(question, (answer) => {
      answered = true;
      rl.close();
      done(answer.trim());
    });
  });
}

function fromEnvironment(name: string): string | null {
  const value = process.env[name];
  return value === undefined || value === '' ? null : value;
}

function requireTerminal(envName: string): void {
  if (!process.stdin.isTTY) throw new UsageError(`${envName} is not set and there is no terminal to ask on`);
}

async function askValue(envName: string, question: string): Promise<string> {
  const value = fromEnvironment(envName);
  if (value !== null) return value;
  requireTerminal(envName);
  return askVisible(`${question}: `);
}

/**
 * A secret from its environment variable, else typed at the terminal without echo.
 * A new one is checked against the password policy at once and typed twice.
 */
async function askSecret(envName: string, question: string, newSecret?: { login: string; field: string }): Promise<string> {
  const value = fromEnvironment(envName);
  if (value !== null) return value;
  requireTerminal(envName);
  const first = await askHidden(`${question}: `);
  if (!newSecret) return first;
  checkNewPassword(first, newSecret.login, newSecret.field);
  const second = await askHidden('The same again: ');
  if (second !== first) throw new CliError('password.mismatch');
  return first;
}

// ── the desk ─────────────────────────────────────────────────────────────────

function kdfCostFromEnvironment(): KdfCost | undefined {
  const value = fromEnvironment(ENV.kdf);
  if (value === null) return undefined;
  if (value === 'floor') return KDF_FLOOR;
  throw new UsageError(`${ENV.kdf} is either unset or "floor" (for tests and CI)`);
}

/** The router's calls, typed from the contract; a refusal becomes a CliError. */
class DeskCalls {
  constructor(
    readonly desk: Desk,
    private readonly router: Router,
  ) {}

  async call<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
    const result = await this.router.dispatch(this.desk, name, input);
    if (!result.ok) throw cliErrorOf(result.error);
    return result.value as OutputOf<N>;
  }
}

type Expected = 'empty' | 'setUp' | 'any';

/**
 * Opens the desk for one command and always closes it (which locks, wipes the keys
 * and lets the folder go). Only init creates a folder that is not there.
 */
async function withDesk<T>(dataDir: string, expected: Expected, act: (desk: DeskCalls, status: DeskStatus) => Promise<T>): Promise<T> {
  const kdfCost = kdfCostFromEnvironment();
  if (expected === 'setUp' && !existsSync(dataDir)) throw new CliError('data.notInitialized');
  let desk: Desk;
  try {
    desk = Desk.open({ dataDir, kdfCost, appVersion: packageInfo.version });
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code;
    if (!isAppError(error) && typeof errno === 'string') throw new CliError('storage.writeFailed', { reason: errno });
    throw error;
  }
  // The router's own log line for an unexpected failure names only the error's kind; ours says call.internal.
  const calls = new DeskCalls(desk, createDeskRouter(() => {}));
  let done = false;
  try {
    const status = await calls.call('app.status', {});
    const { state } = status;
    if (state.kind === 'broken' && expected !== 'any') throw new CliError(state.code);
    if (expected === 'empty' && state.kind !== 'setup') throw new CliError('data.alreadyInitialized');
    if (expected === 'setUp' && state.kind === 'setup') throw new CliError('data.notInitialized');
    const result = await act(calls, status);
    done = true;
    return result;
  } finally {
    if (done) await desk.close();
    else await closeAfterFailure(desk);
  }
}

/** After a failure, the desk is still closed, but the first failure is the one to report. */
async function closeAfterFailure(desk: Desk): Promise<void> {
  try {
    await desk.close();
  } catch {
    // already reporting a failure
  }
}

async function logInAsAdministrator(desk: DeskCalls): Promise<void> {
  const login = await askValue(ENV.login, 'Administrator login');
  const password = await askSecret(ENV.password, `Password of ${login}`);
  await desk.call('auth.login', { login, password });
}

async function userIdOf(desk: DeskCalls, login: string): Promise<number> {
  const wanted = normaliseLogin(login);
  const user = (await desk.call('users.list', {})).find((u) => normaliseLogin(u.login) === wanted);
  if (!user) throw new CliError('users.notFound');
  return user.id;
}

function out(...lines: string[]): void {
  for (const line of lines) console.log(line);
}

function printOneTimePassword({ user, oneTimePassword }: UserWithOneTimePassword, what: string): void {
  out(
    `${what}: ${user.login} (${user.displayName}), roles ${user.roles.join(', ')}.`,
    '',
    'One-time password (give it in person; it must be replaced at the first login):',
    '',
    `    ${oneTimePassword}`,
    '',
  );
}

// ── the commands ─────────────────────────────────────────────────────────────

const COMMANDS: Command[] = [
  {
    name: 'init',
    summary: 'set up a new data folder: its vault, its database and the first administrator',
    options: [
      DATA_OPTION,
      { name: 'admin', value: 'LOGIN', required: true, help: 'the first administrator\'s login' },
      { name: 'name', value: 'NAME', required: true, help: 'her name as the app shows it' },
      LANGUAGE_OPTION,
    ],
    env: ['password', 'kdf'],
    fieldNames: { login: '--admin' },
    async run(args) {
      const dataDir = dataDirOf(args);
      const fields = { login: args.admin ?? '', displayName: args.name ?? '', language: languageOf(args) };
      precheck(contract['setup.create'].input.omit({ password: true }), fields);
      return withDesk(dataDir, 'empty', async (desk) => {
        const password = await askSecret(ENV.password, `Password for ${fields.login}`, { login: fields.login, field: 'password' });
        if (process.stderr.isTTY && !kdfCostFromEnvironment()) process.stderr.write('Measuring this computer to tune the password hashing…\n');
        const { user, recoveryKey } = await desk.call('setup.create', { ...fields, password });
        out(
          `Guichet is set up in ${dataDir}`,
          `Administrator: ${user.login} (${user.displayName})`,
          '',
          'Recovery key (shown this once, kept nowhere in clear):',
          '',
          `    ${recoveryKey}`,
          '',
          "Write it on paper and keep it in the organisation's safe, away from this computer.",
          'It is the only way back in if every administrator password is lost (guichet recover).',
        );
        return EXIT_OK;
      });
    },
  },
  {
    name: 'status',
    summary: 'tell whether the data folder is set up, and its state',
    options: [DATA_OPTION],
    env: [],
    async run(args) {
      const dataDir = dataDirOf(args);
      out(`data folder: ${dataDir}`);
      if (!existsSync(dataDir)) {
        out('state: not set up (run guichet init)');
        return EXIT_OK;
      }
      return withDesk(dataDir, 'any', async (_desk, { state, deskLanguage, version }) => {
        if (state.kind === 'broken') throw new CliError(state.code);
        out(
          `state: ${state.kind === 'setup' ? 'not set up (run guichet init)' : 'set up, locked'}`,
          `desk language: ${deskLanguage}`,
          `guichet version: ${version}`,
        );
        return EXIT_OK;
      });
    },
  },
  {
    name: 'user list',
    summary: 'list the accounts',
    options: [DATA_OPTION],
    env: ['login', 'password'],
    async run(args) {
      return withDesk(dataDirOf(args), 'setUp', async (desk) => {
        await logInAsAdministrator(desk);
        const users = await desk.call('users.list', {});
        const rows = [
          ['LOGIN', 'NAME', 'ROLES', 'STATUS', 'LAST LOGIN'],
          ...users.map((u) => [
            u.login,
            u.displayName,
            u.roles.join(','),
            u.status === 'active' && u.mustChangePassword ? 'one-time password' : u.status,
            u.lastLoginAt?.slice(0, 16).replace('T', ' ') ?? '-',
          ]),
        ];
        const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
        for (const row of rows) out(row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd());
        return EXIT_OK;
      });
    },
  },
  {
    name: 'user add',
    summary: 'create an account and print its one-time password',
    options: [
      DATA_OPTION,
      { name: 'login', value: 'LOGIN', required: true, help: 'the new account\'s login' },
      { name: 'name', value: 'NAME', required: true, help: 'the person\'s name as the app shows it' },
      { name: 'roles', value: 'ROLES', required: true, help: `comma-separated, among ${ROLES.join(', ')}` },
      LANGUAGE_OPTION,
    ],
    env: ['login', 'password'],
    async run(args) {
      const input = { login: args.login ?? '', displayName: args.name ?? '', roles: rolesOf(args), language: languageOf(args) };
      precheck(contract['users.create'].input, input);
      return withDesk(dataDirOf(args), 'setUp', async (desk) => {
        await logInAsAdministrator(desk);
        printOneTimePassword(await desk.call('users.create', input), 'Created');
        return EXIT_OK;
      });
    },
  },
  {
    name: 'user disable',
    summary: 'disable an account: its password no longer opens the desk',
    options: [DATA_OPTION, { name: 'login', value: 'LOGIN', required: true, help: 'the account to disable' }],
    env: ['login', 'password'],
    async run(args) {
      return withDesk(dataDirOf(args), 'setUp', async (desk) => {
        await logInAsAdministrator(desk);
        const user = await desk.call('users.disable', { id: await userIdOf(desk, args.login ?? '') });
        out(`Disabled: ${user.login} (${user.displayName}).`);
        return EXIT_OK;
      });
    },
  },
  {
    name: 'user enable',
    summary: 'enable a disabled account again and print its new one-time password',
    options: [DATA_OPTION, { name: 'login', value: 'LOGIN', required: true, help: 'the account to enable' }],
    env: ['login', 'password'],
    async run(args) {
      return withDesk(dataDirOf(args), 'setUp', async (desk) => {
        await logInAsAdministrator(desk);
        printOneTimePassword(await desk.call('users.enable', { id: await userIdOf(desk, args.login ?? '') }), 'Enabled');
        return EXIT_OK;
      });
    },
  },
  {
    name: 'user reset-password',
    summary: 'give an account a new one-time password and print it',
    options: [DATA_OPTION, { name: 'login', value: 'LOGIN', required: true, help: 'the account whose password is forgotten' }],
    env: ['login', 'password'],
    async run(args) {
      return withDesk(dataDirOf(args), 'setUp', async (desk) => {
        await logInAsAdministrator(desk);
        printOneTimePassword(await desk.call('users.resetPassword', { id: await userIdOf(desk, args.login ?? '') }), 'Password reset');
        return EXIT_OK;
      });
    },
  },
  {
    name: 'audit verify',
    summary: 'check that the audit log is whole: no entry edited, removed or moved',
    options: [DATA_OPTION],
    env: ['login', 'password'],
    async run(args) {
      return withDesk(dataDirOf(args), 'setUp', async (desk) => {
        await logInAsAdministrator(desk);
        const check = await desk.call('audit.verify', {});
        if (!check.intact) {
          throw new CliError('audit.broken', { firstBrokenId: check.firstBrokenId ?? 0, problem: check.problem ?? '', entries: check.entries });
        }
        out(`audit: the chain holds (${check.entries} entries)`);
        return EXIT_OK;
      });
    },
  },
  {
    name: 'key rotate',
    summary: "replace the database's data key (after a departure): old copies of the vault open nothing",
    options: [DATA_OPTION],
    env: ['login', 'password'],
    async run(args) {
      return withDesk(dataDirOf(args), 'setUp', async (desk) => {
        await logInAsAdministrator(desk);
        const started = performance.now();
        await desk.call('keys.rotate', {});
        out(
          `The data key is replaced (${((performance.now() - started) / 1000).toFixed(1)} s): the database is encrypted again under a new key.`,
          'Every active password and the recovery key open it as before; a copy of the vault made before opens nothing.',
        );
        return EXIT_OK;
      });
    },
  },
  {
    name: 'seed',
    summary: 'add realistic synthetic visitors (for demonstrations and the benchmark, never a real desk)',
    options: [
      DATA_OPTION,
      { name: 'visitors', value: 'N', required: true, help: 'how many visitors to add (1 to 1,000,000)' },
      { name: 'seed', value: 'S', help: 'the random seed: the same seed gives the same data (default 1)' },
    ],
    env: ['login', 'password'],
    async run(args) {
      const count = Number(args.visitors);
      const seed = args.seed === undefined ? 1 : Number(args.seed);
      if (!Number.isInteger(count) || count < 1 || count > 1_000_000 || !Number.isInteger(seed)) {
        throw new UsageError('--visitors takes a whole number from 1 to 1000000, --seed a whole number');
      }
      return withDesk(dataDirOf(args), 'setUp', async (desk) => {
        await logInAsAdministrator(desk);
        const session = desk.desk.requireSession();
        const started = performance.now();
        const made = seedVisitors(session.db, {
          visitors: count,
          seed,
          actorId: session.user.id,
          prefix: readSettings(session.db).visitorCodePrefix,
          now: desk.desk.now(),
          onProgress: (done) => {
            if (process.stderr.isTTY) process.stderr.write(`\r${done} / ${count}`);
          },
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        desk.desk.audit({ action: 'visitors.seed', entity: 'visitor', outcome: 'success', detail: String(count) });
        out(`seeded ${made.visitors} visitors, ${made.intakes} intakes, ${made.referrals} referrals in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seed})`);
        return EXIT_OK;
      });
    },
  },
  {
    name: 'recover',
    summary: "set a new password for an account with the organisation's recovery key (she gets her private secret back)",
    options: [DATA_OPTION, { name: 'login', value: 'LOGIN', required: true, help: 'the account whose password is lost (she types the new one)' }],
    env: ['recoveryKey', 'newPassword'],
    async run(args) {
      const login = args.login ?? '';
      return withDesk(dataDirOf(args), 'setUp', async (desk) => {
        const recoveryKey = normaliseRecoveryKey(await askSecret(ENV.recoveryKey, 'Recovery key'));
        if (!recoveryKey) throw new CliError('recovery.malformed');
        const newPassword = await askSecret(ENV.newPassword, `New password for ${login}`, { login, field: 'newPassword' });
        const user = await desk.call('auth.recover', { recoveryKey, login, newPassword });
        out(`The password of ${user.login} is replaced; the audit log records the use of the recovery key.`, 'Put the recovery key back in the safe.');
        return EXIT_OK;
      });
    },
  },
];

const GROUPS = [...new Set(COMMANDS.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[0]))];

function report(error: unknown, command: Command | null): number {
  if (error instanceof Cancelled) {
    console.error('guichet: cancelled');
    return EXIT_CANCELLED;
  }
  if (error instanceof UsageError) {
    console.error(`guichet: ${error.message}`);
    console.error(command ? usageLine(command) : "usage: guichet <command> [options]  (see 'guichet --help')");
    return EXIT_USAGE;
  }
  const failure = error instanceof CliError ? error : isAppError(error) ? cliErrorOf(error) : new CliError('call.internal');
  const names = { ...FIELD_NAMES, ...command?.fieldNames };
  const fields = Object.entries(failure.fields)
    .filter(([, code]) => code !== failure.code)
    .map(([field, code]) => `${names[field] ?? field.replace(/[^\w.]/g, '')} (${code.replace(/[^\w.]/g, '')})`)
    .join(', ');
  console.error(`guichet: error ${failure.code} — ${explain(failure.code, failure.params)}${fields ? `: ${fields}` : ''}`);
  return EXIT_FAILURE;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  let command: Command | null = null;
  try {
    const [first, second] = argv;
    if (first === undefined) throw new UsageError('which command?');
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
          out(...group.map((c) => `${usageLine(c)}\n    ${c.summary}`));
          return EXIT_OK;
        }
        throw new UsageError(`${first} takes one of: ${group.map((c) => c.name.split(' ')[1]).join(', ')}`);
      }
      throw new UsageError("unknown command (see 'guichet --help')");
    }
    const { args, help } = parseOptions(command, argv.slice(command.name.split(' ').length));
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
