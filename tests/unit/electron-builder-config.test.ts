/**
 * electron-builder.yml, read and validated by electron-builder's own code (app-builder-lib,
 * installed with electron-builder): the same loader and JSON-schema validation
 * `electron-builder` runs before packaging, which cannot run here (no Electron download).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import * as fileMatcher from 'app-builder-lib/out/fileMatcher';
import { DebugLogger, type FilterStats } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const CONFIG_FILE = 'electron-builder.yml';

async function loadConfig(projectDir = root): Promise<Configuration> {
  const config = await getConfig(projectDir, CONFIG_FILE, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

function targetsOf(platform: Configuration['linux'] | Configuration['win'] | Configuration['mac']): string[] {
  const target = platform?.target;
  const list = Array.isArray(target) ? target : target ? [target] : [];
  return list.map((entry) => (typeof entry === 'string' ? entry : entry.target));
}

/**
 * electron-builder copies every production dependency and filters it with the `!`
 * patterns of `files` only (its internal getNodeModuleFileMatcher); this asks that same
 * code whether a file of node_modules would be packaged.
 */
async function nodeModuleFilter(config: Configuration): Promise<(file: string) => boolean> {
  const internal = fileMatcher as unknown as {
    getNodeModuleFileMatcher(
      appDir: string,
      destination: string,
      macroExpander: (pattern: string) => string,
      options: Configuration,
      packager: { config: Configuration; debugLogger: DebugLogger },
    ): fileMatcher.FileMatcher;
  };
  expect(typeof internal.getNodeModuleFileMatcher).toBe('function');
  const matcher = internal.getNodeModuleFileMatcher('/app', '/out/app', (p) => p, {}, { config, debugLogger: new DebugLogger(false) });
  // As NodeModuleCopyHelper does: no pattern at all means every file is copied.
  if (matcher.isEmpty()) return () => true;
  const filter = matcher.createFilter();
  return (file) => {
    const stat = { isDirectory: () => false, moduleFullFilePath: file } as unknown as FilterStats;
    return filter(join('/app', file), stat);
  };
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(loadConfig()).resolves.toBeDefined();
  });

  it('names the app and writes packages to release/', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('org.guichet.desk');
    expect(config.productName).toBe('Guichet');
    expect(config.directories?.output).toBe('release');
    expect(config.publish).toBeNull();
  });

  it('flips every hardening fuse', async () => {
    const config = await loadConfig();
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage and deb for Linux, NSIS for Windows, dmg for macOS', async () => {
    const config = await loadConfig();
    expect(targetsOf(config.linux).sort()).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.win)).toEqual(['nsis']);
    expect(targetsOf(config.mac)).toEqual(['dmg']);
    expect(config.linux?.maintainer).toBeTruthy();
  });

  it('never deletes the desk’s data when Guichet is uninstalled', async () => {
    const config = await loadConfig();
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
  });

  it('packs the app in an asar archive, native modules unpacked', async () => {
    const config = await loadConfig();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
  });

  it('ships SQLite’s Electron build from native/electron instead of rebuilding node_modules in place', async () => {
    const config = await loadConfig();
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toEqual([{ from: 'native/electron', to: 'native', filter: ['better_sqlite3.node'] }]);
  });

  it('packages the bundles and, of node_modules, only the two native modules main loads', async () => {
    const config = await loadConfig();
    // electron-builder merges `files` into file sets: [{ filter: [...] }].
    const sets = (Array.isArray(config.files) ? config.files : [config.files]) as Array<string | { from?: string; filter?: string | string[] }>;
    const patterns = sets.flatMap((set) => (typeof set === 'string' ? [set] : set.from ? [] : [set.filter ?? []].flat()));
    expect(patterns.filter((pattern) => !pattern.startsWith('!'))).toEqual(['out/**/*', 'package.json']);
    const packaged = await nodeModuleFilter(config);
    for (const file of [
      'node_modules/better-sqlite3-multiple-ciphers/package.json',
      'node_modules/better-sqlite3-multiple-ciphers/lib/index.js',
      'node_modules/better-sqlite3-multiple-ciphers/lib/methods/pragma.js',
      'node_modules/@node-rs/argon2/index.js',
      'node_modules/@node-rs/argon2-linux-x64-gnu/argon2.linux-x64-gnu.node',
      'node_modules/@node-rs/argon2-win32-x64-msvc/argon2.win32-x64-msvc.node',
    ]) {
      expect(packaged(file), file).toBe(true);
    }
    for (const file of [
      // bundled into out/ already
      'node_modules/react/index.js',
      'node_modules/@mantine/core/package.json',
      'node_modules/zod/index.js',
      // the Node-ABI build and the C sources: main loads resources/native/better_sqlite3.node
      'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
      'node_modules/better-sqlite3-multiple-ciphers/build/Release/test_extension.node',
      'node_modules/better-sqlite3-multiple-ciphers/deps/sqlite3/sqlite3.c',
      'node_modules/better-sqlite3-multiple-ciphers/src/addon.cpp',
      // only needed without nativeBinding, or at install time
      'node_modules/bindings/bindings.js',
      'node_modules/prebuild-install/index.js',
      // the admin command line's runtime, not the desk's
      'node_modules/tsx/package.json',
    ]) {
      expect(packaged(file), file).toBe(false);
    }
  });

  it('is checked for real: a misspelt fuse is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-builder-'));
    try {
      cpSync(join(root, 'package.json'), join(dir, 'package.json'));
      const yaml = readFileSync(join(root, CONFIG_FILE), 'utf8');
      expect(yaml).toContain('  runAsNode: false');
      writeFileSync(join(dir, CONFIG_FILE), yaml.replace('  runAsNode: false', '  runAsnode: false'));
      await expect(loadConfig(dir)).rejects.toThrow(/electronFuses/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
