import type { Migration } from './types';

/**
 * The visitor's no-show count, read from an index alone.
 *
 * Every appointment the boards list carries the visitor's no-shows (the psychologist sees
 * them). Counted through `appointments_by_visitor`, each row of a week view read every
 * appointment of its visitor from the table: at 200,000 appointments a week of one place
 * lists about 1,900, so some 6,000 scattered rows were read for a number. This partial
 * index holds the no-shows only, and the count reads it and nothing else.
 */
export const migration: Migration = {
  version: 8,
  name: 'no-show-count',
  up(db) {
    db.exec(`CREATE INDEX appointments_no_shows ON appointments(visitor_id) WHERE status = 'noShow';`);
  },
};
