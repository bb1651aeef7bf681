/** The worker thread's body (see sqlite-work.ts): one piece of work, its answer, and the thread ends. */
import { parentPort, workerData } from 'node:worker_threads';
import { doSqliteWork, type SqliteWork } from './sqlite-work';

const work = workerData as SqliteWork;
// Structured cloning hands over a Uint8Array: make it a Buffer again, wiped after use.
work.key = Buffer.from(work.key.buffer, work.key.byteOffset, work.key.byteLength);
try {
  parentPort?.postMessage({ ok: true, result: doSqliteWork(work) });
} catch (error) {
  const code = (error as { code?: unknown }).code;
  parentPort?.postMessage({ ok: false, code: typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown' });
}
