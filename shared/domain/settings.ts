import { z } from 'zod';

export const IDLE_LOCK_MINUTES_MIN = 1;
export const IDLE_LOCK_MINUTES_MAX = 60;
export const DEFAULT_IDLE_LOCK_MINUTES = 5;
export const DEFAULT_TIME_ZONE = 'Africa/Casablanca';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().refine(isTimeZone, { error: 'timeZone.invalid' });

export const DEFAULT_VISITOR_CODE_PREFIX = 'NDR';
export const DEFAULT_RETENTION_MONTHS = 24;

/** The organisation's name; a desk set up before it was asked at the first run may have none yet. */
export const organisationNameSchema = z.string({ error: 'required' }).trim().max(120, { error: 'tooLong' });

export const deskSettingsSchema = z.object({
  idleLockMinutes: z
    .number({ error: 'required' })
    .int({ error: 'invalid' })
    .min(IDLE_LOCK_MINUTES_MIN, { error: 'idleLock.range' })
    .max(IDLE_LOCK_MINUTES_MAX, { error: 'idleLock.range' }),
  timeZone: timeZoneSchema,
  /** The first part of visitor codes (NDR-2026-0042): 2 to 6 capital letters. */
  visitorCodePrefix: z.string({ error: 'required' }).regex(/^[A-Z]{2,6}$/, { error: 'codePrefix.invalid' }),
  /** Visitors without activity for this many months are offered for anonymisation. */
  /** The organisation as printed on slips (e.g. "ASTICUDE – Guichet d'accueil, Nador"), asked at the first run. */
  organisationName: organisationNameSchema,
  retentionMonths: z.number({ error: 'required' }).int({ error: 'invalid' }).min(6, { error: 'retention.range' }).max(120, { error: 'retention.range' }),
  /** Administrators are warned when the last verified backup is older than this many days. */
  backupReminderDays: z.number({ error: 'required' }).int({ error: 'invalid' }).min(1, { error: 'backupReminder.range' }).max(90, { error: 'backupReminder.range' }),
  /** How many backups of this desk a drive keeps: the newest of each of the last N days, ISO weeks and months. */
  backupKeepDaily: z.number({ error: 'required' }).int({ error: 'invalid' }).min(1, { error: 'backupKeep.dailyRange' }).max(60, { error: 'backupKeep.dailyRange' }),
  backupKeepWeekly: z.number({ error: 'required' }).int({ error: 'invalid' }).min(0, { error: 'backupKeep.weeklyRange' }).max(52, { error: 'backupKeep.weeklyRange' }),
  backupKeepMonthly: z.number({ error: 'required' }).int({ error: 'invalid' }).min(0, { error: 'backupKeep.monthlyRange' }).max(120, { error: 'backupKeep.monthlyRange' }),
});

export type DeskSettings = z.infer<typeof deskSettingsSchema>;

export const DEFAULT_SETTINGS: DeskSettings = {
  idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
  timeZone: DEFAULT_TIME_ZONE,
  visitorCodePrefix: DEFAULT_VISITOR_CODE_PREFIX,
  retentionMonths: DEFAULT_RETENTION_MONTHS,
  organisationName: '',
  backupReminderDays: 7,
  backupKeepDaily: 7,
  backupKeepWeekly: 4,
  backupKeepMonthly: 12,
};
