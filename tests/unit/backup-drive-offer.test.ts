import { describe, expect, it } from 'vitest';
import type { BackupDriveView, BackupSummary } from '../../shared/domain/backups';
import { drivesToOffer, stillPlugged } from '../../renderer/features/backup-reminders/drive-offer';

function backup(thisDesk: boolean): BackupSummary {
  return {
    file: 'guichet-2026-12-01.guichet-backup',
    path: '/media/KINGSTON/Guichet-backups/guichet-2026-12-01.guichet-backup',
    deskId: thisDesk ? 'this-desk' : 'other-desk',
    thisDesk,
    createdAt: '2026-12-01T10:00:00.000Z',
    createdAtWall: '2026-12-01T11:00',
    bytes: 1024,
    appVersion: '0.1.0',
    schemaVersion: 8,
  };
}

function drive(label: string, backups: BackupSummary[] = [], mountPoint = `/media/${label}`): BackupDriveView {
  return { id: `/dev/${label}`, label, mountPoint, backups, unreadable: [] };
}

describe('the drives offered a backup', () => {
  it('offers nothing at the first look of a session, even a drive holding this desk\'s backups', () => {
    expect(drivesToOffer(null, [drive('KINGSTON', [backup(true)])])).toEqual([]);
  });

  it('offers a drive plugged in since the last look that holds a backup of this desk', () => {
    const kingston = drive('KINGSTON', [backup(false), backup(true)]);
    expect(drivesToOffer([], [kingston])).toEqual([kingston]);
  });

  it('does not offer an empty drive, nor one holding only other desks\' backups', () => {
    expect(drivesToOffer([], [drive('EMPTY'), drive('OTHER', [backup(false)])])).toEqual([]);
  });

  it('does not offer again a drive that stayed plugged in, even once a backup lands on it', () => {
    expect(drivesToOffer([drive('KINGSTON')], [drive('KINGSTON', [backup(true)])])).toEqual([]);
  });

  it('offers a drive pulled out and plugged in again, and one remounted elsewhere', () => {
    const kingston = drive('KINGSTON', [backup(true)]);
    expect(drivesToOffer([], [kingston])).toEqual([kingston]);
    const moved = drive('KINGSTON', [backup(true)], '/media/KINGSTON1');
    expect(drivesToOffer([kingston], [moved])).toEqual([moved]);
  });

  it('offers only the new drives when several are plugged in', () => {
    const old = drive('OLD', [backup(true)]);
    const fresh = drive('FRESH', [backup(true)]);
    expect(drivesToOffer([old], [old, fresh])).toEqual([fresh]);
  });

  it('knows when the drive offered has been pulled out', () => {
    const kingston = drive('KINGSTON', [backup(true)]);
    expect(stillPlugged(kingston, [drive('OTHER'), drive('KINGSTON')])).toBe(true);
    expect(stillPlugged(kingston, [drive('OTHER')])).toBe(false);
  });
});
