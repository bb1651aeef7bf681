import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BackupOverview } from '../../../shared/domain/backups';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';

/** One line for everyone: when the last verified backup was made, or that there is none yet. */
export function LastBackupLine({ overview }: { overview: BackupOverview }) {
  const { t } = useTranslation();
  const format = useDeskFormat();
  const last = overview.lastVerified;
  const days = overview.daysSince ?? 0;
  return (
    <Text size="sm" c="dimmed" data-testid="home-last-backup">
      {last
        ? t('backupReminders.lastVerified', {
            date: format.wallMoment(last.atWall),
            ago: days === 0 ? t('backupReminders.ago.today') : t('backupReminders.ago.days', { count: days }),
          })
        : t('backupReminders.noneYet')}
    </Text>
  );
}

/**
 * An administrator's warning when the desk is not backed up often enough: the top of the
 * home page, which is where every session starts, announced as soon as it is known.
 */
export function OverdueBackupWarning({ overview }: { overview: BackupOverview }) {
  const { t } = useTranslation();
  if (!overview.overdue) return null;
  const message =
    overview.daysSince === null
      ? t('backupReminders.overdue.never')
      : t('backupReminders.overdue.old', { count: overview.daysSince, limit: t('backupReminders.overdue.limit', { count: overview.reminderDays }) });
  return (
    <Alert color="orange" variant="light" icon={<Icon name="alert" />} title={t('backupReminders.overdue.title')} role="alert" data-testid="backup-overdue">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{message}</Text>
        <Button component={Link} to="/backups" leftSection={<Icon name="shield" size={18} />}>
          {t('backupReminders.overdue.open')}
        </Button>
      </Stack>
    </Alert>
  );
}
