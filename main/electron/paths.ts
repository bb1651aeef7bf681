/**
 * Where the shell finds and keeps things, as pure functions of what Electron reports, so
 * that tests can check them without Electron and the admin command line agrees with the app.
 */
import { join } from 'node:path';
import { DATA_SUBFOLDER, PRODUCT_NAME } from '../core/data-folder';

/** The file name of the Electron-ABI build of the SQLite module (`scripts/electron-native.js`). */
export const NATIVE_SQLITE_FILE = 'better_sqlite3.node';

/**
 * `app.getPath('userData')`, pinned to `<appData>/Guichet` whatever name Electron guessed
 * (`guichet` from package.json in development): the admin command line looks there too
 * (`defaultDataFolder` in main/core/data-folder.ts).
 */
export function userDataFolder(appData: string): string {
  return join(appData, PRODUCT_NAME);
}

/**
 * The desk's data folder. `GUICHET_DATA_DIR` points a development run at a scratch
 * folder; an installed app ignores it and always uses its own folder.
 */
export function dataDirectory(facts: { isPackaged: boolean; env: Readonly<Record<string, string | undefined>>; userData: string }): string {
  const override = facts.env.GUICHET_DATA_DIR;
  if (!facts.isPackaged && override) return override;
  return join(facts.userData, DATA_SUBFOLDER);
}

/**
 * Where Chromium would write crash dumps. Guichet never starts the crash reporter; the
 * folder is pinned beside the data and emptied at every start and quit, so that if
 * Chromium writes a dump anyway (it holds process memory: keys, names) it does not stay.
 */
export function crashDumpsFolder(userData: string): string {
  return join(userData, 'crash-dumps');
}

/**
 * The Electron-ABI build of better-sqlite3-multiple-ciphers. From the sources it is
 * `native/electron/` (built by `npm start`); in an installed app electron-builder copied
 * it to `resources/native/` (extraResources), outside the asar archive.
 */
export function nativeBindingPath(facts: { isPackaged: boolean; appPath: string; resourcesPath: string }): string {
  return facts.isPackaged
    ? join(facts.resourcesPath, 'native', NATIVE_SQLITE_FILE)
    : join(facts.appPath, 'native', 'electron', NATIVE_SQLITE_FILE);
}

/** electron-vite's layout: out/main (this code and the backup worker), out/preload, out/renderer. */
export function builtPaths(mainDir: string): { preload: string; renderer: string; backupWorker: string } {
  return {
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    renderer: join(mainDir, '..', 'renderer'),
    backupWorker: join(mainDir, 'backup-worker.js'),
  };
}
