import { Alert } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';
import { JOB_POLL_MS } from './useBackupJob';

/** The restore this window already told of: once someone logs in, the notice is not shown again. */
let acknowledgedJob = 0;

/**
 * On the login screen after a restore: main locked the desk as it swapped the data in,
 * and still answers `backups.job` while locked, so the screen says the restore is done
 * and which password opens it. Asked through the raw bridge: on any other locked desk the
 * answer is `auth.locked`, which must not hide the screen being shown.
 */
export function RestoredNotice() {
  const { t } = useTranslation();
  const [restored, setRestored] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () => {
      void window.api.backups
        .job({})
        .then((result) => {
          if (!live || !result.ok || result.value?.kind !== 'restore' || result.value.id === acknowledgedJob) return;
          // The swap is done and the desk locked a moment before the job says so.
          if (result.value.state === 'running') timer = setTimeout(ask, JOB_POLL_MS);
          else if (result.value.state === 'done') setRestored(result.value.id);
        })
        .catch(() => undefined);
    };
    ask();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);

  useEffect(
    () => () => {
      if (restored !== null) acknowledgedJob = restored;
    },
    [restored],
  );

  if (restored === null) return null;
  return (
    <Alert color="green" variant="light" icon={<Icon name="check" />} title={t('backups.restored.title')} role="status" data-testid="restore-done">
      {t('backups.restored.message')}
    </Alert>
  );
}
