import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** The app's name as the operating system shows it; Electron names the user-data folder after it. */
export const PRODUCT_NAME = 'Guichet';
/** The folder inside user data that holds the vault and the database. */
export const DATA_SUBFOLDER = 'data';

export interface PlatformFacts {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  homeDir: string;
}

export function currentPlatform(): PlatformFacts {
  return { platform: process.platform, env: process.env, homeDir: homedir() };
}

/**
 * Where Electron's `app.getPath('appData')` points: the per-user application data
 * folder of the operating system (Chromium's rules: on Linux a non-empty
 * XDG_CONFIG_HOME wins, else ~/.config).
 */
export function appDataFolder({ platform, env, homeDir }: PlatformFacts): string {
  if (platform === 'win32') return env.APPDATA || win32.join(homeDir, 'AppData', 'Roaming');
  if (platform === 'darwin') return posix.join(homeDir, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || posix.join(homeDir, '.config');
}

/**
 * The desk's data folder: `app.getPath('userData')/data` for the product name
 * "Guichet". Pure, without Electron, so that the app and the admin command line
 * find the same folder.
 */
export function defaultDataFolder(facts: PlatformFacts = currentPlatform()): string {
  const path = facts.platform === 'win32' ? win32 : posix;
  return path.join(appDataFolder(facts), PRODUCT_NAME, DATA_SUBFOLDER);
}
