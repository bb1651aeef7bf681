import { constants } from 'node:fs';
import { access, mkdir, open, rename, rm, statfs, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, isAppError } from '../errors';
import { errnoOf, fsyncFolder } from '../storage/atomic-write';
import { randomBytes } from '../vault/crypto';
import {
  BACKUP_FORMAT_VERSION,
  ChunkOpener,
  ChunkSealer,
  CHUNK_SIZE,
  headerLengthOf,
  parseHeader,
  PREFIX_SIZE,
  SEALED_CHUNK_SIZE,
  sealedSize,
  type ParsedHeader,
} from './format';

/** What a long backup, check or restore tells whoever watches it. */
/** Awaited: a test may hold a job at a step to see it (DeskOptions.backupPace). */
export type OnProgress = (p: BackupProgress) => void | Promise<void>;

export interface BackupProgress {
  stage: 'snapshot' | 'write' | 'verify' | 'safetyCopy' | 'restore';
  done: number;
  total: number;
}

/** The part of a file handle the writer uses: tests give one that fails after N bytes. */
export interface WritableTarget {
  write(bytes: Buffer): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export type OpenForWrite = (path: string) => Promise<WritableTarget>;

export const openRealFile: OpenForWrite = async (path) => {
  const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  return {
    write: async (bytes) => {
      let offset = 0;
      while (offset < bytes.length) offset += (await handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
    },
    sync: () => handle.sync(),
    close: () => handle.close(),
  };
};

export const BACKUP_EXTENSION = '.guichet-backup';
/** Bytes written or read back per call: 16 sealed chunks. */
const WRITE_BATCH = 16 * SEALED_CHUNK_SIZE;
const READ_BATCH = 16 * CHUNK_SIZE;
export const PARTIAL_EXTENSION = '.partial';

/** A drive's failure as the error a person can act on. */
export function driveError(error: unknown, neededBytes?: number): AppError {
  if (isAppError(error)) return error;
  const code = errnoOf(error);
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('backup.driveFull', { params: { needed: Math.ceil((neededBytes ?? 0) / 1e6) } });
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new AppError('backup.driveReadOnly');
  if (code === 'ENOENT') return new AppError('backup.driveGone');
  return new AppError('backup.driveGone');
}

export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AppError('backup.cancelled');
}

/** The payload's plaintext, file after file, as exact 64 KiB chunks and the last one. */
async function* plaintextChunks(parts: (Buffer | string)[], signal?: AbortSignal): AsyncGenerator<Buffer> {
  let pending = Buffer.alloc(0);
  for (const part of parts) {
    if (Buffer.isBuffer(part)) {
      pending = Buffer.concat([pending, part]);
      while (pending.length >= CHUNK_SIZE) {
        yield pending.subarray(0, CHUNK_SIZE);
        pending = pending.subarray(CHUNK_SIZE);
      }
      continue;
    }
    const handle = await open(part, 'r');
    try {
      for (;;) {
        throwIfCancelled(signal);
        const buffer = Buffer.alloc(READ_BATCH);
        const { bytesRead } = await handle.read(buffer, 0, READ_BATCH, null);
        if (bytesRead === 0) break;
        pending = Buffer.concat([pending, buffer.subarray(0, bytesRead)]);
        while (pending.length >= CHUNK_SIZE) {
          yield pending.subarray(0, CHUNK_SIZE);
          pending = pending.subarray(CHUNK_SIZE);
        }
      }
    } finally {
      await handle.close();
    }
  }
  yield pending;
}

export async function freeBytesAt(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return Number(stats.bavail) * Number(stats.bsize);
}

/**
 * Writes header and payload to a temporary name in `dir`, flushes it, renames it to
 * `name`, flushes the folder. Refuses before writing when the drive has too little room;
 * a failure or a cancel removes the temporary file. Returns the final path.
 */
export async function writeBackupFile(options: {
  dir: string;
  name: string;
  header: Buffer;
  fileKey: Buffer;
  salt: string;
  /** The payload: bytes in memory, or paths of files read in turn. */
  parts: (Buffer | string)[];
  plainBytes: number;
  onProgress?: OnProgress;
  signal?: AbortSignal;
  openForWrite?: OpenForWrite;
  freeBytes?: (dir: string) => Promise<number>;
}): Promise<{ path: string; bytes: number }> {
  const total = options.header.length + sealedSize(options.plainBytes);
  try {
    // Only the backup folder itself: a drive unplugged has no folder above it, which must not be made again on the machine's own disk.
    await mkdir(options.dir);
  } catch (error) {
    if (errnoOf(error) !== 'EEXIST') throw driveError(error, total);
  }
  let free: number;
  try {
    free = await (options.freeBytes ?? freeBytesAt)(options.dir);
  } catch (error) {
    throw driveError(error, total);
  }
  // A little room to spare: the filesystem's own blocks and the folder entry.
  if (free < total + 1024 * 1024) throw new AppError('backup.driveFull', { params: { needed: Math.ceil(total / 1e6) } });

  const temporary = join(options.dir, `.${options.name}.${randomBytes(4).toString('hex')}${PARTIAL_EXTENSION}`);
  const sealer = new ChunkSealer(options.fileKey, options.salt);
  let target: WritableTarget | null = null;
  let done = 0;
  try {
    target = await (options.openForWrite ?? openRealFile)(temporary);
    await target.write(options.header);
    done += options.header.length;
    // Sealed chunks go to the drive about a mebibyte at a time: one write per chunk made it eight times slower.
    let batch: Buffer[] = [];
    let batched = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const bytes = batch.length === 1 ? batch[0] : Buffer.concat(batch, batched);
      batch = [];
      batched = 0;
      await target?.write(bytes);
    };
    let previous: Buffer | null = null;
    for await (const chunk of plaintextChunks(options.parts, options.signal)) {
      throwIfCancelled(options.signal);
      // What is left comes last, empty when the payload fills its chunks exactly: the full chunk before it is then the last (format.ts: a last chunk is never empty).
      if (chunk.length === 0 && previous) continue;
      if (previous) {
        const sealed = sealer.seal(previous, false);
        batch.push(sealed);
        batched += sealed.length;
        done += sealed.length;
        if (batched >= WRITE_BATCH) await flush();
        // Told per chunk (what a cancel or a watcher sees), written per batch.
        await options.onProgress?.({ stage: 'write', done, total });
      }
      previous = Buffer.from(chunk);
    }
    const last = sealer.seal(previous ?? Buffer.alloc(0), true);
    batch.push(last);
    batched += last.length;
    done += last.length;
    await flush();
    await target.sync();
    await target.close();
    target = null;
    throwIfCancelled(options.signal);
    // Two backups in one second must not share a name: a rename replaces, and the first would be lost.
    const final = await freeName(options.dir, options.name);
    await rename(temporary, final);
    fsyncFolder(options.dir);
    await options.onProgress?.({ stage: 'write', done: total, total });
    return { path: final, bytes: done };
  } catch (error) {
    if (target) await target.close().catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
    throw driveError(error, total);
  } finally {
    sealer.wipe();
  }
}

/** `name`, or `name` with `-2`, `-3`… before its extension, whichever is not taken in `dir`. */
async function freeName(dir: string, name: string): Promise<string> {
  const dot = name.endsWith(BACKUP_EXTENSION) ? name.length - BACKUP_EXTENSION.length : name.length;
  for (let n = 1; ; n++) {
    const candidate = join(dir, n === 1 ? name : `${name.slice(0, dot)}-${n}${name.slice(dot)}`);
    try {
      await access(candidate);
    } catch {
      return candidate;
    }
  }
}

async function readExactly(handle: FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await handle.read(buffer, read, length - read, position + read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return buffer.subarray(0, read);
}

async function openForRead(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') throw new AppError('backup.notFound');
    throw driveError(error);
  }
}

/** The header of a backup file, checked against its checksum: enough to list it, no secret needed. */
export async function readBackupHeader(path: string): Promise<ParsedHeader & { fileBytes: number }> {
  const handle = await openForRead(path);
  try {
    const { size } = await handle.stat();
    const prefix = await readExactly(handle, PREFIX_SIZE, 0);
    const length = headerLengthOf(prefix);
    const bytes = await readExactly(handle, length, 0);
    if (bytes.length < length) throw new AppError('backup.damaged');
    return { ...parseHeader(bytes), fileBytes: size };
  } catch (error) {
    throw driveError(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Opens every chunk of the payload in order and writes its files into `outDir` (the
 * database stays SQLCipher-encrypted: nothing readable reaches the disk). Any damage,
 * truncation, reordering or appended byte throws `backup.damaged`.
 */
export async function extractPayload(options: {
  path: string;
  parsed: ParsedHeader;
  fileKey: Buffer;
  outDir: string;
  onProgress?: OnProgress;
  signal?: AbortSignal;
}): Promise<void> {
  const { parsed } = options;
  const files = parsed.header.manifest.files;
  const plainBytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const handle = await openForRead(options.path);
  const opener = new ChunkOpener(options.fileKey, parsed.header.payload.salt);
  const outputs: FileHandle[] = [];
  try {
    const { size } = await handle.stat();
    if (size !== parsed.length + sealedSize(plainBytes)) throw new AppError('backup.damaged');
    await mkdir(options.outDir, { recursive: true, mode: 0o700 });
    for (const file of files) outputs.push(await open(join(options.outDir, file.name), 'wx', 0o600));
    let fileIndex = 0;
    let leftInFile = files[0].bytes;
    let position = parsed.length;
    while (position < size) {
      throwIfCancelled(options.signal);
      // Up to 16 sealed chunks per read; each is opened in turn, the last one knowing it is last.
      const batch = await readExactly(handle, Math.min(WRITE_BATCH, size - position), position);
      if (batch.length === 0) throw new AppError('backup.damaged');
      const pieces: Buffer[][] = files.map(() => []);
      for (let offset = 0; offset < batch.length; offset += SEALED_CHUNK_SIZE) {
        const sealed = batch.subarray(offset, Math.min(offset + SEALED_CHUNK_SIZE, batch.length));
        let plain = opener.open(sealed, position + offset + sealed.length >= size);
        while (plain.length > 0) {
          while (leftInFile === 0 && fileIndex < files.length - 1) leftInFile = files[++fileIndex].bytes;
          if (leftInFile === 0) throw new AppError('backup.damaged');
          const take = Math.min(leftInFile, plain.length);
          pieces[fileIndex].push(plain.subarray(0, take));
          leftInFile -= take;
          plain = plain.subarray(take);
        }
        await options.onProgress?.({ stage: 'verify', done: position + offset + sealed.length, total: size });
        throwIfCancelled(options.signal);
      }
      for (let index = 0; index < files.length; index++) if (pieces[index].length > 0) await outputs[index].write(Buffer.concat(pieces[index]));
      position += batch.length;
    }
    for (const output of outputs) await output.sync();
  } catch (error) {
    throw driveError(error);
  } finally {
    opener.wipe();
    for (const output of outputs) await output.close().catch(() => undefined);
    await handle.close().catch(() => undefined);
  }
}

export { BACKUP_FORMAT_VERSION };
export async function removeQuietly(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true }).catch(() => undefined);
}
