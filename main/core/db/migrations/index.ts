import type { Migration } from './types';
import { migration as m0001 } from './0001-foundation';
import { migration as m0002 } from './0002-visitors';
import { migration as m0003 } from './0003-visitors-catch-up';
import { migration as m0004 } from './0004-unclassified-disclosures';
import { migration as m0005 } from './0005-search-by-recency';
import { migration as m0006 } from './0006-listening-unit';
import { migration as m0007 } from './0007-session-notes';
import { migration as m0008 } from './0008-no-show-count';
import { migration as m0009 } from './0009-activities';
import { migration as m0010 } from './0010-childcare';

/**
 * Every migration, in order. A test checks versions run 1..n and match the file names.
 *
 * A migration that has landed on main is never edited, not even to add an index or a
 * row: a desk already past its version never runs it again, so the edit would reach new
 * desks only (0002 was edited twice after it landed; 0003 repairs that). A change is a
 * new migration. tests/unit/database.test.ts pins every landed file by its SHA-256, and
 * tests/unit/migrations.test.ts upgrades a database written at each version.
 */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
