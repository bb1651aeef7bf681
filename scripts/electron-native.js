#!/usr/bin/env node
/**
 * Builds better-sqlite3-multiple-ciphers for Electron's ABI into native/electron/
 * (git-ignored), beside the Node build in node_modules that the tests use: Electron's main
 * process passes this file as `nativeBinding` (main/electron/paths.ts), and `npm test`
 * keeps using node_modules untouched.
 *
 *   node scripts/electron-native.js           build unless native/electron is up to date
 *   node scripts/electron-native.js --force   rebuild
 *   node scripts/electron-native.js --check   exit 1 if a build is needed, build nothing
 *
 * It compiles the module's own sources (SQLite3 Multiple Ciphers is in them) with node-gyp
 * against Electron's headers, downloaded from https://electronjs.org/headers, so it needs
 * the network once per Electron version. On a machine without it, point
 * GUICHET_ELECTRON_NODEDIR at an extracted copy of node-v<electron version>-headers.tar.gz.
 * Build tools: Python 3 and a C++20 compiler (Linux: build-essential; macOS: Xcode command
 * line tools; Windows: Visual Studio Build Tools with "Desktop development with C++").
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MODULE = 'better-sqlite3-multiple-ciphers';
const BINARY = 'better_sqlite3.node';
const HEADERS_URL = 'https://electronjs.org/headers';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'native', 'electron');
const workDir = join(root, 'native', '.build');
// Electron's headers live apart from Node's in node-gyp's cache (same version numbers, other ABI).
const devDir = join(root, 'native', '.gyp');
const args = new Set(process.argv.slice(2));

function fail(message) {
  console.error(`\nelectron-native: ${message}\n`);
  process.exit(1);
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

const electronVersion = readJson(require.resolve('electron/package.json')).version;
const moduleDir = dirname(require.resolve(`${MODULE}/package.json`));
const moduleVersion = readJson(join(moduleDir, 'package.json')).version;
const wanted = { electron: electronVersion, module: `${MODULE}@${moduleVersion}`, platform: process.platform, arch: process.arch };
const infoFile = join(outDir, 'build-info.json');

function isUpToDate() {
  if (!existsSync(join(outDir, BINARY)) || !existsSync(infoFile)) return false;
  const built = readJson(infoFile);
  return Object.entries(wanted).every(([key, value]) => built[key] === value);
}

if (!args.has('--force') && isUpToDate()) {
  console.log(`electron-native: ${join('native', 'electron', BINARY)} is up to date (Electron ${electronVersion}, ${wanted.module}, ${process.platform}-${process.arch}).`);
  process.exit(0);
}
if (args.has('--check')) fail(`${join('native', 'electron', BINARY)} is missing or stale: run \`npm run native:electron\`.`);

const nodedir = process.env.GUICHET_ELECTRON_NODEDIR;
const cachedHeaders = existsSync(join(devDir, electronVersion, 'include', 'node', 'node.h'));
if (nodedir) {
  if (!existsSync(join(nodedir, 'include', 'node', 'node.h'))) fail(`GUICHET_ELECTRON_NODEDIR=${nodedir} does not hold Electron's headers (include/node/node.h).`);
} else if (!cachedHeaders) {
  const tarball = `${HEADERS_URL}/v${electronVersion}/node-v${electronVersion}-headers.tar.gz`;
  try {
    const response = await fetch(tarball, { method: 'HEAD', signal: AbortSignal.timeout(15_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    fail(
      `cannot reach Electron's headers (${tarball}: ${error instanceof Error ? error.message : String(error)}).\n` +
        `Building SQLite for Electron ${electronVersion} needs them: run this on a machine with network access,\n` +
        `or set GUICHET_ELECTRON_NODEDIR to an extracted copy of that tarball. The unit and e2e tests do not need it.`,
    );
  }
}

function nodeGyp() {
  // npm passes its own node-gyp to scripts; otherwise the one @electron/rebuild brings.
  const fromNpm = process.env.npm_config_node_gyp;
  if (fromNpm && existsSync(fromNpm)) return fromNpm;
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    return fail('node-gyp not found: run this script through npm (`npm run native:electron`).');
  }
}

// A private copy of the sources: node_modules/<module>/build keeps the Node build the tests load.
rmSync(workDir, { recursive: true, force: true });
const sourceDir = join(workDir, MODULE);
mkdirSync(sourceDir, { recursive: true });
for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
  cpSync(join(moduleDir, entry), join(sourceDir, entry), { recursive: true });
}

const gypArgs = [
  nodeGyp(),
  'rebuild',
  '--release',
  `--target=${electronVersion}`,
  `--arch=${process.arch}`,
  ...(nodedir ? [`--nodedir=${resolve(nodedir)}`] : [`--dist-url=${HEADERS_URL}`, `--devdir=${devDir}`]),
];
console.log(`electron-native: compiling ${wanted.module} for Electron ${electronVersion} (${process.platform}-${process.arch}); this takes a minute or two…`);
const build = spawnSync(process.execPath, gypArgs, { cwd: sourceDir, stdio: 'inherit' });
if (build.status !== 0) fail(`node-gyp failed (exit ${build.status ?? build.signal}); see its output above.`);

const built = join(sourceDir, 'build', 'Release', BINARY);
if (!existsSync(built)) fail(`node-gyp succeeded but ${built} is missing.`);
mkdirSync(outDir, { recursive: true });
cpSync(built, join(outDir, BINARY));
writeFileSync(infoFile, `${JSON.stringify({ ...wanted, builtAt: new Date().toISOString() }, null, 2)}\n`);
rmSync(workDir, { recursive: true, force: true });
console.log(`electron-native: wrote ${join('native', 'electron', BINARY)}.`);
