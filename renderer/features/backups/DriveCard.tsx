import { Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupDriveView, BackupSummary } from '../../../shared/domain/backups';
import { errorMessage } from '../../app/i18n';
import { Icon } from '../../ui/icons';
import { shortDeskId, useBackupFormat } from './format';

interface Props {
  drive: BackupDriveView;
  /** Offered to an administrator's session; on a new machine there is nothing to back up. */
  onBackUp?(folder: string): void;
  backUpDisabled?: boolean;
  onRestore(backup: BackupSummary): void;
}

/** Backups grouped by desk: this desk's first (main sorts them so), others under a short id. */
function byDesk(backups: BackupSummary[]): { deskId: string; thisDesk: boolean; backups: BackupSummary[] }[] {
  const groups: { deskId: string; thisDesk: boolean; backups: BackupSummary[] }[] = [];
  for (const backup of backups) {
    const group = groups.find((g) => g.deskId === backup.deskId);
    if (group) group.backups.push(backup);
    else groups.push({ deskId: backup.deskId, thisDesk: backup.thisDesk, backups: [backup] });
  }
  return groups;
}

/** One drive (or a folder typed by hand): its backups, newest first, and the files it cannot read. */
export function DriveCard({ drive, onBackUp, backUpDisabled = false, onRestore }: Props) {
  const { t } = useTranslation();
  const fmt = useBackupFormat();
  const headingId = `drive-${drive.id.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId} data-testid="backup-drive">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Icon name="drive" />
            <div>
              <Title order={2} size="h4" id={headingId}>
                <bdi>{drive.label}</bdi>
              </Title>
              <Text size="xs" c="dimmed">
                <bdi dir="ltr">{drive.mountPoint}</bdi>
              </Text>
            </div>
          </Group>
          {onBackUp ? (
            <Button onClick={() => onBackUp(drive.mountPoint)} disabled={backUpDisabled} leftSection={<Icon name="drive" size={18} />} data-testid="backup-here">
              {t('backups.backUpHere')}
            </Button>
          ) : null}
        </Group>
        {drive.backups.length === 0 && drive.unreadable.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('backups.noBackups')}
          </Text>
        ) : null}
        {byDesk(drive.backups).map((group) => (
          <Stack gap={4} key={group.deskId}>
            <Group gap="xs">
              <Text fw={600} size="sm">
                {group.thisDesk ? t('backups.thisDesk') : t('backups.otherDesk')}
              </Text>
              {group.thisDesk ? null : (
                <Badge variant="light" color="gray" tt="none" dir="ltr">
                  {shortDeskId(group.deskId)}
                </Badge>
              )}
            </Group>
            <Table verticalSpacing="xs" data-testid="backup-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('backups.columns.made')}</Table.Th>
                  <Table.Th>{t('backups.columns.size')}</Table.Th>
                  <Table.Th>{t('backups.columns.version')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('backups.columns.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {group.backups.map((backup) => (
                  <Table.Tr key={backup.path} data-testid="backup-row">
                    <Table.Td>{fmt.wallMoment(backup.createdAtWall)}</Table.Td>
                    <Table.Td>{fmt.bytes(backup.bytes)}</Table.Td>
                    <Table.Td>
                      <bdi>{backup.appVersion}</bdi>
                    </Table.Td>
                    <Table.Td ta="end">
                      <Button size="xs" variant="light" onClick={() => onRestore(backup)}>
                        {t('backups.restoreAction')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
        {drive.unreadable.length > 0 ? (
          <Stack gap={4} data-testid="backup-unreadable">
            <Text fw={600} size="sm">
              {t('backups.unreadable')}
            </Text>
            {drive.unreadable.map((file) => (
              <Text size="sm" key={file.path}>
                <bdi dir="ltr">{file.file}</bdi>
                {t('common.listSeparator')}
                {errorMessage(t, { code: file.problem })}
              </Text>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
