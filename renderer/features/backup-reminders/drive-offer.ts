import type { BackupDriveView } from '../../../shared/domain/backups';

/** A drive remounted elsewhere is another drive (as main's `diffDrives` judges it). */
const keyOf = (drive: BackupDriveView) => `${drive.id}\u0000${drive.mountPoint}`;

/**
 * The drives to offer a backup to after one look at the drives: those plugged in since the
 * previous look that already hold a backup of this desk. The first look of a session
 * (`previous` null) offers nothing: a drive left plugged in is no reminder.
 */
export function drivesToOffer(previous: readonly BackupDriveView[] | null, current: readonly BackupDriveView[]): BackupDriveView[] {
  if (previous === null) return [];
  const before = new Set(previous.map(keyOf));
  return current.filter((drive) => !before.has(keyOf(drive)) && drive.backups.some((backup) => backup.thisDesk));
}

/** Whether the drive offered is still plugged in. */
export function stillPlugged(drive: BackupDriveView, current: readonly BackupDriveView[]): boolean {
  return current.some((other) => keyOf(other) === keyOf(drive));
}
