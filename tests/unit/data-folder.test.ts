import { describe, expect, it } from 'vitest';
import { appDataFolder, defaultDataFolder, type PlatformFacts } from '../../main/core/data-folder';

/** The folder Electron's app.getPath('userData')/data resolves to for "Guichet", without Electron. */
describe('the default data folder', () => {
  const linux = (env: PlatformFacts['env'] = {}): PlatformFacts => ({ platform: 'linux', env, homeDir: '/home/amina' });

  it('is under ~/.config on Linux', () => {
    expect(defaultDataFolder(linux())).toBe('/home/amina/.config/Guichet/data');
  });

  it('follows XDG_CONFIG_HOME on Linux, and ignores it when empty', () => {
    expect(defaultDataFolder(linux({ XDG_CONFIG_HOME: '/srv/config' }))).toBe('/srv/config/Guichet/data');
    expect(defaultDataFolder(linux({ XDG_CONFIG_HOME: '' }))).toBe('/home/amina/.config/Guichet/data');
  });

  it('is under Application Support on macOS, whatever XDG_CONFIG_HOME says', () => {
    const facts: PlatformFacts = { platform: 'darwin', env: { XDG_CONFIG_HOME: '/elsewhere' }, homeDir: '/Users/amina' };
    expect(defaultDataFolder(facts)).toBe('/Users/amina/Library/Application Support/Guichet/data');
  });

  it('is under %APPDATA% on Windows, with backslashes', () => {
    const facts: PlatformFacts = { platform: 'win32', env: { APPDATA: 'C:\\Users\\amina\\AppData\\Roaming' }, homeDir: 'C:\\Users\\amina' };
    expect(defaultDataFolder(facts)).toBe('C:\\Users\\amina\\AppData\\Roaming\\Guichet\\data');
  });

  it('falls back to the roaming folder in the profile when %APPDATA% is unset', () => {
    expect(appDataFolder({ platform: 'win32', env: {}, homeDir: 'C:\\Users\\amina' })).toBe('C:\\Users\\amina\\AppData\\Roaming');
  });
});
