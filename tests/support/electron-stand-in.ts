/**
 * A stand-in for the `electron` module: the one part of the app that cannot run here,
 * because Electron's binary cannot be downloaded on the build machines. It records what
 * the shell calls, in order, and keeps the few rules of Electron's that the shell relies
 * on (privileged schemes and the sandbox switch only before `ready`, no window before
 * `ready`, one handler per IPC channel, `before-quit` that can be prevented). Everything
 * behind it (the desk, the router, the database) is the real code.
 *
 * `createElectronStandIn()` is the main process's half: tests/unit/electron-shell.test.ts
 * loads it with `vi.doMock('electron', …)` (vi.mock for the next import), once per boot.
 * `createPreloadStandIn()` is the preload's half, given to the built preload as
 * `require('electron')` (tests/unit/electron-preload.test.ts).
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';

export interface Recorded {
  what: string;
  args: unknown[];
}

type Listener = (...args: unknown[]) => unknown;

export interface StandInOptions {
  /** What `app.getPath('appData')` answers. */
  appData: string;
  /** What `app.getAppPath()` answers: where `native/electron/` is looked for from the sources. */
  appPath: string;
  /** What `app.requestSingleInstanceLock()` answers: false for a second instance. */
  singleInstance?: boolean;
}

/** A preventable event, as `before-quit` and `will-navigate` pass them. */
export function preventable(extra: Record<string, unknown> = {}) {
  const event = { ...extra, defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  return event;
}

export function createElectronStandIn(options: StandInOptions) {
  const log: Recorded[] = [];
  const record = (what: string, ...args: unknown[]) => log.push({ what, args });
  let isReady = false;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let hasQuit = false;
  let markQuitted: () => void = () => undefined;
  const quitted = new Promise<void>((resolve) => (markQuitted = resolve));
  const paths = new Map<string, string>([
    ['appData', options.appData],
    ['userData', join(options.appData, 'guichet')],
    ['crashDumps', join(options.appData, 'guichet', 'Crashpad')],
  ]);
  const beforeReady = (what: string) => {
    if (isReady) throw new Error(`${what} can only be called before the app is ready (the stand-in keeps Electron's rule)`);
  };

  class App extends EventEmitter {
    readonly isPackaged = false;
    readonly commandLine = { appendSwitch: (name: string, value?: string) => record('app.commandLine.appendSwitch', name, value) };
    getPath(name: string): string {
      const path = paths.get(name);
      if (!path) throw new Error(`the stand-in has no path named ${name}`);
      return path;
    }
    setPath(name: string, path: string): void {
      record('app.setPath', name, path);
      paths.set(name, path);
    }
    getAppPath = () => options.appPath;
    getVersion = () => '0.1.0-stand-in';
    enableSandbox(): void {
      beforeReady('app.enableSandbox()');
      record('app.enableSandbox');
    }
    requestSingleInstanceLock(): boolean {
      record('app.requestSingleInstanceLock');
      return options.singleInstance ?? true;
    }
    whenReady(): Promise<void> {
      record('app.whenReady');
      return ready;
    }
    isReady = () => isReady;
    quit(): void {
      record('app.quit');
      this.quitSequence();
    }
    /** As Electron's: `before-quit` first, which a listener may prevent; then `will-quit` and `quit`, once: the process ends there. */
    quitSequence(): void {
      if (hasQuit) return;
      const event = preventable();
      this.emit('before-quit', event);
      if (event.defaultPrevented) return;
      hasQuit = true;
      this.emit('will-quit', preventable());
      this.emit('quit', preventable(), 0);
      markQuitted();
    }
    exit(code = 0): void {
      record('app.exit', code);
    }
  }
  const app = new App();

  class Protocol {
    readonly handlers = new Map<string, Listener>();
    handle(scheme: string, handler: Listener): void {
      record('protocol.handle', scheme);
      this.handlers.set(scheme, handler);
    }
  }

  class Session extends EventEmitter {
    readonly protocol = new Protocol();
    permissionRequest: Listener | null = null;
    permissionCheck: Listener | null = null;
    devicePermission: Listener | null = null;
    beforeRequest: Listener | null = null;
    spellChecker: boolean | null = null;
    readonly webRequest = { onBeforeRequest: (listener: Listener) => (this.beforeRequest = listener) };
    constructor(readonly partition: string) {
      super();
    }
    setPermissionRequestHandler(handler: Listener): void {
      this.permissionRequest = handler;
    }
    setPermissionCheckHandler(handler: Listener): void {
      this.permissionCheck = handler;
    }
    setDevicePermissionHandler(handler: Listener): void {
      this.devicePermission = handler;
    }
    setSpellCheckerEnabled(enabled: boolean): void {
      this.spellChecker = enabled;
    }
  }
  const sessions = new Map<string, Session>([['', new Session('')]]);
  const session = {
    get defaultSession(): Session {
      return sessions.get('') as Session;
    },
    fromPartition(partition: string): Session {
      let found = sessions.get(partition);
      if (!found) {
        found = new Session(partition);
        sessions.set(partition, found);
        app.emit('session-created', found);
      }
      return found;
    },
  };

  class WebContents extends EventEmitter {
    windowOpenHandler: Listener | null = null;
    send(channel: string, ...args: unknown[]): void {
      record('webContents.send', channel, ...args);
    }
    setWindowOpenHandler(handler: Listener): void {
      this.windowOpenHandler = handler;
    }
  }

  const windows: BrowserWindow[] = [];
  class BrowserWindow extends EventEmitter {
    readonly webContents = new WebContents();
    shown = false;
    destroyed = false;
    contentProtection = false;
    loadedUrl: string | null = null;
    constructor(readonly options: unknown) {
      super();
      if (!isReady) throw new Error('a BrowserWindow cannot be created before the app is ready');
      record('new BrowserWindow', options);
      windows.push(this);
      app.emit('web-contents-created', preventable(), this.webContents);
      app.emit('browser-window-created', preventable(), this);
    }
    setContentProtection(enabled: boolean): void {
      this.contentProtection = enabled;
    }
    loadURL(url: string): Promise<void> {
      record('window.loadURL', url);
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show(): void {
      this.shown = true;
    }
    isDestroyed = () => this.destroyed;
    isMinimized = () => false;
    restore(): void {}
    focus(): void {}
  }

  const ipcMain = {
    handlers: new Map<string, Listener>(),
    handle(channel: string, handler: Listener): void {
      record('ipcMain.handle', channel);
      if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.handlers.set(channel, handler);
    },
    on(channel: string): void {
      record('ipcMain.on', channel);
    },
  };

  class PowerMonitor extends EventEmitter {
    idleSeconds = 0;
    getSystemIdleTime = () => this.idleSeconds;
  }
  const powerMonitor = new PowerMonitor();

  const protocol = {
    registerSchemesAsPrivileged(schemes: unknown): void {
      beforeReady('protocol.registerSchemesAsPrivileged()');
      record('protocol.registerSchemesAsPrivileged', schemes);
    },
  };

  const Menu = {
    setApplicationMenu: (menu: unknown) => record('Menu.setApplicationMenu', menu),
    buildFromTemplate: (template: unknown) => ({ template }),
  };

  return {
    /** What `import … from 'electron'` gives the shell. */
    module: { app, BrowserWindow, ipcMain, powerMonitor, protocol, session, Menu },
    app,
    ipcMain,
    powerMonitor,
    session,
    windows,
    log,
    /** Every recorded call named `what`, by its arguments. */
    calls: (what: string) => log.filter((entry) => entry.what === what).map((entry) => entry.args),
    /** Where in the log `what` first happened; -1 if it never did. */
    indexOf: (what: string) => log.findIndex((entry) => entry.what === what),
    /** Electron finishes starting: `ready` is emitted and `whenReady()` resolves (after its earlier listeners ran). */
    async becomeReady(): Promise<void> {
      isReady = true;
      record('ready');
      app.emit('ready', preventable());
      markReady();
      await ready;
    },
    /** The person quits (a menu, Cmd+Q, the OS): what `app.quit()` does, without the shell asking for it. */
    userQuits(): void {
      record('user quits');
      app.quitSequence();
    },
    /** Resolves once the app has emitted `quit`. */
    quitted,
  };
}

export type ElectronStandIn = ReturnType<typeof createElectronStandIn>;

/** The preload's half: `contextBridge` and `ipcRenderer`. */
export function createPreloadStandIn() {
  const exposed: [string, unknown][] = [];
  const invocations: unknown[][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipcRenderer = {
    invoke(...args: unknown[]): Promise<unknown> {
      invocations.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
    on(channel: string, listener: Listener): void {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    },
    removeListener(channel: string, listener: Listener): void {
      listeners.get(channel)?.delete(listener);
    },
  };
  const contextBridge = {
    exposeInMainWorld: (key: string, value: unknown) => exposed.push([key, value]),
  };
  return {
    module: { contextBridge, ipcRenderer },
    ipcRenderer,
    exposed,
    invocations,
    listeners,
    /** Main sends `payload` on `channel`, as `webContents.send` would. */
    emit(channel: string, payload: unknown): void {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'the IPC event, with its sender' }, payload);
    },
  };
}
