import type { Language } from '../../shared/domain/accounts';
import { isErrorCode, type ErrorCode, type ErrorParams, type FieldErrors } from '../../shared/errors';
import type { TextKey, TextValues } from './texts';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
/** The shell's convention for a program stopped by Ctrl-C. */
export const EXIT_CANCELLED = 130;

/** What scripts set instead of typing: secrets are never arguments (they show in `ps` and in shell history). */
export const ENV = {
  login: 'GUICHET_LOGIN',
  password: 'GUICHET_PASSWORD',
  newPassword: 'GUICHET_NEW_PASSWORD',
  recoveryKey: 'GUICHET_RECOVERY_KEY',
  seedPassword: 'GUICHET_SEED_PASSWORD',
  kdf: 'GUICHET_KDF',
  language: 'GUICHET_LANGUAGE',
} as const;
export type EnvName = keyof typeof ENV;

export interface OptionSpec {
  name: string;
  /** The value's placeholder, kept in English like the option's name: every option but --help and a flag takes one. */
  value: string;
  required?: boolean;
  /** An option that takes no value (`--yes`): present or not. */
  flag?: boolean;
  help: TextKey;
  helpValues?: TextValues;
}

export type Args = Partial<Record<string, string>>;

/** One command of `guichet`, in its own file under commands/. */
export interface Command {
  /** As typed: `init`, `user add`. */
  name: string;
  summary: TextKey;
  options: OptionSpec[];
  /** The one argument that is not an option (`backup verify FILE`), always required; found in `args` under its lower-cased name. */
  operand?: { name: string; help: TextKey };
  /** The environment variables it reads, for its help. */
  env: EnvName[];
  /** How a field of the procedure's input is called on this command line, when not `--<field>`. */
  fieldNames?: Record<string, string>;
  /** The desk's language for this call, when it is not the one in the folder's desk.json (init sets it). */
  deskLanguage?(args: Args): Language;
  run(args: Args): Promise<number>;
}

// ── failures ─────────────────────────────────────────────────────────────────

/** The core's codes, and two the command line adds: a broken audit chain, a confirmation that differs. */
export type CliCode = ErrorCode | 'audit.broken' | 'password.mismatch';

export class CliError extends Error {
  constructor(
    readonly code: CliCode,
    readonly params: ErrorParams = {},
    readonly fields: FieldErrors = {},
  ) {
    super(code);
  }
}

/** A call the command line cannot make sense of: exit 2 with the command's usage. Its text is a catalogue key. */
export class UsageError extends Error {
  constructor(
    readonly key: TextKey,
    readonly values: TextValues = {},
  ) {
    super(key);
  }
}

/** Ctrl-C or Ctrl-D at a prompt. */
export class Cancelled extends Error {}

/** A field error that is itself an error code (`password.tooShort`) is the clearer thing to report. */
export function cliErrorOf(error: { code: ErrorCode; params?: ErrorParams; fields?: FieldErrors }): CliError {
  const fields = Object.entries(error.fields ?? {});
  if (error.code === 'call.invalidInput' && fields.length === 1 && isErrorCode(fields[0][1])) {
    return new CliError(fields[0][1], error.params, Object.fromEntries(fields));
  }
  return new CliError(error.code, error.params, error.fields);
}
