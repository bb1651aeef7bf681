import { createInterface } from 'node:readline';
import { LANGUAGES, type Language } from '../../shared/domain/accounts';
import { checkNewPassword } from '../core/accounts/password-policy';
import { KDF_FLOOR, type KdfCost } from '../core/vault/kdf';
import { Cancelled, CliError, ENV, UsageError } from './command';
import { isLanguage, t } from './texts';

/**
 * Secrets come from environment variables (for scripts) or a hidden prompt, never from
 * arguments. Prompts go to stderr, so that stdout holds only what a command exists to show.
 */

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

/** An answer only a person at the terminal gives (a restore's confirmation word): never from the environment. */
export async function askAtTerminal(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError('cli.backup.usage.noTerminalToConfirm');
  return askVisible(`${question} `);
}

export function fromEnvironment(name: string): string | null {
  const value = process.env[name];
  return value === undefined || value === '' ? null : value;
}

function requireTerminal(envName: string): void {
  if (!process.stdin.isTTY) throw new UsageError('cli.usage.noTerminal', { variable: envName });
}

export async function askValue(envName: string, question: string): Promise<string> {
  const value = fromEnvironment(envName);
  if (value !== null) return value;
  requireTerminal(envName);
  return askVisible(`${question} `);
}

/**
 * A secret from its environment variable, else typed at the terminal without echo.
 * A new one is checked against the password policy at once and typed twice.
 */
export async function askSecret(envName: string, question: string, newSecret?: { login: string; field: string }): Promise<string> {
  const value = fromEnvironment(envName);
  if (value !== null) return value;
  requireTerminal(envName);
  const first = await askHidden(`${question} `);
  if (!newSecret) return first;
  checkNewPassword(first, newSecret.login, newSecret.field);
  const second = await askHidden(`${t('cli.prompts.again')} `);
  if (second !== first) throw new CliError('password.mismatch');
  return first;
}

export function kdfCostFromEnvironment(): KdfCost | undefined {
  const value = fromEnvironment(ENV.kdf);
  if (value === null) return undefined;
  if (value === 'floor') return KDF_FLOOR;
  throw new UsageError('cli.usage.kdf', { variable: ENV.kdf });
}

/** GUICHET_LANGUAGE, when set; a value that is no language is a usage error, not silently French. */
export function languageFromEnvironment(): Language | undefined {
  const value = fromEnvironment(ENV.language) ?? undefined;
  if (value !== undefined && !isLanguage(value)) throw new UsageError('cli.usage.languageOneOf', { name: ENV.language, languages: LANGUAGES.join(', ') });
  return value;
}
