import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupJobView } from '../../../shared/domain/backups';
import { errorMessage } from '../../app/i18n';
import { Icon } from '../../ui/icons';
import { useBackupFormat } from './format';

interface Props {
  job: BackupJobView;
  onCancel?(): void;
}

/**
 * A job's stage in words and its bytes while it runs; at its end, the file verified or
 * the translated reason it stopped. The restore's swap cannot be cancelled once begun.
 */
export function JobProgress({ job, onCancel }: Props) {
  const { t } = useTranslation();
  const fmt = useBackupFormat();

  if (job.state === 'failed' || job.state === 'cancelled') {
    return (
      <Alert color={job.state === 'cancelled' ? 'gray' : 'red'} variant="light" icon={<Icon name="alert" />} role="alert" data-testid="backup-job-error">
        {job.error ? errorMessage(t, job.error) : t('backups.job.cancelled')}
      </Alert>
    );
  }
  if (job.state === 'done' && job.kind === 'backup' && job.backup) {
    return (
      <Alert color="green" variant="light" icon={<Icon name="check" />} title={t('backups.job.verified')} data-testid="backup-job-done" role="status">
        <Stack gap={4}>
          <Text size="sm">
            <bdi dir="ltr">{job.backup.file}</bdi>
          </Text>
          <Text size="sm">{t('backups.job.verifiedSize', { size: fmt.bytes(job.backup.bytes) })}</Text>
          {job.backup.deleted.length > 0 ? <Text size="sm">{t('backups.job.rotated', { count: job.backup.deleted.length })}</Text> : null}
        </Stack>
      </Alert>
    );
  }
  if (job.state === 'done') return null;

  const percent = job.total > 0 ? Math.min(100, Math.round((job.done / job.total) * 100)) : 0;
  const cancellable = onCancel && !(job.kind === 'restore' && job.stage === 'restore');
  return (
    <Stack gap="xs" data-testid="backup-job-progress">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600} size="sm" data-testid="backup-job-stage">
          {t(`backups.stages.${job.stage}`)}
        </Text>
        {job.stage !== 'restore' && job.total > 0 ? (
          <Text size="sm" c="dimmed" data-testid="backup-job-bytes">
            {t('backups.job.bytes', { done: fmt.bytes(job.done), total: fmt.bytes(job.total) })}
          </Text>
        ) : null}
      </Group>
      <Progress value={percent} animated size="lg" aria-label={t(`backups.stages.${job.stage}`)} />
      {cancellable ? (
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} leftSection={<Icon name="x" size={16} />}>
            {t('backups.job.cancel')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
