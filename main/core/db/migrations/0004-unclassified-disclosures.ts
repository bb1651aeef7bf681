import type { Migration } from './types';

/**
 * A disclosure that fits none of the six GBVIMS types can be recorded as what it is,
 * `unclassified`, instead of being left unrecorded. SQLite cannot change a CHECK in
 * place, so `disclosures` is rebuilt with the same columns and rows; nothing references
 * it. The values are written out here, not imported: this file must keep making the same
 * table whatever the domain's lists become.
 */
export const migration: Migration = {
  version: 4,
  name: 'unclassified-disclosures',
  up(db) {
    db.exec(`
      CREATE TABLE disclosures_next (
        intake_id INTEGER PRIMARY KEY REFERENCES intakes(id),
        violence_type TEXT NOT NULL CHECK (violence_type IN (
          'rape', 'sexualAssault', 'physicalAssault', 'forcedMarriage', 'denialOfResources', 'psychologicalAbuse', 'unclassified'
        )),
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      INSERT INTO disclosures_next (intake_id, violence_type, recorded_at, recorded_by)
        SELECT intake_id, violence_type, recorded_at, recorded_by FROM disclosures;
      DROP TABLE disclosures;
      ALTER TABLE disclosures_next RENAME TO disclosures;
    `);
  },
};
