import { describe, expect, it } from 'vitest';
import {
  backupsToDelete,
  DEFAULT_ROTATION,
  ROTATION_INVALID_POLICY,
  ROTATION_MIXED_DESKS,
  type BackupOnDrive,
  type RotationPolicy,
} from '../../main/core/backups/rotation';

/**
 * Rotation on the desk's calendar. Every instant is written out; no test reads today's date.
 * Africa/Casablanca in 2026 (asked of the zone data in calendar.test.ts): UTC+1, UTC+0 from
 * 2026-02-15T02:00Z (Ramadan), UTC+1 again from 2026-03-22T02:00Z.
 */
const NADOR = 'Africa/Casablanca';
const DESK = 'desk-nador-1';

const backup = (createdAt: string, verified = true, deskId = DESK): BackupOnDrive => ({
  file: `guichet-${deskId}-${createdAt.replace(/[:.]/g, '')}.backup`,
  deskId,
  createdAt,
  verified,
});
const fileOf = (createdAt: string, deskId = DESK) => backup(createdAt, true, deskId).file;
const only = (daily: number, weekly: number, monthly: number): RotationPolicy => ({ daily, weekly, monthly });
const kept = (backups: BackupOnDrive[], policy: RotationPolicy, zone = NADOR) => {
  const gone = new Set(backupsToDelete(backups, policy, zone));
  return backups.filter((b) => !gone.has(b.file)).map((b) => b.createdAt.slice(0, 10));
};

describe('grandfather-father-son, 7 daily, 4 weekly and 12 monthly', () => {
  it('keeps exactly 20 of a year of daily backups, the periods overlapping where they share a backup', () => {
    const year: BackupOnDrive[] = [];
    for (let day = new Date('2025-01-01T10:00:00.000Z'); day.getUTCFullYear() === 2025; day = new Date(day.getTime() + 86_400_000)) {
      year.push(backup(day.toISOString()));
    }
    expect(year).toHaveLength(365);
    expect(DEFAULT_ROTATION).toEqual({ daily: 7, weekly: 4, monthly: 12 });
    const keptDays = kept(year, DEFAULT_ROTATION);
    expect(keptDays.sort()).toEqual(
      [
        // the last 7 days
        '2025-12-25', '2025-12-26', '2025-12-27', '2025-12-28', '2025-12-29', '2025-12-30', '2025-12-31',
        // 4 ISO weeks: 2026-W01 (Monday 29 December) and 2025-W52 end in the days above; W51, W50 add their Sundays
        '2025-12-21', '2025-12-14',
        // 12 months: December is the 31st above; each other month its last day
        '2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31', '2025-06-30',
        '2025-07-31', '2025-08-31', '2025-09-30', '2025-10-31', '2025-11-30',
      ].sort(),
    );
    expect(backupsToDelete(year, DEFAULT_ROTATION, NADOR)).toHaveLength(345);
  });

  it('keeps the newest of three backups made the same day', () => {
    const day = [backup('2026-06-10T07:00:00.000Z'), backup('2026-06-10T11:00:00.000Z'), backup('2026-06-10T16:30:00.000Z'), backup('2026-06-09T16:00:00.000Z')];
    expect(backupsToDelete(day, DEFAULT_ROTATION, NADOR).sort()).toEqual([fileOf('2026-06-10T07:00:00.000Z'), fileOf('2026-06-10T11:00:00.000Z')].sort());
  });

  it('gives the same answer whatever the order the drive listed the files in', () => {
    const backups = ['2026-06-10T07:00:00.000Z', '2026-06-01T07:00:00.000Z', '2026-05-03T07:00:00.000Z', '2026-06-10T09:00:00.000Z'].map((at) => backup(at));
    const policy = only(1, 1, 1);
    const answer = backupsToDelete(backups, policy, NADOR).sort();
    expect(backupsToDelete([...backups].reverse(), policy, NADOR).sort()).toEqual(answer);
    expect(answer).toEqual([fileOf('2026-06-01T07:00:00.000Z'), fileOf('2026-05-03T07:00:00.000Z'), fileOf('2026-06-10T07:00:00.000Z')].sort());
  });
});

describe("days, weeks and months are the desk's, not UTC's", () => {
  it('puts the hours either side of the switch to Ramadan time on one Nador day', () => {
    // 23:30Z on the 14th is 00:30 on the 15th at UTC+1; 23:30Z on the 15th is 23:30 at UTC+0.
    const backups = [backup('2026-02-14T23:30:00.000Z'), backup('2026-02-15T23:30:00.000Z')];
    expect(backupsToDelete(backups, only(7, 0, 0), NADOR)).toEqual([fileOf('2026-02-14T23:30:00.000Z')]);
    expect(backupsToDelete(backups, only(7, 0, 0), 'UTC')).toEqual([]);
  });

  it('puts two backups of one UTC day on two Nador days after the return to UTC+1', () => {
    // 22:30Z on 22 March is 23:30 that day; 23:30Z is 00:30 on the 23rd; 23:30Z on the 21st was 23:30 at UTC+0.
    const backups = [backup('2026-03-21T23:30:00.000Z'), backup('2026-03-22T22:30:00.000Z'), backup('2026-03-22T23:30:00.000Z')];
    expect(backupsToDelete(backups, only(3, 0, 0), NADOR)).toEqual([]);
    expect(backupsToDelete(backups, only(3, 0, 0), 'UTC')).toEqual([fileOf('2026-03-22T22:30:00.000Z')]);
  });

  it("starts a Nador day at Nador's midnight", () => {
    // 22:30Z is 23:30 on 1 April in Nador, 23:30Z already 00:30 on the 2nd; both are 1 April in UTC.
    const backups = [backup('2026-04-01T22:30:00.000Z'), backup('2026-04-01T23:30:00.000Z')];
    expect(backupsToDelete(backups, only(2, 0, 0), NADOR)).toEqual([]);
    expect(backupsToDelete(backups, only(2, 0, 0), 'UTC')).toEqual([fileOf('2026-04-01T22:30:00.000Z')]);
  });

  it("starts an ISO week at Nador's Monday midnight", () => {
    // Sunday 29 March 2026 at 22:00 in Nador, then 00:30 on Monday the 30th (2026-W14).
    const backups = [backup('2026-03-29T21:00:00.000Z'), backup('2026-03-29T23:30:00.000Z')];
    expect(backupsToDelete(backups, only(0, 2, 0), NADOR)).toEqual([]);
    expect(backupsToDelete(backups, only(0, 1, 0), NADOR)).toEqual([fileOf('2026-03-29T21:00:00.000Z')]);
    expect(backupsToDelete(backups, only(0, 2, 0), 'UTC')).toEqual([fileOf('2026-03-29T21:00:00.000Z')]);
  });

  it("starts a month at Nador's midnight", () => {
    const backups = [backup('2026-04-30T22:00:00.000Z'), backup('2026-04-30T23:30:00.000Z')];
    expect(backupsToDelete(backups, only(0, 0, 2), NADOR)).toEqual([]);
    expect(backupsToDelete(backups, only(0, 0, 2), 'UTC')).toEqual([fileOf('2026-04-30T22:00:00.000Z')]);
  });
});

describe('only a verified backup counts', () => {
  it('keeps the verified backup of a day whose newest failed verification, and lets the unverified one go', () => {
    const backups = [backup('2026-06-10T09:00:00.000Z'), backup('2026-06-10T15:00:00.000Z', false)];
    expect(backupsToDelete(backups, DEFAULT_ROTATION, NADOR)).toEqual([fileOf('2026-06-10T15:00:00.000Z')]);
  });

  it('lets an unverified backup stand for a day that has no verified one, and still keeps the newest verified', () => {
    const backups = [backup('2026-06-11T09:00:00.000Z', false), backup('2026-06-10T09:00:00.000Z'), backup('2026-06-09T09:00:00.000Z')];
    expect(backupsToDelete(backups, only(2, 0, 0), NADOR)).toEqual([fileOf('2026-06-09T09:00:00.000Z')]);
    // With nothing asked for, the newest verified is what stays, not the newer unverified one.
    expect(backupsToDelete(backups, only(0, 0, 0), NADOR).sort()).toEqual([fileOf('2026-06-11T09:00:00.000Z'), fileOf('2026-06-09T09:00:00.000Z')].sort());
  });

  it("keeps a month's newest verified backup, not its newer unverified one", () => {
    const backups = [backup('2026-05-03T09:00:00.000Z'), backup('2026-05-28T09:00:00.000Z', false), backup('2026-06-02T09:00:00.000Z')];
    expect(backupsToDelete(backups, only(0, 0, 2), NADOR)).toEqual([fileOf('2026-05-28T09:00:00.000Z')]);
  });

  it('never deletes the newest verified backup, even when it is months older than the unverified ones', () => {
    const backups = [backup('2026-01-05T09:00:00.000Z'), ...['2026-06-08', '2026-06-09', '2026-06-10'].map((d) => backup(`${d}T09:00:00.000Z`, false))];
    expect(kept(backups, only(2, 0, 0))).toEqual(['2026-01-05', '2026-06-09', '2026-06-10']);
  });

  it('keeps only the newest verified backup under a policy of 0 everywhere', () => {
    const backups = [backup('2026-06-10T09:00:00.000Z'), backup('2026-06-09T09:00:00.000Z'), backup('2026-05-01T09:00:00.000Z')];
    expect(kept(backups, only(0, 0, 0))).toEqual(['2026-06-10']);
  });

  it('keeps the newest backup when none is verified, so that rotation never empties a drive', () => {
    const backups = [backup('2026-06-10T09:00:00.000Z', false), backup('2026-06-09T09:00:00.000Z', false)];
    expect(kept(backups, only(0, 0, 0))).toEqual(['2026-06-10']);
  });
});

describe("one desk's backups", () => {
  it('deletes nothing from an empty drive', () => {
    expect(backupsToDelete([], DEFAULT_ROTATION, NADOR)).toEqual([]);
  });

  it("leaves another desk's backups untouched: the caller passes its own, and a mixed list is refused", () => {
    const ours = ['2026-06-10T09:00:00.000Z', '2026-06-10T08:00:00.000Z', '2026-06-10T07:00:00.000Z'].map((at) => backup(at));
    const theirs = ['2026-06-10T09:30:00.000Z', '2026-06-10T08:30:00.000Z'].map((at) => backup(at, true, 'desk-oujda'));
    const drive = [...ours, ...theirs];
    const gone = backupsToDelete(
      drive.filter((b) => b.deskId === DESK),
      DEFAULT_ROTATION,
      NADOR,
    );
    expect(gone.sort()).toEqual([fileOf('2026-06-10T08:00:00.000Z'), fileOf('2026-06-10T07:00:00.000Z')].sort());
    expect(gone.filter((file) => theirs.some((b) => b.file === file))).toEqual([]);
    expect(() => backupsToDelete(drive, DEFAULT_ROTATION, NADOR)).toThrow(ROTATION_MIXED_DESKS);
  });

  it('never deletes a backup whose date cannot be read', () => {
    const odd = { ...backup('2026-06-10T09:00:00.000Z'), file: 'odd.backup', createdAt: 'not a date' };
    const backups = [odd, backup('2026-06-10T09:00:00.000Z'), backup('2026-06-09T09:00:00.000Z')];
    expect(backupsToDelete(backups, only(0, 0, 0), NADOR)).toEqual([fileOf('2026-06-09T09:00:00.000Z')]);
  });

  it('refuses a negative or fractional count', () => {
    for (const policy of [only(-1, 4, 12), only(7, 1.5, 12), only(7, 4, Number.NaN)]) {
      expect(() => backupsToDelete([backup('2026-06-10T09:00:00.000Z')], policy, NADOR)).toThrow(ROTATION_INVALID_POLICY);
    }
  });
});
