import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestClock } from './desk';

// Absolute, so that a child started in any folder (the installed bin's test) finds them.
const TSX = pathToFileURL(join(import.meta.dirname, '../../node_modules/tsx/dist/loader.mjs')).href;
const CLOCK = pathToFileURL(join(import.meta.dirname, 'child-clock.ts')).href;

/**
 * Node's arguments and environment for a child process that runs TypeScript and shares
 * the test's clock (see child-clock.ts): a test never compares what a child recorded with
 * the real clock against its own frozen one.
 */
export function childWithClock(clock: TestClock, env: NodeJS.ProcessEnv = process.env) {
  return {
    execArgv: ['--import', TSX, '--import', CLOCK],
    env: { ...env, GUICHET_TEST_CLOCK: clock.now().toISOString() },
  };
}

/** Starts `script` (TypeScript) with the test's clock; `nodeArgs` go to Node itself. */
export function startTsChild(
  script: string,
  args: string[],
  clock: TestClock,
  { nodeArgs = [], ...options }: SpawnOptions & { nodeArgs?: string[] } = {},
): ChildProcess {
  const { execArgv, env } = childWithClock(clock, options.env ?? process.env);
  return spawn(process.execPath, [...nodeArgs, ...execArgv, script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...options, env });
}
