import { tz } from '@date-fns/tz';
import { format } from 'date-fns';

/**
 * Which backups on a drive may go: grandfather-father-son over one desk's backups. The
 * newest backup of each of the last `daily` calendar days that have one is kept, of each of
 * the last `weekly` ISO weeks (Monday first), of each of the last `monthly` months; a period
 * is on the desk's calendar (Africa/Casablanca moves to UTC+0 during Ramadan), never UTC's.
 *
 * Only a verified backup counts (issue 9): within a period the newest *verified* backup is
 * the one kept, and an unverified one stands for its period only when that period has no
 * verified backup. The newest verified backup is never deleted, whatever the policy; when
 * none is verified, the newest backup stays, so that rotation never empties a drive.
 */
export interface BackupOnDrive {
  file: string;
  deskId: string;
  /** ISO 8601 instant. */
  createdAt: string;
  verified: boolean;
}

export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

/** The error codes rotation throws: a caller's mistake, never the drive's. */
export const ROTATION_MIXED_DESKS = 'backup-rotation-mixed-desks';
export const ROTATION_INVALID_POLICY = 'backup-rotation-invalid-policy';

/** A period's key on the desk's calendar: `2026-03-30`, `2026-W14` (ISO week-numbering year), `2026-03`. */
const PERIODS = { daily: 'yyyy-MM-dd', weekly: "RRRR-'W'II", monthly: 'yyyy-MM' } as const;

interface Placed extends BackupOnDrive {
  at: number;
}

/** Newest first; equal instants by file name, so that the answer never depends on the input's order. */
const newestFirst = (a: Placed, b: Placed) => b.at - a.at || (a.file < b.file ? 1 : a.file > b.file ? -1 : 0);

function keptForPeriods(backups: readonly Placed[], pattern: string, count: number, timeZone: string): string[] {
  const zone = { in: tz(timeZone) };
  const byPeriod = new Map<string, Placed>();
  // Backups are newest first, so each period's first backup is its newest, its first verified one the newest verified.
  for (const backup of backups) {
    const period = format(backup.at, pattern, zone);
    const held = byPeriod.get(period);
    if (!held || (!held.verified && backup.verified)) byPeriod.set(period, backup);
  }
  // Periods are met newest first too: the first `count` are the last `count` that have a backup.
  return [...byPeriod.values()].slice(0, count).map((b) => b.file);
}

function checkPolicy(policy: RotationPolicy): void {
  for (const count of [policy.daily, policy.weekly, policy.monthly]) {
    if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(ROTATION_INVALID_POLICY);
  }
}

/** The file names to delete. Backups whose date cannot be read are never deleted: nothing is known of them. */
export function backupsToDelete(backups: readonly BackupOnDrive[], policy: RotationPolicy, timeZone: string): string[] {
  checkPolicy(policy);
  if (new Set(backups.map((b) => b.deskId)).size > 1) throw new Error(ROTATION_MIXED_DESKS);
  const placed = backups
    .map((b) => ({ ...b, at: Date.parse(b.createdAt) }))
    .filter((b) => Number.isFinite(b.at))
    .sort(newestFirst);
  if (placed.length === 0) return [];

  const keep = new Set<string>([(placed.find((b) => b.verified) ?? placed[0]).file]);
  for (const [period, pattern] of Object.entries(PERIODS) as [keyof RotationPolicy, string][]) {
    for (const file of keptForPeriods(placed, pattern, policy[period], timeZone)) keep.add(file);
  }
  return placed.filter((b) => !keep.has(b.file)).map((b) => b.file);
}
