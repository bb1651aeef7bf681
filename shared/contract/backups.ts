import { z } from 'zod';
import { procedure } from './define';
import { ADMIN_ROLES } from '../domain/accounts';
import {
  backupSecretSchema,
  RESTORE_CONFIRMATION_MAX,
  type BackupDriveView,
  type BackupJobView,
  type BackupOverview,
} from '../domain/backups';

const folderPath = z.string().trim().min(1, { error: 'required' }).max(4096, { error: 'tooLong' });

/**
 * Backups and restore. The long work (a backup, opening a backup, a restore) runs outside
 * the desk's one-call-at-a-time queue as a job: the desk stays usable, `backups.job` tells
 * its stage and bytes, `backups.cancel` stops it. Opening and restoring are also offered on
 * a desk never set up (the first run on a new machine): there, they are public; on a desk
 * that has data, only an administrator's.
 */
export const backupsProcedures = {
  /** When the last verified backup was made; every user's home shows it. */
  'backups.overview': procedure<BackupOverview>()({
    input: z.object({}),
    access: 'session',
    audit: false,
  }),
  /** The removable drives plugged in now, each with the backups it carries. */
  'backups.drives': procedure<BackupDriveView[]>()({
    input: z.object({}),
    access: 'adminOrNewDesk',
    audit: false,
  }),
  /** The backups in a folder chosen by hand (a drive the list misses, a copy on a disk). */
  'backups.inFolder': procedure<BackupDriveView>()({
    input: z.object({ folder: folderPath }),
    access: 'adminOrNewDesk',
    audit: false,
  }),
  /** Starts a backup to a drive's folder (its mount point, or a folder from `backups.inFolder`). */
  'backups.create': procedure<BackupJobView>()({
    input: z.object({ folder: folderPath }),
    access: ADMIN_ROLES,
    audit: false,
  }),
  /** Opens a backup with the recovery key or an administrator's password and checks it in full: its preview, in the job. */
  'backups.open': procedure<BackupJobView>()({
    input: z.object({ path: folderPath, secret: backupSecretSchema }),
    access: 'adminOrNewDesk',
    audit: false,
  }),
  /** After a typed confirmation: the current data kept as a safety copy, then the opened backup swapped in. */
  'backups.restore': procedure<BackupJobView>()({
    input: z.object({ confirmation: z.string().trim().min(1, { error: 'required' }).max(RESTORE_CONFIRMATION_MAX, { error: 'tooLong' }) }),
    access: 'adminOrNewDesk',
    audit: false,
  }),
  /** The job running or last ended, null when none ran since the app started. */
  'backups.job': procedure<BackupJobView | null>()({
    input: z.object({}),
    access: 'adminOrNewDesk',
    audit: false,
  }),
  'backups.cancel': procedure<BackupJobView | null>()({
    input: z.object({}),
    access: 'adminOrNewDesk',
    audit: false,
  }),
  /** Forgets an opened backup without restoring it (its checked copy is removed). */
  'backups.discard': procedure<null>()({
    input: z.object({}),
    access: 'adminOrNewDesk',
    audit: false,
  }),
};
