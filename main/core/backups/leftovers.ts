import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { errnoOf } from '../storage/atomic-write';
import { WORK_PREFIX } from './backup';
import { BACKUP_EXTENSION, PARTIAL_EXTENSION } from './file';

/**
 * What a backup killed halfway leaves behind, and its removal at the next start (the
 * desk's data folder) or listing (a drive's backup folder). Only names Guichet itself
 * writes are touched: a drive is shared with other files, and its folder with other desks.
 */

/** `.<name>.guichet-backup.<hex>.partial`, as `writeBackupFile` names its temporary file. */
const PARTIAL_NAME = new RegExp(`^\\.[^/\\\\]+${escape(BACKUP_EXTENSION)}\\.[0-9a-f]+${escape(PARTIAL_EXTENSION)}$`);
const WORK_NAME = new RegExp(`^${escape(WORK_PREFIX)}[0-9a-f]+$`);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function isPartialBackupName(name: string): boolean {
  return PARTIAL_NAME.test(name);
}

function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    // A drive unplugged or a folder never made holds nothing to clean.
    if (errnoOf(error) === 'ENOENT' || errnoOf(error) === 'ENOTDIR') return [];
    throw error;
  }
}

/** Removes each entry whose name and kind match; returns the names removed. Synchronous: the desk calls it as it opens. */
function removeMatching(dir: string, matches: (name: string) => boolean, kind: 'file' | 'directory'): string[] {
  const removed: string[] = [];
  for (const name of namesIn(dir)) {
    if (!matches(name)) continue;
    const path = join(dir, name);
    // lstat: a link under one of these names is never followed.
    let stats: ReturnType<typeof lstatSync> | null = null;
    try {
      stats = lstatSync(path);
    } catch {
      stats = null;
    }
    if (!stats || (kind === 'file' ? !stats.isFile() : !stats.isDirectory())) continue;
    rmSync(path, { recursive: kind === 'directory', force: true });
    removed.push(name);
  }
  return removed;
}

/** The data folder's `.backup-work-*` folders (snapshots and extracted payloads, still SQLCipher-encrypted). Called by `Desk.open`, holding the folder lock, before any backup starts. */
export function cleanLeftovers(dataDir: string): string[] {
  return removeMatching(dataDir, (name) => WORK_NAME.test(name), 'directory');
}

/** A drive's backup folder: the temporary files of backups that never reached their name (before each backup to it). */
export async function cleanDrive(dir: string): Promise<string[]> {
  return removeMatching(dir, isPartialBackupName, 'file');
}
