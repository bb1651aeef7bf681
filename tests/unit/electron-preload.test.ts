/**
 * The preload as it ships: built from electron.vite.config.ts's own preload section (what
 * `npm run build` writes to out/preload/, here into a temporary folder), then run as
 * Electron runs a sandboxed CommonJS preload, in a context of its own whose only
 * `require` is 'electron' — the preload's half of tests/support/electron-stand-in.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { resolveConfig } from 'electron-vite';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, PROCEDURE_NAMES, type DeskEvent } from '../../shared/contract';
import { builtPaths } from '../../main/electron/paths';
import { removeDir, tempDataDir } from '../support/desk';
import { createPreloadStandIn } from '../support/electron-stand-in';

const ROOT = join(import.meta.dirname, '../..');
let outDir = '';
let preloadFile = '';

beforeAll(async () => {
  outDir = tempDataDir('guichet-preload-');
  const resolved = await resolveConfig({ root: ROOT, build: { outDir }, logLevel: 'warn' }, 'build', 'production');
  const preload = resolved.config?.preload;
  if (!preload) throw new Error('electron.vite.config.ts has no preload section');
  await build({ ...preload, build: { ...preload.build, emptyOutDir: true }, logLevel: 'warn' });
  // Where main.ts tells the window to find it, relative to the main bundle.
  preloadFile = join(outDir, 'preload', basename(builtPaths(join(outDir, 'main')).preload));
}, 120_000);

afterAll(() => removeDir(outDir));

/** Runs the built preload in a fresh context, as Electron's sandbox does, and returns what it did. */
function runPreload() {
  const electron = createPreloadStandIn();
  const required: string[] = [];
  const context = createContext({});
  const globalsBefore = Object.getOwnPropertyNames(runInContext('globalThis', context) as object);
  const wrapped = runInContext(`(function (exports, require, module, __filename, __dirname) {${readFileSync(preloadFile, 'utf8')}\n})`, context, {
    filename: preloadFile,
  }) as (exports: object, require: (name: string) => unknown, module: { exports: object }, filename: string, dirname: string) => void;
  const module = { exports: {} };
  wrapped(
    module.exports,
    (name) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require '${name}'`);
      return electron.module;
    },
    module,
    preloadFile,
    dirname(preloadFile),
  );
  const globalsAfter = Object.getOwnPropertyNames(runInContext('globalThis', context) as object);
  return { electron, required, module, newGlobals: globalsAfter.filter((name) => !globalsBefore.includes(name)) };
}

type Api = Record<string, Record<string, (input?: unknown) => Promise<unknown>>> & { onEvent(listener: (event: DeskEvent) => void): () => void };

describe('the built preload', () => {
  it('is one CommonJS file, where main.ts looks for it', () => {
    expect(readdirSync(join(outDir, 'preload'))).toEqual([basename(preloadFile)]);
    expect(basename(preloadFile)).toBe('index.cjs');
  });

  it('requires nothing but electron, and exposes window.api and nothing else', () => {
    const { electron, required, module, newGlobals } = runPreload();
    expect(required).toEqual(['electron']);
    expect(electron.exposed.map(([key]) => key)).toEqual(['api']);
    // zod's registry, in the preload's own isolated world: with contextIsolation the page
    // never sees that world's globals, only what exposeInMainWorld hands over.
    expect(newGlobals.sort()).toEqual(['__zod_globalConfig', '__zod_globalRegistry']);
    expect(module.exports).toEqual({});
  });

  it('gives one function per procedure of the contract, grouped by domain, plus onEvent', () => {
    const api = runPreload().electron.exposed[0][1] as Api;
    const domains = [...new Set(PROCEDURE_NAMES.map((name) => name.split('.')[0]))];
    expect(Object.keys(api).sort()).toEqual([...domains, 'onEvent'].sort());
    const exposed = domains.flatMap((domain) => Object.keys(api[domain]).map((method) => `${domain}.${method}`));
    expect(exposed.sort()).toEqual([...PROCEDURE_NAMES].sort());
    for (const name of exposed) {
      const [domain, method] = name.split('.');
      expect(typeof api[domain][method], name).toBe('function');
    }
    expect(typeof api.onEvent).toBe('function');
  });

  it('sends each procedure over the call channel under its own name, and nothing reaches ipcRenderer otherwise', async () => {
    const { electron } = runPreload();
    const api = electron.exposed[0][1] as Api;
    for (const name of PROCEDURE_NAMES) {
      const [domain, method] = name.split('.');
      expect(await api[domain][method]({ probe: name })).toEqual({ ok: true, value: null });
    }
    expect(electron.invocations).toEqual(PROCEDURE_NAMES.map((name) => [IPC_CALL_CHANNEL, name, { probe: name }]));
    await api.app.status();
    expect(electron.invocations.at(-1)).toEqual([IPC_CALL_CHANNEL, 'app.status', {}]);
    // The page holds functions that call invoke; never ipcRenderer or one of its methods.
    const reachable = [api, api.onEvent, ...Object.values(api).flatMap((group) => (typeof group === 'function' ? [] : [group, ...Object.values(group)]))];
    for (const value of [electron.ipcRenderer, ...Object.values(electron.ipcRenderer)]) expect(reachable).not.toContain(value);
  });

  it('passes main’s events to the page without the IPC event, on the event channel only, and unsubscribes', () => {
    const { electron } = runPreload();
    const api = electron.exposed[0][1] as Api;
    const seen: unknown[][] = [];
    const unsubscribe = api.onEvent((...args) => seen.push(args));
    expect([...electron.listeners.keys()]).toEqual([IPC_EVENT_CHANNEL]);
    const event: DeskEvent = { type: 'locked', reason: 'screenLock' };
    electron.emit(IPC_EVENT_CHANNEL, event);
    expect(seen).toEqual([[event]]);
    unsubscribe();
    expect(electron.listeners.get(IPC_EVENT_CHANNEL)?.size).toBe(0);
  });
});
