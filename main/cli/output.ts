import type { UserWithOneTimePassword } from '../../shared/contract/users';
import { PASSWORD_MIN_LENGTH, PASSWORD_RECOMMENDED_LENGTH } from '../../shared/domain/accounts';
import type { AuditVerification } from '../../shared/domain/audit';
import { isAppError } from '../core/errors';
import { Cancelled, CliError, cliErrorOf, EXIT_CANCELLED, EXIT_FAILURE, EXIT_USAGE, UsageError, type CliCode, type Command } from './command';
import { usageLine } from './options';
import { hasText, t, textOf } from './texts';

/**
 * Nothing is printed but what a command exists to show. A failure is one line on stderr:
 * `guichet: <the word for error> <code> — <explanation>`, the code in Latin letters in
 * every language so that scripts can match it. The explanation is the app's own text for
 * the code; params are shown only when known to be safe (counts, seconds, an errno name),
 * never a raw message or a stack, which could quote data.
 */

export function out(...lines: string[]): void {
  for (const line of lines) console.log(line);
}

/** Columns lined up by what a terminal shows: combining marks (Arabic vowel signs) take no width. */
export function printTable(rows: string[][]): void {
  const width = (cell: string) => [...cell.replace(/\p{M}/gu, '')].length;
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i]))));
  for (const row of rows) out(row.map((cell, i) => cell + ' '.repeat(widths[i] - width(cell))).join('  ').trimEnd());
}

type OneTimePasswordHeadline = 'cli.userAdd.done' | 'cli.userEnable.done' | 'cli.userResetPassword.done';

export function printOneTimePassword({ user, oneTimePassword }: UserWithOneTimePassword, headline: OneTimePasswordHeadline): void {
  out(t(headline, { login: user.login, name: user.displayName, roles: user.roles.join(', ') }), '', t('cli.oneTimePassword'), '', `    ${oneTimePassword}`, '');
}

// ── failures ─────────────────────────────────────────────────────────────────

const AUDIT_PROBLEMS = ['edited', 'missing', 'reordered', 'truncated'] as const satisfies readonly NonNullable<AuditVerification['problem']>[];

/** How the input's fields are called on the command line: options by their name, secrets by what they are. */
function fieldName(field: string, command: Command | null): string {
  const named = command?.fieldNames?.[field];
  if (named) return named;
  switch (field) {
    case 'login':
      return '--login';
    case 'displayName':
      return '--name';
    case 'roles':
    case 'language':
      return `--${field}`;
    case 'password':
    case 'newPassword':
    case 'recoveryKey':
      return t(`cli.fields.${field}`);
    default:
      return field.replace(/[^\w.]/g, '');
  }
}

/** What the app writes under a field with this code (renderer/app/i18n.ts does the same). */
function fieldMessage(code: string): string {
  if (hasText(`fields.${code}`)) return textOf(`fields.${code}`);
  if (hasText(`errors.${code}`)) return textOf(`errors.${code}`);
  return t('fields.invalid');
}

/** Where the app's own advice says what to do beyond what its error text says. */
const ADVICE: Partial<Record<CliCode, () => string>> = {
  'password.tooShort': () => t('password.hint', { min: PASSWORD_MIN_LENGTH, recommended: PASSWORD_RECOMMENDED_LENGTH }),
  'password.tooCommon': () => t('password.hint', { min: PASSWORD_MIN_LENGTH, recommended: PASSWORD_RECOMMENDED_LENGTH }),
  'password.tooLong': () => t('fields.password.tooLong'),
};

/** A param known to be a number (seconds, a schema version, an entry id): the only kind shown. */
function numberIn(params: CliError['params'], key: string): number | undefined {
  const value = params[key];
  return typeof value === 'number' ? value : undefined;
}

/** The app's text for the code, or the command line's where the app's would mislead here ("reload the list"). */
function mainText({ code, params }: CliError): string {
  if (code === 'audit.broken') {
    const problem = AUDIT_PROBLEMS.find((p) => p === params.problem);
    return t('audit.verification.broken', { id: numberIn(params, 'firstBrokenId') ?? '?', problem: problem ? t(`audit.problems.${problem}`) : t('cli.auditMismatch') });
  }
  if (code === 'password.mismatch') return t('fields.confirm.mismatch');
  if (code === 'auth.throttled') return t('errors.auth.throttled', { count: numberIn(params, 'seconds') ?? 0 });
  // A backup's texts say how many megabytes a drive needs or which format was found: numbers only, never a path.
  const numbers = Object.fromEntries(Object.entries(params).filter(([, value]) => typeof value === 'number')) as Record<string, number>;
  return hasText(`cli.errors.${code}`) ? textOf(`cli.errors.${code}`, numbers) : textOf(`errors.${code}`, numbers);
}

function explain(failure: CliError, command: Command | null): string {
  const { code, params, fields } = failure;
  const parts = [mainText(failure)];
  const seconds = numberIn(params, 'seconds');
  if (code === 'auth.invalidCredentials' && seconds) parts.push(t('login.waitBeforeRetry', { count: seconds }));
  const advice = ADVICE[code];
  if (advice) parts.push(advice());
  if (hasText(`cli.hints.${code}`)) {
    parts.push(textOf(`cli.hints.${code}`, { found: numberIn(params, 'found') ?? '?', supported: numberIn(params, 'supported') ?? '?' }));
  }
  if (code === 'storage.writeFailed' && typeof params.reason === 'string' && /^[A-Z]+$/.test(params.reason)) parts.push(`(${params.reason})`);
  const others = Object.entries(fields)
    .filter(([, fieldCode]) => fieldCode !== code)
    .map(([field, fieldCode]) => t('cli.fieldProblem', { field: fieldName(field, command), message: fieldMessage(fieldCode), code: fieldCode.replace(/[^\w.]/g, '') }));
  return [...parts, ...others].join(' ');
}

/** One line (and the usage, for a usage error) on stderr; the exit status. */
export function report(error: unknown, command: Command | null): number {
  if (error instanceof Cancelled) {
    console.error(`guichet: ${t('cli.cancelled')}`);
    return EXIT_CANCELLED;
  }
  if (error instanceof UsageError) {
    console.error(`guichet: ${t(error.key, error.values)}`);
    console.error(command ? usageLine(command) : `${t('cli.help.usage', { synopsis: 'guichet <command> [options]' })}  ${t('cli.usage.seeHelp')}`);
    return EXIT_USAGE;
  }
  const failure = error instanceof CliError ? error : isAppError(error) ? cliErrorOf(error) : new CliError('call.internal');
  console.error(`guichet: ${t('cli.error')} ${failure.code} — ${explain(failure, command)}`);
  return EXIT_FAILURE;
}
