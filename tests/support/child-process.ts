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

const SUPPORT = import.meta.dirname;

/** Starts one of the child scripts of tests/support with the test's clock. */
export function startSupportChild(script: string, args: string[], clock: TestClock): ChildProcess {
  return startTsChild(join(SUPPORT, script), args, clock);
}

/** Resolves once the child has printed `text` `count` times; rejects if it ends first. */
export function waitForOutput(child: ChildProcess, text: string, count = 1): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let index: number;
      while ((index = buffer.indexOf(text)) >= 0) {
        buffer = buffer.slice(index + text.length);
        if (++seen === count) resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`child exited with ${code} before printing ${text}`)));
  });
}

/** kill -9, and wait until the process is gone. */
export function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** The JSON lines a child process printed, once it has exited with 0 (its stderr in the error otherwise). */
export function jsonLinesOf<T>(child: ChildProcess): Promise<T[]> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`child exited with ${code}: ${err}`));
      resolve(out.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as T));
    });
  });
}
