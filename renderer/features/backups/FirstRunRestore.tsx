import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/desk';
import { BackupSources } from './BackupSources';
import { RestoreFlow, type ChosenBackup } from './RestoreFlow';

/**
 * A new machine's first run: the drives found, a backup picked, then the same secret,
 * check, preview and typed word as at the desk. Nothing is here yet, so nothing is kept
 * aside; once the data is in, the login screen opens with the passwords of that day.
 */
export function FirstRunRestore() {
  const { t } = useTranslation();
  const { refresh } = useDesk();
  const [chosen, setChosen] = useState<ChosenBackup | null>(null);

  if (chosen) {
    return <RestoreFlow backup={chosen} replaces={false} onClose={() => setChosen(null)} onRestored={() => void refresh()} />;
  }
  return (
    <Stack gap="md" data-testid="first-run-restore">
      <Text size="sm">{t('backups.firstRun.pick')}</Text>
      <BackupSources onRestore={(backup) => setChosen({ path: backup.path, file: backup.file })} />
    </Stack>
  );
}
