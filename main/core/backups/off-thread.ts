import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import { copyOf } from '../vault/crypto';
import { doSqliteWork, type SqliteWork, type SqliteWorkResult } from './sqlite-work';

/**
 * Runs one SQLite step in a worker thread, so that the thread serving the desk's calls is
 * never blocked for the seconds a snapshot or an integrity check takes. The built app gives
 * the worker's bundle (`out/main/backup-worker.js`); from source (tests, `tsx`) the worker
 * is `sqlite-worker.ts` beside this file, loaded through tsx. When no worker can start, the
 * step runs here: slower for the desk, never wrong.
 */
export interface OffThread {
  /** The built worker script; absent from source. */
  workerPath?: string;
}

/** From source: a small script that registers tsx in the thread, then loads sqlite-worker.ts. */
function sourceWorker(): { file: string; eval: true } | null {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return null;
  try {
    // The ES build of tsx's API (its CommonJS one resolves its hooks wrongly from an eval'd thread).
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    const worker = pathToFileURL(join(dirname(here), 'sqlite-worker.ts')).href;
    const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(worker)}); }).catch(() => process.exit(1));`;
    return { file: code, eval: true };
  } catch {
    return null;
  }
}

class WorkerFailed extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

function inWorker(worker: { file: string; eval?: true }, work: SqliteWork): Promise<SqliteWorkResult> {
  return new Promise((resolve, reject) => {
    // The worker gets its own copy of the key (structured clone) and wipes it; ours is the caller's.
    const thread = new Worker(worker.file, { workerData: { ...work, key: copyOf(work.key) }, eval: worker.eval ?? false });
    let answered = false;
    thread.once('message', (message: { ok: true; result: SqliteWorkResult } | { ok: false; code: string }) => {
      answered = true;
      if (message.ok) resolve(message.result);
      else reject(new WorkerFailed(message.code));
    });
    thread.once('error', (error) => reject(Object.assign(new Error('worker'), { cause: error, startFailed: !answered })));
    thread.once('exit', (code) => {
      if (!answered) reject(Object.assign(new Error('worker'), { startFailed: true, exitCode: code }));
    });
  });
}

function appErrorOf(work: SqliteWork, code: string): AppError {
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new AppError('storage.full');
  // A copy that does not open or check is no backup; a snapshot that cannot be written is the disk's problem.
  return work.op === 'check' ? new AppError('backup.contentsInvalid') : new AppError('storage.writeFailed', { params: { reason: code } });
}

export async function runSqliteWork(work: SqliteWork, offThread?: OffThread, log?: (line: string) => void): Promise<SqliteWorkResult> {
  const worker = offThread?.workerPath ? { file: offThread.workerPath } : offThread ? sourceWorker() : null;
  if (worker) {
    try {
      return await inWorker(worker, work);
    } catch (error) {
      if (error instanceof WorkerFailed) throw appErrorOf(work, error.code);
      log?.('guichet: the backup worker could not start; the step runs on the main thread');
    }
  }
  try {
    return doSqliteWork({ ...work, key: copyOf(work.key) });
  } catch (error) {
    if (error instanceof AppError && work.op === 'snapshot') throw error;
    const code = (error as { code?: unknown }).code;
    throw appErrorOf(work, typeof code === 'string' ? code : 'unknown');
  }
}
