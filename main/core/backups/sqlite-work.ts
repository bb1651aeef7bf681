import { threadId } from 'node:worker_threads';
import { openKeyed, schemaVersion } from '../db/database';
import { vacuumInto } from '../db/copy';
import { readMeta } from '../db/meta';
import { wipe } from '../vault/crypto';
import { integrityProblems } from './service';

/**
 * The two long SQLite steps of a backup, each on its own connection: the snapshot
 * (`VACUUM INTO`) and the full check of a copy (`PRAGMA integrity_check`). At 100,000
 * visitors each takes seconds, so the app runs them in a worker thread (off-thread.ts)
 * and the desk keeps answering; the command line and a missing worker run them here.
 */
export type SqliteWork =
  | { op: 'snapshot'; dbPath: string; out: string; key: Buffer; nativeBinding?: string }
  | { op: 'check'; path: string; key: Buffer; nativeBinding?: string };

/** `thread`: the worker thread's id (0 on the main thread), so a test can tell where it ran. */
export type SqliteWorkResult = ({ op: 'snapshot' } | { op: 'check'; problems: number; vaultId: string | null; schemaVersion: number }) & { thread: number };

export function doSqliteWork(work: SqliteWork): SqliteWorkResult {
  try {
    if (work.op === 'snapshot') {
      const db = openKeyed(work.dbPath, work.key, { fileMustExist: true, nativeBinding: work.nativeBinding });
      try {
        vacuumInto(db, work.out);
      } finally {
        db.close();
      }
      return { op: 'snapshot', thread: threadId };
    }
    const db = openKeyed(work.path, work.key, { fileMustExist: true, nativeBinding: work.nativeBinding });
    try {
      return { op: 'check', problems: integrityProblems(db).length, vaultId: readMeta(db, 'vault_id'), schemaVersion: schemaVersion(db), thread: threadId };
    } finally {
      db.close();
    }
  } finally {
    wipe(work.key);
  }
}
