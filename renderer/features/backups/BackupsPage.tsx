import { Alert, Box, Modal, Paper, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSummary } from '../../../shared/domain/backups';
import type { ErrorInfo } from '../../../shared/errors';
import { useApi } from '../../app/api';
import { useDesk } from '../../app/desk';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { errorMessage } from '../../app/i18n';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';
import { BackupSources } from './BackupSources';
import { JobProgress } from './JobProgress';
import { RestoreFlow, type ChosenBackup } from './RestoreFlow';
import { useBackupJob } from './useBackupJob';

/**
 * The administrators' backups: the drives plugged in and what each holds, a backup to
 * one of them with its progress, and a restore from any listed backup.
 */
export function BackupsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { refresh } = useDesk();
  const [written, setWritten] = useState(0);
  const { job, track, cancel } = useBackupJob({ adoptRunning: true, onEnded: (ended) => ended.kind === 'backup' && setWritten((n) => n + 1) });
  const [refused, setRefused] = useState<ErrorInfo | null>(null);
  const [chosen, setChosen] = useState<ChosenBackup | null>(null);
  const [restoring, setRestoring] = useState(false);

  const backUp = async (folder: string) => {
    setRefused(await track(api.backups.create({ folder })));
  };

  const restore = (backup: BackupSummary) => setChosen({ path: backup.path, file: backup.file });

  const closeRestore = () => {
    // The job in main goes on whatever the window does: the flow stays open until it ends.
    if (restoring) return;
    void api.backups.discard({});
    setChosen(null);
  };

  return (
    <Box maw={1000}>
      <PageHeader title={t('backups.title')} description={t('backups.description')} />
      <Stack gap="lg">
        <Alert color="indigo" variant="light" icon={<Icon name="key" />} title={t('backups.whoCanOpenTitle')} data-testid="backup-who-can-open">
          {t('backups.whoCanOpen')}
        </Alert>
        <ErrorAlert message={refused ? errorMessage(t, refused) : null} />
        {job && job.kind !== 'restore' && !(job.kind === 'open' && job.state !== 'running') ? (
          <Paper withBorder radius="md" p="lg" component="section" aria-label={t('backups.job.title')} data-testid="backup-job">
            <JobProgress job={job} onCancel={() => void cancel()} />
          </Paper>
        ) : null}
        <BackupSources onRestore={restore} onBackUp={(folder) => void backUp(folder)} backUpDisabled={job?.state === 'running'} changed={written} />
      </Stack>
      <Modal opened={chosen !== null} onClose={closeRestore} title={t('backups.restore.title')} size="lg" closeOnClickOutside={false} withCloseButton={!restoring} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {chosen ? <RestoreFlow backup={chosen} replaces onClose={() => setChosen(null)} onRestored={() => void refresh()} onRunning={setRestoring} /> : null}
      </Modal>
    </Box>
  );
}
