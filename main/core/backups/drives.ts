import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LSBLK_ARGS, LSBLK_ARGS_BEFORE_2_37, parseLsblk } from './drives-linux';
import {
  DISKUTIL_LIST_ALL_EXTERNAL_ARGS,
  DISKUTIL_LIST_ARGS,
  diskutilInfoArgs,
  hasApfsStores,
  parseDiskutil,
  PLUTIL_TO_JSON_ARGS,
  wholeDisksIn,
} from './drives-macos';
import type { RemovableDrive } from './drives-types';
import { parseWindowsDrives, powershellArgs } from './drives-windows';

/**
 * The removable drives a backup can go to, found with the operating system's own tools
 * (STACK.md, "drives"): no native module, no shell, each tool given a few seconds. A tool
 * that is missing, fails or prints what cannot be read gives an empty list and one logged
 * code, never a crash: the backup screen then says that no drive is plugged in.
 *
 * Tests (and the e2e harness) point the module at a folder instead, through
 * `options.folder` or GUICHET_DRIVES_DIR: each sub-folder is one plugged-in drive.
 */
export type { RemovableDrive } from './drives-types';
export { parseLsblk } from './drives-linux';
export { parseWindowsDrives, POWERSHELL_DRIVES_SCRIPT } from './drives-windows';
export { parseDiskutil } from './drives-macos';
export { diffDrives, watchDrives, type DriveChange, type DriveWatcher } from './drives-watch';

/** Runs a program without a shell and resolves with its standard output. */
export type RunTool = (cmd: string, args: string[], input?: string) => Promise<string>;

export interface ListDrivesOptions {
  platform?: NodeJS.Platform;
  run?: RunTool;
  folder?: string;
  /** Where a failure's code goes; never a tool's output, which names volumes. */
  log?: (line: string) => void;
}

export const DRIVES_DIR_ENV = 'GUICHET_DRIVES_DIR';
const TOOL_TIMEOUT_MS = 5_000;

/**
 * Where macOS and Windows always keep their tools, so that no program earlier on the PATH
 * answers in their place. lsblk is looked up: it is in /bin or /usr/bin depending on the distribution.
 */
export const DISKUTIL = '/usr/sbin/diskutil';
export const PLUTIL = '/usr/bin/plutil';
export const powershellPath = (systemRoot = process.env.SystemRoot ?? 'C:\\Windows') =>
  path.win32.join(systemRoot, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');

export const runTool: RunTool = (cmd, args, input) =>
  new Promise((resolve, reject) => {
    const child = execFile(
      cmd,
      args,
      { timeout: TOOL_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024, encoding: 'utf8', windowsHide: true },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
    // Swallowed here, reported by the callback: a child that exits before reading its input.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input ?? '');
  });

/** Every sub-folder of `folder` is one drive, named after it; a missing folder is no drive at all. */
export async function folderDrives(folder: string): Promise<RemovableDrive[]> {
  const root = path.resolve(folder);
  const entries = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  const drives: RemovableDrive[] = [];
  // By code unit, so the order never depends on the machine's locale.
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const mountPoint = path.join(root, entry.name);
    const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && (await fs.stat(mountPoint).catch(() => null))?.isDirectory());
    if (isFolder) drives.push({ id: mountPoint, label: entry.name, mountPoint, sizeBytes: null });
  }
  return drives;
}

async function macDrives(run: RunTool): Promise<RemovableDrive[]> {
  const plist = async (args: string[]) => run(PLUTIL, PLUTIL_TO_JSON_ARGS, await run(DISKUTIL, args));
  const list = await plist(DISKUTIL_LIST_ARGS);
  const infos: Record<string, string> = {};
  for (const disk of wholeDisksIn(list)) infos[disk] = await plist(diskutilInfoArgs(disk));
  const allExternal = hasApfsStores(list) ? await plist(DISKUTIL_LIST_ALL_EXTERNAL_ARGS) : undefined;
  return parseDiskutil({ list, infos, allExternal });
}

/** Codes only: `drives-tool-failed (ENOENT)`, never a path, a label or a tool's output. */
function failureCode(error: unknown): string {
  if (error instanceof SyntaxError) return 'drives-output-unreadable';
  const code = (error as { code?: unknown } | null)?.code;
  const killed = (error as { killed?: unknown } | null)?.killed === true;
  const detail = killed ? 'timeout' : typeof code === 'string' || typeof code === 'number' ? String(code) : 'error';
  return `drives-tool-failed (${detail})`;
}

export async function listRemovableDrives(options: ListDrivesOptions = {}): Promise<RemovableDrive[]> {
  const folder = options.folder ?? process.env[DRIVES_DIR_ENV];
  if (folder) return folderDrives(folder);
  const platform = options.platform ?? process.platform;
  const run = options.run ?? runTool;
  const log = options.log ?? console.warn;
  try {
    if (platform === 'linux') return parseLsblk(await run('lsblk', LSBLK_ARGS).catch(() => run('lsblk', LSBLK_ARGS_BEFORE_2_37)));
    if (platform === 'win32') return parseWindowsDrives(await run(powershellPath(), powershellArgs()));
    if (platform === 'darwin') return await macDrives(run);
    log(`guichet: drives-platform-unsupported (${platform})`);
    return [];
  } catch (error) {
    log(`guichet: ${failureCode(error)}`);
    return [];
  }
}

/** Bytes a backup may still write under `dir` (what an unprivileged user may use, not the root reserve). */
export async function freeBytes(dir: string): Promise<number> {
  const stats = await fs.statfs(dir);
  return stats.bavail * stats.bsize;
}
