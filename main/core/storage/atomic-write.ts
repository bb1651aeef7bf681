import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../errors';

/**
 * Replaces `file` with `data` so that a crash at any instant leaves either the old
 * or the new content, never a mix: write a temporary file beside it, flush it,
 * rename it over the old one, then flush the folder so the rename itself is durable.
 * `durable: false` keeps the rename's atomicity (a killed process leaves the old or the
 * new content) without the flushes, which only a power cut would need.
 */
export function writeFileAtomic(file: string, data: Uint8Array | string, { durable = true } = {}): void {
  const folder = dirname(file);
  const temporary = join(folder, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | null = null;
  try {
    fd = openSync(temporary, 'wx', 0o600);
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    if (durable) fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temporary, file);
    if (durable) fsyncFolder(folder);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    rmSync(temporary, { force: true });
    if (error instanceof AppError) throw error;
    const reason = errnoOf(error);
    if (reason === 'ENOSPC' || reason === 'EDQUOT') throw new AppError('storage.full');
    throw new AppError('storage.writeFailed', { params: { reason } });
  }
}

export function fsyncFolder(folder: string): void {
  // Windows cannot open a folder for fsync; NTFS journals renames itself.
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function errnoOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return 'unknown';
}
