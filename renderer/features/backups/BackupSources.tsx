import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupDriveView, BackupSummary } from '../../../shared/domain/backups';
import { errorMessage } from '../../app/i18n';
import { Icon } from '../../ui/icons';
import { DriveCard } from './DriveCard';
import { OtherFolder } from './OtherFolder';
import { useDrives } from './useDrives';

interface Props {
  onRestore(backup: BackupSummary): void;
  /** An administrator's session may back up to a drive; a new machine only restores. */
  onBackUp?(folder: string): void;
  backUpDisabled?: boolean;
  /** Changes when a backup was just written: the lists are read again at once. */
  changed?: number;
}

/** Where backups are: the drives plugged in now (looked for again every few seconds) and a folder typed by hand. */
export function BackupSources({ onRestore, onBackUp, backUpDisabled, changed = 0 }: Props) {
  const { t } = useTranslation();
  const { drives, error, refresh } = useDrives();
  const [folder, setFolder] = useState<BackupDriveView | null>(null);
  useEffect(() => {
    if (changed > 0) void refresh();
  }, [changed, refresh]);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('backups.drivesTitle')}
        </Title>
        <Button variant="default" onClick={() => void refresh()} leftSection={<Icon name="history" size={16} />}>
          {t('backups.refresh')}
        </Button>
      </Group>
      {error ? (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
          {errorMessage(t, error)}
        </Alert>
      ) : null}
      {drives === null && !error ? (
        <Center py="md">
          <Loader size="sm" aria-label={t('backups.looking')} />
        </Center>
      ) : null}
      {drives?.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="backup-no-drive">
          {t('backups.noDrive')}
        </Text>
      ) : null}
      {drives?.map((drive) => <DriveCard key={drive.id} drive={drive} onBackUp={onBackUp} backUpDisabled={backUpDisabled} onRestore={onRestore} />)}
      <OtherFolder onFound={setFolder} />
      {folder ? <DriveCard drive={folder} onBackUp={onBackUp} backUpDisabled={backUpDisabled} onRestore={onRestore} /> : null}
    </Stack>
  );
}
