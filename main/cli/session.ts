import { existsSync } from 'node:fs';
import packageInfo from '../../package.json' with { type: 'json' };
import type { InputOf, OutputOf, ProcedureName } from '../../shared/contract';
import type { DeskStatus } from '../../shared/contract/app';
import type { SessionUser } from '../../shared/domain/accounts';
import { Desk } from '../core/desk';
import { isAppError } from '../core/errors';
import { createDeskRouter } from '../core/handlers';
import type { Router } from '../core/router';
import { normaliseLogin } from '../core/vault/vault';
import { CliError, cliErrorOf, ENV } from './command';
import { askSecret, askValue, kdfCostFromEnvironment } from './prompt';
import { speakUnlessPinned, t } from './texts';

/**
 * Every act goes through the same router as the app (roles checked, audited), on the same
 * data folder, which the core's folder lock keeps to one process at a time.
 */

/** The calls that log an account in: from then on the command line speaks her language, as the app does. */
const LOGS_IN: readonly ProcedureName[] = ['auth.login', 'auth.recover'];

/** The router's calls, typed from the contract; a refusal becomes a CliError. */
export class DeskCalls {
  constructor(
    readonly desk: Desk,
    private readonly router: Router,
  ) {}

  async call<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
    const result = await this.router.dispatch(this.desk, name, input);
    if (!result.ok) throw cliErrorOf(result.error);
    if (LOGS_IN.includes(name)) speakUnlessPinned((result.value as SessionUser).language);
    return result.value as OutputOf<N>;
  }
}

type Expected = 'empty' | 'setUp' | 'any';

/**
 * Opens the desk for one command and always closes it (which locks, wipes the keys
 * and lets the folder go). Only init creates a folder that is not there.
 */
export async function withDesk<T>(dataDir: string, expected: Expected, act: (desk: DeskCalls, status: DeskStatus) => Promise<T>): Promise<T> {
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

export async function logInAsAdministrator(desk: DeskCalls): Promise<void> {
  const login = await askValue(ENV.login, t('cli.prompts.adminLogin'));
  const password = await askSecret(ENV.password, t('cli.prompts.passwordOf', { login }));
  await desk.call('auth.login', { login, password });
}

export async function userIdOf(desk: DeskCalls, login: string): Promise<number> {
  const wanted = normaliseLogin(login);
  const user = (await desk.call('users.list', {})).find((u) => normaliseLogin(u.login) === wanted);
  if (!user) throw new CliError('users.notFound');
  return user.id;
}
