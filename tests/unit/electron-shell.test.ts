/**
 * main/electron/main.ts and ipc.ts, run under Node: main.ts is imported as Electron would
 * load it, against tests/support/electron-stand-in.ts in place of the `electron` module
 * (the one part that cannot run here). The desk, the router and the data folder behind
 * it are real: an encrypted database in a temporary GUICHET_DATA_DIR.
 *
 * The SQLite module's Electron build is looked for at `<appPath>/native/electron/`; the
 * stand-in's `app.getAppPath()` points at a temporary folder where that file is the Node
 * build, so `openDesk()` runs unchanged, its check of the file included.
 */
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/contract';
import type { Language } from '../../shared/domain/accounts';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import type { Result } from '../../shared/errors';
import { PRODUCT_NAME } from '../../main/core/data-folder';
import { FolderLock } from '../../main/core/storage/folder-lock';
import { builtPaths, NATIVE_SQLITE_FILE } from '../../main/electron/paths';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, IDLE_POLL_MS, SESSION_PARTITION, windowOptions } from '../../main/electron/security';
import { ADMIN, openTestDesk, removeDir, tempDataDir } from '../support/desk';
import { createElectronStandIn, preventable, type ElectronStandIn } from '../support/electron-stand-in';

const MAIN_DIR = join(import.meta.dirname, '../../main/electron');
const NODE_SQLITE_BUILD = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers/package.json')), 'build', 'Release', NATIVE_SQLITE_FILE);
const APP_FRAME = { url: APP_ENTRY_URL, parent: null };

interface Booted {
  electron: ElectronStandIn;
  dataDir: string;
  appData: string;
  /** A call from the app's window, as `ipcRenderer.invoke` would make it. */
  call(name: string, input?: unknown): Promise<Result<unknown>>;
  /** The one IPC handler main registered, called with any event. */
  handle(event: unknown, name: string, input?: unknown): Promise<Result<unknown>>;
  /** The events main sent to the window, in order. */
  sent(): unknown[];
}

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  const failures: unknown[] = [];
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
});

/** A data folder with its administrator, closed, as the app finds it at start. */
async function folderWithAdministrator(language: Language = 'fr'): Promise<string> {
  const t = openTestDesk();
  await t.ok('setup.create', { ...ADMIN, language });
  t.close();
  cleanups.push(() => removeDir(t.dir));
  return t.dir;
}

/** Imports main.ts as Electron starts it, with the stand-in, a data folder and (unless told otherwise) SQLite's build where main looks for it. */
async function boot({ nativeBuild = true, singleInstance = true, language = 'fr' as Language, beforeStart = (_appData: string): void => undefined } = {}): Promise<Booted> {
  const root = tempDataDir('guichet-shell-');
  const appData = join(root, 'appData');
  const appPath = join(root, 'app');
  mkdirSync(join(appPath, 'native', 'electron'), { recursive: true });
  if (nativeBuild) symlinkSync(NODE_SQLITE_BUILD, join(appPath, 'native', 'electron', NATIVE_SQLITE_FILE));
  beforeStart(appData);
  const dataDir = await folderWithAdministrator(language);
  const electron = createElectronStandIn({ appData, appPath, singleInstance });

  const signals = { SIGTERM: process.listeners('SIGTERM'), SIGINT: process.listeners('SIGINT') };
  const previousDataDir = process.env.GUICHET_DATA_DIR;
  process.env.GUICHET_DATA_DIR = dataDir;
  // The idle check's interval runs on a clock the test moves; the desk and SQLite keep real time.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  cleanups.push(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    if (previousDataDir === undefined) delete process.env.GUICHET_DATA_DIR;
    else process.env.GUICHET_DATA_DIR = previousDataDir;
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      for (const listener of process.listeners(signal)) if (!signals[signal].includes(listener)) process.off(signal, listener);
    }
    removeDir(root);
  });

  // A fresh main.ts (its module state is the app's) over a fresh stand-in: vi.doMock is
  // vi.mock for the next import, not hoisted, so that each boot gets its own.
  vi.resetModules();
  vi.doMock('electron', () => electron.module);
  await import('../../main/electron/main');
  // A desk main opened must let its folder go before the folder is removed.
  cleanups.push(async () => {
    if (electron.indexOf('ready') < 0 || electron.windows.length === 0) return;
    electron.userQuits();
    await electron.quitted;
  });

  const handle = (event: unknown, name: string, input: unknown = {}) => {
    const [handler] = electron.ipcMain.handlers.values();
    return handler(event, name, input) as Promise<Result<unknown>>;
  };
  return {
    electron,
    dataDir,
    appData,
    handle,
    call: (name, input) => handle({ sender: electron.windows[0].webContents, senderFrame: APP_FRAME }, name, input),
    sent: () => electron.calls('webContents.send').filter(([channel]) => channel === IPC_EVENT_CHANNEL).map(([, event]) => event),
  };
}

async function deskState(shellApp: Booted): Promise<string> {
  const status = await shellApp.call('app.status');
  if (!status.ok) throw new Error(`app.status failed: ${status.error.code}`);
  return (status.value as { state: { kind: string } }).state.kind;
}

async function logIn(shellApp: Booted): Promise<void> {
  expect(await shellApp.call('auth.login', { login: ADMIN.login, password: ADMIN.password })).toMatchObject({ ok: true });
}

describe('the shell under Node, against the Electron stand-in', () => {
  it('registers app:// as privileged, pins its folders and turns the sandbox on before Electron is ready', async () => {
    const { electron, appData } = await boot();
    const userData = join(appData, PRODUCT_NAME);

    expect(electron.calls('protocol.registerSchemesAsPrivileged')).toEqual([[[{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]]]);
    expect(electron.calls('app.setPath')).toEqual([
      ['userData', userData],
      ['crashDumps', join(userData, 'crash-dumps')],
    ]);
    expect(electron.calls('app.enableSandbox')).toHaveLength(1);
    expect(electron.calls('app.requestSingleInstanceLock')).toHaveLength(1);
    // Nothing that needs Electron ready has run yet.
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipcMain.handlers.size).toBe(0);

    await electron.becomeReady();
    expect(electron.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(electron.indexOf('ready'));
    expect(electron.indexOf('app.enableSandbox')).toBeLessThan(electron.indexOf('ready'));
    expect(electron.windows).toHaveLength(1);
  });

  it("gives Chromium the desk's language (--lang) before Electron is ready", async () => {
    const { electron } = await boot({ language: 'ar' });
    expect(electron.calls('app.commandLine.appendSwitch')).toContainEqual(['lang', 'ar']);

    await electron.becomeReady();
    expect(electron.indexOf('app.commandLine.appendSwitch')).toBeLessThan(electron.indexOf('ready'));
  });

  it('creates one window with exactly the options windowOptions() gives, hardened, on the in-memory partition', async () => {
    const { electron } = await boot();
    await electron.becomeReady();

    const [window] = electron.windows;
    expect(electron.windows).toHaveLength(1);
    expect(window.options).toEqual(windowOptions(builtPaths(MAIN_DIR).preload, { isPackaged: false }));
    expect(window.contentProtection).toBe(true);
    expect(window.loadedUrl).toBe(APP_ENTRY_URL);
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);

    // Its web contents were hardened as Electron created them: no navigation away, no new window.
    const away = preventable({ url: 'https://evil.example/' });
    window.webContents.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    expect(window.webContents.windowOpenHandler?.({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
    // app:// is served on the window's partition only, which refuses every permission.
    const windowSession = electron.session.fromPartition(SESSION_PARTITION);
    expect([...windowSession.protocol.handlers.keys()]).toEqual([APP_SCHEME]);
    expect(electron.session.defaultSession.protocol.handlers.size).toBe(0);
    expect(windowSession.permissionCheck?.(null, 'media')).toBe(false);
  });

  it('registers exactly one IPC handler, on the call channel, which refuses another window, a subframe or another page', async () => {
    const booted = await boot();
    const { electron } = booted;
    await electron.becomeReady();

    expect(electron.calls('ipcMain.handle')).toEqual([[IPC_CALL_CHANNEL]]);
    expect(electron.calls('ipcMain.on')).toEqual([]);
    const ours = electron.windows[0].webContents;
    const forbidden = { ok: false, error: { code: 'call.forbidden' } };
    for (const event of [
      { sender: { id: 'another webContents' }, senderFrame: APP_FRAME },
      { sender: ours, senderFrame: { url: APP_ENTRY_URL, parent: { url: APP_ENTRY_URL } } },
      { sender: ours, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: ours, senderFrame: null },
    ]) {
      expect(await booted.handle(event, 'auth.login', { login: ADMIN.login, password: ADMIN.password })).toEqual(forbidden);
    }
    expect(console.warn).toHaveBeenCalledTimes(4);
    // None of them reached the desk: nobody is logged in.
    expect(await deskState(booted)).toBe('locked');
  });

  it('hands a call from the window to the real router, over the data folder GUICHET_DATA_DIR names', async () => {
    const booted = await boot();
    await booted.electron.becomeReady();

    // 'locked', not 'setup': main opened the folder set up with an administrator.
    expect(await deskState(booted)).toBe('locked');
    expect(await booted.call('auth.login', { login: ADMIN.login, password: ADMIN.password })).toMatchObject({ ok: true, value: { login: ADMIN.login } });
    expect(await booted.call('account.me')).toMatchObject({ ok: true, value: { login: ADMIN.login, roles: ['admin'] } });
    expect(await booted.call('no.such.procedure')).toEqual({ ok: false, error: { code: 'call.unknownProcedure' } });
  });

  it('locks the desk when the screen locks and when the machine suspends, and tells the window at once', async () => {
    const booted = await boot();
    const { electron } = booted;
    await electron.becomeReady();

    for (const [event, reason] of [
      ['lock-screen', 'screenLock'],
      ['suspend', 'suspend'],
    ] as const) {
      await logIn(booted);
      const before = booted.sent().length;
      electron.powerMonitor.emit(event);
      // Told before the lock has run: the window hides the screen now.
      expect(booted.sent().slice(before)).toEqual([{ type: 'locked', reason }]);
      // A call made now waits for the lock (one call at a time) and finds the desk locked.
      expect(await deskState(booted)).toBe('locked');
      expect(await booted.call('account.me')).toEqual({ ok: false, error: { code: 'auth.locked' } });
    }
  });

  it('locks the desk once the system has been idle for the desk’s setting', async () => {
    const booted = await boot();
    const { electron } = booted;
    await electron.becomeReady();
    await logIn(booted);

    const idleLimit = DEFAULT_SETTINGS.idleLockMinutes * 60;
    electron.powerMonitor.idleSeconds = idleLimit - 1;
    vi.advanceTimersByTime(IDLE_POLL_MS);
    expect(booted.sent()).toEqual([]);
    electron.powerMonitor.idleSeconds = idleLimit;
    vi.advanceTimersByTime(IDLE_POLL_MS);
    expect(booted.sent()).toEqual([{ type: 'locked', reason: 'idle' }]);
    expect(await deskState(booted)).toBe('locked');
  });

  it('waits, on quit, for the call in flight and for the desk to close, then quits', async () => {
    const booted = await boot();
    const { electron, dataDir } = booted;
    await electron.becomeReady();
    let folderFreeAtQuit: boolean | null = null;
    electron.app.on('quit', () => {
      try {
        FolderLock.acquire(dataDir).release();
        folderFreeAtQuit = true;
      } catch {
        folderFreeAtQuit = false;
      }
    });

    const inFlight = booted.call('auth.login', { login: ADMIN.login, password: ADMIN.password });
    electron.userQuits();
    // Quitting was held back: the desk closes first.
    expect(electron.calls('app.quit')).toEqual([]);
    await electron.quitted;

    expect(electron.calls('app.quit')).toHaveLength(1);
    expect(await inFlight).toMatchObject({ ok: true });
    expect(booted.sent()).toEqual([{ type: 'locked', reason: 'shutdown' }]);
    expect(electron.log.findIndex((e) => e.what === 'webContents.send')).toBeLessThan(electron.indexOf('app.quit'));
    expect(folderFreeAtQuit).toBe(true);
    // The crash-dumps folder is emptied on quit.
    expect(existsSync(join(booted.appData, PRODUCT_NAME, 'crash-dumps'))).toBe(false);

    // The login finished, then the desk was locked for the shutdown, in that order.
    const after = openTestDesk(dataDir);
    try {
      await after.ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
      const { entries } = await after.ok('audit.list', { limit: 3 });
      expect(entries.map((e) => [e.action, e.outcome, e.detail])).toEqual([
        ['auth.login', 'success', null],
        ['auth.lock', 'success', 'shutdown'],
        ['auth.login', 'success', null],
      ]);
    } finally {
      after.close();
    }
  });

  it('empties, as it starts, a crash dump an earlier run left', async () => {
    const dumps = (appData: string) => join(appData, PRODUCT_NAME, 'crash-dumps');
    const { appData } = await boot({
      beforeStart(appData) {
        mkdirSync(dumps(appData), { recursive: true });
        writeFileSync(join(dumps(appData), 'left-by-a-crash.dmp'), 'process memory');
      },
    });
    expect(existsSync(dumps(appData))).toBe(false);
  });

  it('exits, opening no window and serving no call, when SQLite’s Electron build is missing', async () => {
    const { electron } = await boot({ nativeBuild: false });
    await electron.becomeReady();
    expect(electron.calls('app.exit')).toEqual([[1]]);
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipcMain.handlers.size).toBe(0);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('npm run native:electron'));
  });

  it('quits at once as a second instance, leaving the folder to the first', async () => {
    const { electron, dataDir } = await boot({ singleInstance: false });
    expect(electron.calls('app.quit')).toHaveLength(1);
    expect(electron.calls('app.whenReady')).toEqual([]);
    await electron.becomeReady();
    expect(electron.windows).toHaveLength(0);
    FolderLock.acquire(dataDir).release();
  });
});
