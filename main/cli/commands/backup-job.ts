import type { BackupJobView, BackupPreview } from '../../../shared/domain/backups';
import { BACKUP_COUNTED } from '../../../shared/domain/backups';
import type { BackupSecret } from '../../core/backups/backup';
import { backupJobsOf } from '../../core/backups/jobs';
import { Cancelled, CliError, ENV } from '../command';
import { printTable } from '../output';
import { askSecret, askValue, fromEnvironment } from '../prompt';
import type { DeskCalls } from '../session';
import { t } from '../texts';

/**
 * What the backup commands share: the secret that opens a backup, the job followed to
 * its end with its progress on a terminal, and a backup's facts as the restore screen
 * shows them.
 */

export const megabytes = (bytes: number): string => t('cli.backup.megabytes', { size: (bytes / 1e6).toFixed(1) });

/** An instant as UTC, said so: the desk's time zone is in its encrypted settings, which listing and verifying never open. */
export const utcMoment = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

export interface Credentials {
  login: string;
  password: string;
}

/** The login and password of GUICHET_LOGIN and GUICHET_PASSWORD, else asked at the terminal. */
export async function askCredentials(): Promise<Credentials> {
  const login = await askValue(ENV.login, t('cli.prompts.adminLogin'));
  const password = await askSecret(ENV.password, t('cli.prompts.passwordOf', { login }));
  return { login, password };
}

/**
 * What opens a backup: GUICHET_RECOVERY_KEY when set; else an administrator's password as
 * it was on the day of the backup (`known` when the command already asked for it);
 * else asked at the terminal, where an empty login chooses the recovery key.
 */
export async function backupSecret(known?: Credentials): Promise<BackupSecret> {
  const recoveryKey = fromEnvironment(ENV.recoveryKey);
  if (recoveryKey !== null) return { kind: 'recovery', recoveryKey };
  if (known) return { kind: 'password', ...known };
  const login = fromEnvironment(ENV.login) ?? (await askValue(ENV.login, t('cli.backup.prompts.loginOrRecovery')));
  if (login === '') return { kind: 'recovery', recoveryKey: await askSecret(ENV.recoveryKey, t('cli.prompts.recoveryKey')) };
  return { kind: 'password', login, password: await askSecret(ENV.password, t('cli.prompts.passwordOf', { login })) };
}

/** One line on a terminal's stderr, rewritten in place: the stage, and its bytes when it counts bytes. */
export function progressLine(): { show(view: Pick<BackupJobView, 'stage' | 'done' | 'total'>): void; end(): void } {
  const terminal = process.stderr.isTTY === true;
  let shown = false;
  return {
    show({ stage, done, total }) {
      if (!terminal) return;
      const bytes = total > 1 ? ` ${t('cli.backup.progressBytes', { done: (done / 1e6).toFixed(1), total: (total / 1e6).toFixed(1), percent: Math.floor((done / total) * 100) })}` : '';
      process.stderr.write(`\r\u001b[2K${t(`cli.backup.stages.${stage}`)}${bytes}`);
      shown = true;
    },
    end() {
      if (shown) process.stderr.write('\r\u001b[2K');
      shown = false;
    },
  };
}

/**
 * Waits for the job a call started, its progress on the terminal. Ctrl-C cancels it (a
 * backup or an open leaves nothing behind; a restore whose swap has begun finishes). A
 * job that did not end well is its error code.
 */
export async function followJob(desk: DeskCalls): Promise<BackupJobView> {
  const jobs = backupJobsOf(desk.desk);
  const progress = progressLine();
  let interrupted = false;
  const onInterrupt = () => {
    interrupted = true;
    jobs.cancel();
  };
  process.on('SIGINT', onInterrupt);
  const timer = setInterval(() => {
    const view = jobs.view();
    if (view) progress.show(view);
  }, 200);
  let view: BackupJobView | null;
  try {
    view = await jobs.settled();
  } finally {
    clearInterval(timer);
    process.off('SIGINT', onInterrupt);
    progress.end();
  }
  if (!view) throw new CliError('backup.noneRunning');
  if (view.state === 'cancelled' && interrupted) throw new Cancelled();
  if (view.state !== 'done') throw new CliError(view.error?.code ?? 'call.internal', view.error?.params ?? {});
  return view;
}

/** A backup's facts, one a line: what the restore screen's preview shows. */
export function printBackupFacts(preview: BackupPreview, path: string): void {
  const schema =
    preview.schemaVersion === preview.currentSchemaVersion
      ? String(preview.schemaVersion)
      : t('cli.backup.facts.schemaMigrated', { found: preview.schemaVersion, current: preview.currentSchemaVersion });
  printTable([
    [t('cli.backup.facts.file'), path],
    [t('cli.backup.facts.size'), megabytes(preview.bytes)],
    [t('cli.backup.facts.desk'), preview.thisDesk ? t('cli.backup.thisDesk', { desk: preview.deskId.slice(0, 8) }) : preview.deskId.slice(0, 8)],
    [t('cli.backup.facts.made'), utcMoment(preview.createdAt)],
    [t('cli.backup.facts.appVersion'), preview.appVersion],
    [t('cli.backup.facts.schemaVersion'), schema],
    [t('cli.backup.facts.newestRecord'), preview.newestRecordAt ? utcMoment(preview.newestRecordAt) : '-'],
    ...BACKUP_COUNTED.map((kind) => [t(`cli.backup.counts.${kind}`), String(preview.counts[kind])]),
    [t('cli.backup.facts.openedWith'), preview.openedWith === 'recoveryKey' ? t('cli.backup.openedWith.recoveryKey') : t('cli.backup.openedWith.password')],
  ]);
}
