/**
 * The app's lifecycle: one instance, one hardened window, one desk. Every call from the
 * page goes through `ipcMain.handle` → sender check → `router.dispatch`; the desk locks on
 * OS screen lock, on suspend and after the idle time, and closes on quit.
 */
import { existsSync, rmSync } from 'node:fs';
import { app, ipcMain, powerMonitor, protocol, session, type BrowserWindow } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type DeskEvent } from '../../shared/contract';
import type { ErrorCode } from '../../shared/errors';
import { Desk, type LockReason } from '../core/desk';
import { isAppError } from '../core/errors';
import { createDeskRouter } from '../core/handlers';
import { createCallHandler } from './ipc';
import { shellLocale } from './locale';
import { builtPaths, crashDumpsFolder, dataDirectory, nativeBindingPath, userDataFolder } from './paths';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  IDLE_POLL_MS,
  SESSION_PARTITION,
  idleLockDue,
  type ShellFacts,
} from './security';
import { createMainWindow, hardenSession, hardenWebContents, installMenu, serveApp } from './window';

const facts: ShellFacts = { isPackaged: app.isPackaged };
const paths = builtPaths(import.meta.dirname);

let mainWindow: BrowserWindow | null = null;
let desk: Desk | null = null;
/** Why the desk could not be opened (`data.inUse`: the admin command line holds the folder). */
let deskProblem: ErrorCode | null = null;

function tell(event: DeskEvent): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC_EVENT_CHANNEL, event);
}

/** The window is told at once; the keys go once the call in flight is done (Desk.lock). */
function lockDesk(reason: LockReason): void {
  desk?.lock(reason).catch((error: unknown) => {
    // The session is gone even when its audit entry failed (a full disk): Desk.lockNow wipes in `finally`.
    console.error(`guichet: locking (${reason}) failed: ${error instanceof Error ? error.name : typeof error}`);
  });
}

/** Locks (after the call in flight), wipes the keys and lets the data folder go. */
async function closeDesk(): Promise<void> {
  const closing = desk;
  desk = null;
  try {
    await closing?.close();
  } catch (error) {
    console.error(`guichet: closing the desk failed: ${error instanceof Error ? error.name : typeof error}`);
  }
}

/**
 * Quitting waits for the desk to close: a call in flight (a password change deriving its
 * key) finishes before the keys are wiped and the folder let go.
 */
function onBeforeQuit(event: { preventDefault(): void }): void {
  if (!desk) return;
  event.preventDefault();
  void closeDesk().finally(() => app.quit());
}

function removeCrashDumps(): void {
  rmSync(app.getPath('crashDumps'), { recursive: true, force: true });
}

/** False when the app cannot run at all (no SQLite build for Electron). */
function openDesk(): boolean {
  const nativeBinding = nativeBindingPath({ isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath });
  if (!existsSync(nativeBinding)) {
    console.error(`guichet: ${nativeBinding} is missing: run \`npm run native:electron\` (npm start does) to build SQLite for Electron.`);
    return false;
  }
  try {
    desk = Desk.open({
      dataDir: dataDirectory({ isPackaged: app.isPackaged, env: process.env, userData: app.getPath('userData') }),
      appVersion: app.getVersion(),
      nativeBinding,
      backupWorker: paths.backupWorker,
      onEvent: tell,
    });
  } catch (error) {
    // The page still loads and shows this code (translated) from its first call.
    deskProblem = isAppError(error) ? error.code : 'call.internal';
    console.error(`guichet: the data folder could not be opened: ${deskProblem}`);
  }
  return true;
}

function serveCalls(): void {
  const handleCall = createCallHandler({
    router: createDeskRouter(),
    desk: () => desk,
    deskProblem: () => deskProblem,
    isOurWindow: (sender) => mainWindow !== null && !mainWindow.isDestroyed() && sender === mainWindow.webContents,
    onRefused: () => console.warn('guichet: refused a call from an untrusted frame'),
  });
  ipcMain.handle(IPC_CALL_CHANNEL, (event, name: unknown, input: unknown) => handleCall(event, name, input));
}

function watchForLocking(): void {
  powerMonitor.on('lock-screen', () => lockDesk('screenLock'));
  // macOS fast user switching: another person takes the machine.
  powerMonitor.on('user-did-resign-active', () => lockDesk('screenLock'));
  powerMonitor.on('suspend', () => lockDesk('suspend'));
  powerMonitor.on('shutdown', () => app.quit());
  // Linux sends no lock-screen event: the system idle time covers it (and every OS's idle lock).
  setInterval(() => {
    if (!desk) return;
    try {
      if (idleLockDue(desk.status().state, powerMonitor.getSystemIdleTime())) lockDesk('idle');
    } catch (error) {
      console.error(`guichet: the idle check failed: ${error instanceof Error ? error.name : typeof error}`);
    }
  }, IDLE_POLL_MS);
}

function showWindow(): void {
  mainWindow = createMainWindow(paths.preload, facts);
  // Windows ends the session without `before-quit`: close the desk (audit, wipe) here.
  mainWindow.on('session-end', () => void closeDesk());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function onReady(): void {
  hardenSession(session.defaultSession, facts);
  const windowSession = session.fromPartition(SESSION_PARTITION);
  hardenSession(windowSession, facts);
  serveApp(windowSession, paths.renderer);
  installMenu(facts);
  if (!openDesk()) {
    app.exit(1);
    return;
  }
  serveCalls();
  watchForLocking();
  showWindow();
}

function main(): void {
  // Before anything reads them: the single-instance lock lives in userData.
  app.setPath('userData', userDataFolder(app.getPath('appData')));
  app.setPath('crashDumps', crashDumpsFolder(app.getPath('userData')));
  // Chromium reads its locale once, before it is ready: the desk's language, from desk.json.
  app.commandLine.appendSwitch('lang', shellLocale(dataDirectory({ isPackaged: app.isPackaged, env: process.env, userData: app.getPath('userData') })));
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  app.enableSandbox();

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  removeCrashDumps();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('session-created', (created) => hardenSession(created, facts));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', onBeforeQuit);
  app.on('quit', removeCrashDumps);
  process.on('SIGTERM', () => app.quit());
  process.on('SIGINT', () => app.quit());
  app.whenReady().then(onReady, (error: unknown) => {
    console.error(`guichet: Electron did not start: ${error instanceof Error ? error.name : typeof error}`);
    app.exit(1);
  });
}

main();
