import { z } from 'zod';
import type { ErrorCode, ErrorParams } from '../errors';

/** What a backup holds, as its manifest says (counts checked against the database inside). */
export const BACKUP_COUNTED = ['users', 'visitors', 'intakes', 'referrals', 'appointments', 'notes', 'auditEntries'] as const;
export type BackupCountedKind = (typeof BACKUP_COUNTED)[number];

export interface BackupSummary {
  /** The file's name on the drive. */
  file: string;
  path: string;
  deskId: string;
  /** Made by this desk (the same vault), as opposed to another desk sharing the drive. */
  thisDesk: boolean;
  createdAt: string;
  /** When, on the desk's clock (`YYYY-MM-DDTHH:MM`, made in main: the browser's zone data may differ). */
  createdAtWall: string;
  bytes: number;
  appVersion: string;
  schemaVersion: number;
}

export interface UnreadableBackup {
  file: string;
  path: string;
  problem: ErrorCode;
}

export interface BackupDriveView {
  id: string;
  label: string;
  mountPoint: string;
  /** Backups on it, newest first, each desk's together. */
  backups: BackupSummary[];
  unreadable: UnreadableBackup[];
}

export interface LastBackup {
  at: string;
  file: string;
  drive: string;
  bytes: number;
}

export interface BackupOverview {
  /** `atWall`: when, on the desk's clock (`YYYY-MM-DDTHH:MM`, made in main: the browser's zone data may differ). */
  lastVerified: (LastBackup & { atWall: string }) | null;
  /** Whole days since it, on the desk's calendar; null when there is none. */
  daysSince: number | null;
  reminderDays: number;
  /** No verified backup, or one older than the reminder. */
  overdue: boolean;
}

export interface BackupPreview {
  file: string;
  createdAt: string;
  /** On the desk's clock, as `BackupSummary.createdAtWall`. */
  createdAtWall: string;
  deskId: string;
  thisDesk: boolean;
  appVersion: string;
  schemaVersion: number;
  /** The schema this Guichet brings it to (equal, or newer: it is migrated). */
  currentSchemaVersion: number;
  counts: Record<BackupCountedKind, number>;
  newestRecordAt: string | null;
  newestRecordAtWall: string | null;
  bytes: number;
  /** Opened with the recovery key, or with this administrator's password as it was then. */
  openedWith: 'recoveryKey' | 'password';
}

export type BackupJobKind = 'backup' | 'open' | 'restore';
export type BackupStage = 'snapshot' | 'write' | 'verify' | 'safetyCopy' | 'restore';

export interface BackupJobView {
  id: number;
  kind: BackupJobKind;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  stage: BackupStage;
  done: number;
  total: number;
  error?: { code: ErrorCode; params?: ErrorParams };
  /** A finished backup: its file, verified. */
  backup?: { file: string; bytes: number; deleted: string[] };
  /** A finished open: what a restore would bring back. */
  preview?: BackupPreview;
}

/** The words typed to confirm a restore (in the user's language's catalogue: `backups.restore.confirmWord`). */
export const RESTORE_CONFIRMATION_MAX = 40;

export const backupSecretSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('password'), login: z.string().trim().min(1, { error: 'required' }).max(100), password: z.string().min(1, { error: 'required' }).max(1000) }),
  z.object({ kind: z.literal('recovery'), recoveryKey: z.string().trim().min(1, { error: 'required' }).max(200) }),
]);
export type BackupSecretInput = z.infer<typeof backupSecretSchema>;

export const REMINDER_DAYS_MIN = 1;
export const REMINDER_DAYS_MAX = 90;
