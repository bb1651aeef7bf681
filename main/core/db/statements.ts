import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from './database';

const cache = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement, compiled once per connection: the hot paths (registering,
 * indexing, seeding 100,000 visitors) would otherwise spend their time compiling SQL.
 */
export function statement(db: Db, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared;
}
