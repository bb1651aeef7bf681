import type { Db } from './database';

export interface WriteTransaction {
  commit(): void;
  rollback(): void;
}

/**
 * A write transaction opened and closed by hand, for a router call: its handler may await
 * (a password change derives a key between its reads and its writes), and better-sqlite3's
 * `db.transaction()` only wraps synchronous work. IMMEDIATE takes the write lock before the
 * handler runs, so a write never has to upgrade a read lock halfway through. Either end is
 * a no-op once the transaction is over (a handler that closed the connection, say).
 */
export function beginImmediate(db: Db): WriteTransaction {
  db.exec('BEGIN IMMEDIATE');
  return {
    commit() {
      if (db.inTransaction) db.exec('COMMIT');
    },
    rollback() {
      if (db.open && db.inTransaction) db.exec('ROLLBACK');
    },
  };
}
