import type { Migration } from './types';
import { migration as m0001 } from './0001-foundation';
import { migration as m0002 } from './0002-visitors';

/** Every migration, in order. A test checks versions run 1..n and match the file names. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
