import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BackupSummary } from '../../../shared/domain/backups';
import { backupsIn } from '../../core/backups/jobs';
import { VAULT_FILE } from '../../core/desk';
import { parseVault } from '../../core/vault/vault-file';
import { EXIT_OK, type Command } from '../command';
import { DATA_OPTION, dataDirOf } from '../options';
import { out, printTable } from '../output';
import { t, textOf } from '../texts';
import { megabytes, utcMoment } from './backup-job';

/** The desk whose folder `--data` names, by its vault's id; none when the folder holds no readable vault. */
export function deskIdIn(dataDir: string): string | null {
  try {
    return parseVault(readFileSync(join(dataDir, VAULT_FILE), 'utf8')).vaultId;
  } catch {
    return null;
  }
}

/**
 * Reads only the backups' headers (no secret, no lock: the app may be running), so that an
 * administrator sees what a drive holds before choosing one.
 */
export const backupList: Command = {
  name: 'backup list',
  summary: 'cli.backupList.summary',
  options: [DATA_OPTION, { name: 'on', value: 'DIR', required: true, help: 'cli.backupList.options.on' }],
  env: [],
  async run(args) {
    const folder = resolve(args.on ?? '');
    const { backups, unreadable } = await backupsIn(folder, deskIdIn(dataDirOf(args)));
    if (backups.length === 0 && unreadable.length === 0) {
      out(t('cli.backupList.none', { dir: folder }));
      return EXIT_OK;
    }
    const byDesk = new Map<string, BackupSummary[]>();
    for (const backup of backups) byDesk.set(backup.deskId, [...(byDesk.get(backup.deskId) ?? []), backup]);
    let first = true;
    for (const [deskId, held] of byDesk) {
      if (!first) out('');
      first = false;
      const desk = deskId.slice(0, 8);
      out(held[0].thisDesk ? t('cli.backupList.deskHeading', { desk: t('cli.backup.thisDesk', { desk }) }) : t('cli.backupList.deskHeading', { desk }));
      printTable([
        [t('cli.backupList.columns.file'), t('cli.backupList.columns.made'), t('cli.backupList.columns.size'), t('cli.backupList.columns.appVersion'), t('cli.backupList.columns.schemaVersion')],
        ...held.map((b) => [b.path, utcMoment(b.createdAt), megabytes(b.bytes), b.appVersion, String(b.schemaVersion)]),
      ]);
    }
    if (unreadable.length > 0) {
      if (!first) out('');
      out(t('cli.backupList.unreadable'));
      for (const u of unreadable) out(`  ${u.path}  ${u.problem} — ${textOf(`errors.${u.problem}`)}`);
    }
    return EXIT_OK;
  },
};
