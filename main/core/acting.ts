import type { Desk } from './desk';

/** What a handler of a session's call works with: the database, who acts, and the desk's clock. */
export function acting(desk: Desk) {
  const session = desk.requireSession();
  return { db: session.db, user: session.user, actor: { id: session.user.id }, now: desk.now() };
}
