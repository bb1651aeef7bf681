import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ar from '../../shared/i18n/ar.json' with { type: 'json' };
import en from '../../shared/i18n/en.json' with { type: 'json' };
import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import { childWithClock } from './child-process';
import type { TestClock } from './desk';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'main/cli/index.ts');
const BIN = join(ROOT, 'bin/guichet.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface GuichetRun {
  clock: TestClock;
  /** A temporary folder: the default data folder (XDG_CONFIG_HOME) lies inside it, never the machine's own. */
  home: string;
  env?: Record<string, string>;
  /** `bin` runs the installed entry from `home`, as it runs from anywhere once installed. */
  entry?: 'source' | 'bin';
}

/**
 * Runs the command line for real, as a child process (the way an administrator or a script
 * runs it): no terminal on stdin, the test KDF cost, only the GUICHET_ variables given, and
 * the clock of the test that checks what it did.
 */
export function runGuichet(args: string[], { clock, home, env = {}, entry = 'source' }: GuichetRun): Promise<Run> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GUICHET_')));
  const { execArgv, env: childEnv } = childWithClock(clock, { ...inherited, XDG_CONFIG_HOME: join(home, 'config'), GUICHET_KDF: 'floor', ...env });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...execArgv, entry === 'bin' ? BIN : CLI, ...args], {
      cwd: entry === 'bin' ? home : ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

type Tree = { [key: string]: string | Tree };
const CATALOGUES: Record<'fr' | 'ar' | 'en', Tree> = { fr, ar, en };

/**
 * A catalogue's own text, read here without the command line's code: `{{name}}` filled in,
 * and the plural form the language's rules give for `count` (what i18next picks).
 */
export function text(language: 'fr' | 'ar' | 'en', key: string, values: Record<string, string | number> = {}): string {
  const path = key.split('.');
  const parent = path.slice(0, -1).reduce<Tree | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), CATALOGUES[language]);
  if (typeof parent !== 'object') throw new Error(`no ${key} in ${language}`);
  const last = path[path.length - 1];
  const plural = typeof values.count === 'number' ? `${last}_${new Intl.PluralRules(language).select(values.count)}` : null;
  const template = (plural !== null ? parent[plural] : undefined) ?? parent[last];
  if (typeof template !== 'string') throw new Error(`no ${key} in ${language}`);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}
