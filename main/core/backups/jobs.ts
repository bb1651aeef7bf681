import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { calendarDateIn, wallMomentOf } from '../../../shared/domain/calendar';
import { DEFAULT_TIME_ZONE } from '../../../shared/domain/settings';
import type { BackupDriveView, BackupJobView, BackupOverview, BackupPreview, BackupSummary, LastBackup } from '../../../shared/domain/backups';
import { appendAudit } from '../audit/service';
import { openDatabase, type Db } from '../db/database';
import { LATEST_VERSION } from '../db/migrations';
import { readMeta, writeMeta } from '../db/meta';
import { DATABASE_FILE, VAULT_FILE, type Desk } from '../desk';
import { AppError, isAppError } from '../errors';
import { readSettings } from '../settings/service';
import { copyOf, wipe } from '../vault/crypto';
import { BACKUP_FOLDER, createBackup, type BackupSecret } from './backup';
import { listRemovableDrives } from './drives';
import { BACKUP_EXTENSION, readBackupHeader, removeQuietly, type BackupProgress } from './file';
import { backupsToDelete } from './rotation';
import { discardOpened, openForRestore, requireConfirmation, stageRestore, swapInRestore, type StagedRestore } from './restore';
import { cleanDrive } from './leftovers';

/** Where the current data is kept before a restore replaces it: beside the data folder. */
export const SAFETY_COPIES = 'Guichet-safety-copies';
/** Safety copies kept beside the data folder: each restore adds one (the size of a backup), the oldest go beyond these. */
export const SAFETY_COPIES_KEPT = 3;
const LAST_BACKUP = 'last_backup';

/** The words that confirm a restore, one per language (`backups.restore.confirmWord`). */
export const CONFIRM_WORDS = ['RESTAURER', 'RESTORE', 'استرجاع'];

/** The folder on a drive that holds the backups: the one given if it already is it. */
export function backupFolderOn(folder: string): string {
  return basename(folder) === BACKUP_FOLDER ? folder : join(folder, BACKUP_FOLDER);
}

/** Every backup file in a folder (and its backup folder), newest first; unreadable ones apart. */
export async function backupsIn(folder: string, thisDeskId: string | null, timeZone = DEFAULT_TIME_ZONE): Promise<Pick<BackupDriveView, 'backups' | 'unreadable'>> {
  const backups: BackupSummary[] = [];
  const unreadable: BackupDriveView['unreadable'] = [];
  const folders = [...new Set([folder, backupFolderOn(folder)])];
  for (const dir of folders) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const file of names.filter((n) => n.endsWith(BACKUP_EXTENSION) && !n.startsWith('.')).sort()) {
      const path = join(dir, file);
      try {
        const { header, fileBytes } = await readBackupHeader(path);
        const m = header.manifest;
        backups.push({
          file,
          path,
          deskId: m.deskId,
          thisDesk: m.deskId === thisDeskId,
          createdAt: m.createdAt,
          createdAtWall: wallMomentOf(m.createdAt, timeZone),
          bytes: fileBytes,
          appVersion: m.appVersion,
          schemaVersion: m.schemaVersion,
        });
      } catch (error) {
        unreadable.push({ file, path, problem: isAppError(error) ? error.code : 'backup.damaged' });
      }
    }
  }
  backups.sort((a, b) => (a.thisDesk === b.thisDesk ? b.createdAt.localeCompare(a.createdAt) : a.thisDesk ? -1 : 1));
  return { backups, unreadable };
}

interface Job {
  view: BackupJobView;
  controller: AbortController;
  promise: Promise<void>;
}

/**
 * The desk's one backup job at a time, outside the call queue. A lock cancels a backup
 * or an open in progress (their copy of the key goes with it); a restore, once its swap
 * has begun, always finishes.
 */
export class BackupJobs {
  private job: Job | null = null;
  private opened: { staged: StagedRestore; path: string; preview: BackupPreview } | null = null;
  private nextId = 1;

  constructor(private readonly desk: Desk) {
    desk.onLock(() => {
      if (this.job?.view.state === 'running' && this.job.view.kind !== 'restore') this.job.controller.abort();
      // An opened backup's key was unsealed for whoever opened it: it goes with the session.
      if (this.opened && this.desk.currentUser) void this.discard();
    });
  }

  /** An administrator's session, or a desk never set up (the first run on a new machine). */
  requireAdminOrNewDesk(): void {
    const user = this.desk.currentUser;
    if (user) {
      if (!user.roles.includes('admin')) throw new AppError('call.forbidden');
      return;
    }
    if (this.desk.folderProblem() !== 'empty') throw new AppError('auth.locked');
  }

  /** The desk's zone; a desk never set up has no settings yet, and shows the default one. */
  private timeZone(): string {
    return this.desk.currentUser ? readSettings(this.desk.requireSession().db).timeZone : DEFAULT_TIME_ZONE;
  }

  private thisDeskId(): string | null {
    try {
      return this.desk.vault.read().vaultId;
    } catch {
      return null;
    }
  }

  /** The long SQLite steps in a worker thread, on connections of their own: the desk keeps answering. */
  private offThread() {
    return { workerPath: this.desk.backupWorker, dbPath: this.desk.path(DATABASE_FILE) };
  }

  view(): BackupJobView | null {
    return this.job ? { ...this.job.view } : null;
  }

  overview(db: Db): BackupOverview {
    const settings = readSettings(db);
    const stored = readMeta(db, LAST_BACKUP);
    const lastVerified = stored ? (JSON.parse(stored) as LastBackup) : null;
    let daysSince: number | null = null;
    if (lastVerified) {
      const today = Date.parse(calendarDateIn(settings.timeZone, this.desk.now()));
      const then = Date.parse(calendarDateIn(settings.timeZone, new Date(lastVerified.at)));
      daysSince = Math.round((today - then) / 86_400_000);
    }
    return {
      lastVerified: lastVerified ? { ...lastVerified, atWall: wallMomentOf(lastVerified.at, settings.timeZone) } : null,
      daysSince,
      reminderDays: settings.backupReminderDays,
      overdue: daysSince === null || daysSince >= settings.backupReminderDays,
    };
  }

  async drives(): Promise<BackupDriveView[]> {
    const deskId = this.thisDeskId();
    const drives = await listRemovableDrives();
    return Promise.all(drives.map(async (d) => ({ id: d.id, label: d.label, mountPoint: d.mountPoint, ...(await backupsIn(d.mountPoint, deskId, this.timeZone())) })));
  }

  async inFolder(folder: string): Promise<BackupDriveView> {
    return { id: folder, label: basename(folder) || folder, mountPoint: folder, ...(await backupsIn(folder, this.thisDeskId(), this.timeZone())) };
  }

  private start(kind: BackupJobView['kind'], work: (job: Job, progress: (p: BackupProgress) => Promise<void>) => Promise<void>): BackupJobView {
    if (this.job?.view.state === 'running') throw new AppError('backup.inProgress');
    const controller = new AbortController();
    const job: Job = { view: { id: this.nextId++, kind, state: 'running', stage: kind === 'restore' ? 'safetyCopy' : kind === 'open' ? 'verify' : 'snapshot', done: 0, total: 0 }, controller, promise: Promise.resolve() };
    const progress = async (p: BackupProgress) => {
      Object.assign(job.view, { stage: p.stage, done: p.done, total: p.total });
      await this.desk.backupPace?.(p);
    };
    this.job = job;
    job.promise = work(job, progress).then(
      () => {
        job.view.state = 'done';
      },
      (error: unknown) => {
        const appError = isAppError(error) ? error : new AppError('call.internal');
        job.view.state = appError.code === 'backup.cancelled' ? 'cancelled' : 'failed';
        job.view.error = { code: appError.code, ...(appError.params ? { params: appError.params } : {}) };
      },
    );
    return { ...job.view };
  }

  /** Waits for the job in progress (tests, the command line, shutdown). */
  async settled(): Promise<BackupJobView | null> {
    await this.job?.promise;
    return this.view();
  }

  cancel(): BackupJobView | null {
    if (this.job?.view.state === 'running' && !(this.job.view.kind === 'restore' && this.job.view.stage === 'restore')) this.job.controller.abort();
    return this.view();
  }

  /** Records in the desk's own log, between calls: the session's connection, or one opened for it. */
  private record(dataKey: Buffer, write: (db: Db) => void): Promise<void> {
    return this.desk.serially(() => {
      const session = this.desk.currentUser ? this.desk.requireSession() : null;
      if (session) {
        session.db.transaction(() => write(session.db))();
        return;
      }
      const db = openDatabase(this.desk.path(DATABASE_FILE), dataKey, { create: false, now: this.desk.now(), nativeBinding: this.desk.nativeBinding });
      try {
        db.transaction(() => write(db))();
      } finally {
        db.close();
      }
    });
  }

  backup(folder: string): BackupJobView {
    const session = this.desk.requireSession();
    const userId = session.user.id;
    const dataKey = copyOf(session.dataKey);
    const target = backupFolderOn(folder);
    const audit = (db: Db, outcome: 'success' | 'failure', entityId: string | null, detail: string) =>
      appendAudit(db, { at: this.desk.now().toISOString(), userId, action: 'backups.create', entity: 'backup', entityId, outcome, detail });
    const started = this.start('backup', async (job, progress) => {
      try {
        await cleanDrive(target);
        const made = await createBackup({
          dataDir: dirname(this.desk.path(DATABASE_FILE)),
          db: this.desk.requireSession().db,
          dataKey,
          vaultPath: this.desk.path(VAULT_FILE),
          appVersion: this.desk.appVersion,
          now: this.desk.now(),
          targetDir: target,
          onProgress: progress,
          signal: job.controller.signal,
          nativeBinding: this.desk.nativeBinding,
          offThread: this.offThread(),
        });
        const file = basename(made.path);
        const deleted = await this.rotate(target, made.manifest.deskId);
        job.view.backup = { file, bytes: made.bytes, deleted };
        await this.record(dataKey, (db) => {
          writeMeta(db, LAST_BACKUP, JSON.stringify({ at: made.manifest.createdAt, file, drive: basename(dirname(target)) || target, bytes: made.bytes } satisfies LastBackup));
          audit(db, 'success', file, `bytes: ${made.bytes}; verified; rotation removed: ${deleted.length}`);
        });
      } catch (error) {
        const code = isAppError(error) ? error.code : 'call.internal';
        await this.record(dataKey, (db) => audit(db, 'failure', null, code)).catch(() => undefined);
        throw error;
      } finally {
        wipe(dataKey);
      }
    });
    return started;
  }

  /** The desk's rotation over its own backups on this drive; the newest verified one always stays. */
  private async rotate(target: string, deskId: string): Promise<string[]> {
    const settings = readSettings(this.desk.requireSession().db);
    const { backups } = await backupsIn(target, deskId);
    const mine = backups.filter((b) => b.deskId === deskId && dirname(b.path) === target);
    const doomed = backupsToDelete(
      mine.map((b) => ({ file: b.file, deskId: b.deskId, createdAt: b.createdAt, verified: true })),
      { daily: settings.backupKeepDaily, weekly: settings.backupKeepWeekly, monthly: settings.backupKeepMonthly },
      settings.timeZone,
    );
    for (const file of doomed) await removeQuietly(join(target, file));
    return doomed;
  }

  open(path: string, secret: BackupSecret): BackupJobView {
    const audit = (outcome: 'success' | 'failure', detail: string) =>
      this.desk.serially(() => {
        if (this.desk.currentUser) this.desk.audit({ action: 'backups.verify', entity: 'backup', entityId: basename(path), outcome, detail });
      });
    return this.start('open', async (job, progress) => {
      await this.discard();
      let staged: StagedRestore;
      try {
        staged = await openForRestore({ path, secret, dataDir: dirname(this.desk.path(DATABASE_FILE)), onProgress: progress, signal: job.controller.signal, nativeBinding: this.desk.nativeBinding, offThread: this.offThread() });
      } catch (error) {
        await audit('failure', isAppError(error) ? error.code : 'call.internal').catch(() => undefined);
        throw error;
      }
      const m = staged.manifest;
      const preview: BackupPreview = {
        file: basename(path),
        createdAt: m.createdAt,
        createdAtWall: wallMomentOf(m.createdAt, this.timeZone()),
        deskId: m.deskId,
        thisDesk: m.deskId === this.thisDeskId(),
        appVersion: m.appVersion,
        schemaVersion: m.schemaVersion,
        currentSchemaVersion: LATEST_VERSION,
        counts: m.counts,
        newestRecordAt: m.newestRecordAt,
        newestRecordAtWall: m.newestRecordAt ? wallMomentOf(m.newestRecordAt, this.timeZone()) : null,
        bytes: staged.fileBytes,
        openedWith: secret.kind === 'recovery' ? 'recoveryKey' : 'password',
      };
      this.opened = { staged, path, preview };
      job.view.preview = preview;
      await audit('success', `made: ${m.createdAt}; ${secret.kind === 'recovery' ? 'recovery key' : 'password'}`);
    });
  }

  async discard(): Promise<void> {
    const opened = this.opened;
    this.opened = null;
    if (opened) await discardOpened(opened.staged);
  }

  restore(confirmation: string): BackupJobView {
    const opened = this.opened;
    if (!opened) throw new AppError('backup.notFound');
    if (!CONFIRM_WORDS.some((word) => { try { requireConfirmation(confirmation, word); return true; } catch { return false; } })) throw new AppError('backup.confirmationMismatch');
    const dataDir = dirname(this.desk.path(DATABASE_FILE));
    const session = this.desk.currentUser ? this.desk.requireSession() : null;
    const dataKey = session ? copyOf(session.dataKey) : null;
    const userId = session?.user.id ?? null;
    return this.start('restore', async (job, progress) => {
      try {
        if (session && dataKey) {
          // The current data's own log says what replaced it, and the safety copy holds that line.
          await this.record(dataKey, (db) =>
            appendAudit(db, { at: this.desk.now().toISOString(), userId, action: 'backups.restore', entity: 'backup', entityId: opened.preview.file, outcome: 'success', detail: `replaced by the backup made ${opened.preview.createdAt}` }),
          );
          await createBackup({
            dataDir,
            db: this.desk.requireSession().db,
            dataKey,
            vaultPath: this.desk.path(VAULT_FILE),
            appVersion: this.desk.appVersion,
            now: this.desk.now(),
            targetDir: join(dirname(dataDir), SAFETY_COPIES),
            // One bar for the safety copy: its writing fills the first half, its reading back the second.
            onProgress: (p) =>
              progress({ stage: 'safetyCopy', done: p.stage === 'verify' ? p.total + p.done : p.stage === 'write' ? p.done : 0, total: p.stage === 'snapshot' ? 0 : 2 * p.total }),
            signal: job.controller.signal,
            nativeBinding: this.desk.nativeBinding,
            offThread: this.offThread(),
          });
          await pruneSafetyCopies(join(dirname(dataDir), SAFETY_COPIES));
        }
        await progress({ stage: 'restore', done: 0, total: 1 });
        stageRestore(opened.staged, { dataDir, now: this.desk.now(), fileName: opened.preview.file, nativeBinding: this.desk.nativeBinding });
        await this.desk.serially(() => {
          if (this.desk.currentUser) this.desk.lockNow('restore');
          this.desk.lastLogin = null;
          swapInRestore(dataDir);
        });
        this.opened = null;
        wipe(opened.staged.dataKey);
        await progress({ stage: 'restore', done: 1, total: 1 });
      } finally {
        wipe(dataKey);
      }
    });
  }
}

/** Keeps the newest safety copies (by the date their header gives); a file whose header cannot be read is left alone. */
async function pruneSafetyCopies(dir: string): Promise<void> {
  const { backups } = await backupsIn(dir, null);
  const newestFirst = backups.filter((b) => dirname(b.path) === dir).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.file.localeCompare(a.file));
  for (const old of newestFirst.slice(SAFETY_COPIES_KEPT)) await removeQuietly(old.path);
}

const runners = new WeakMap<Desk, BackupJobs>();

export function backupJobsOf(desk: Desk): BackupJobs {
  let jobs = runners.get(desk);
  if (!jobs) {
    jobs = new BackupJobs(desk);
    runners.set(desk, jobs);
  }
  return jobs;
}
