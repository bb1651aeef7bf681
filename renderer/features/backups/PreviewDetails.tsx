import { Alert, Badge, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupPreview } from '../../../shared/domain/backups';
import { Icon } from '../../ui/icons';
import { shortDeskId, useBackupFormat } from './format';

/** The kinds of records the preview counts, in the order a desk thinks of them. */
const COUNTED = ['visitors', 'appointments', 'notes', 'intakes', 'referrals', 'users'] as const;

/** What an opened and checked backup holds, and what restoring it means for everyone's password and the data now here. */
export function PreviewDetails({ preview, replaces }: { preview: BackupPreview; replaces: boolean }) {
  const { t } = useTranslation();
  const fmt = useBackupFormat();
  const older = preview.schemaVersion < preview.currentSchemaVersion;

  return (
    <Stack gap="md" data-testid="backup-preview">
      <Table variant="vertical" withTableBorder layout="fixed" verticalSpacing={6}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w="40%">{t('backups.preview.madeAt')}</Table.Th>
            <Table.Td data-testid="preview-made">{fmt.wallMoment(preview.createdAtWall)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('backups.preview.madeBy')}</Table.Th>
            <Table.Td>
              <Group gap="xs">
                {preview.thisDesk ? t('backups.thisDesk') : t('backups.otherDesk')}
                <Badge variant="light" color="gray" tt="none" dir="ltr">
                  {shortDeskId(preview.deskId)}
                </Badge>
              </Group>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('backups.preview.versions')}</Table.Th>
            <Table.Td data-testid="preview-versions">
              {t('backups.preview.versionsValue', { app: preview.appVersion, schema: preview.schemaVersion })}
              {older ? (
                <Text size="sm" c="dimmed">
                  {t('backups.preview.willUpgrade', { to: preview.currentSchemaVersion })}
                </Text>
              ) : null}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('backups.preview.newest')}</Table.Th>
            <Table.Td>{preview.newestRecordAtWall ? fmt.wallMoment(preview.newestRecordAtWall) : t('backups.preview.noRecord')}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <SimpleGrid cols={{ base: 3, sm: 6 }} spacing="sm" component="dl" data-testid="preview-counts" m={0}>
        {COUNTED.map((kind) => (
          <div key={kind} className="guichet-preview-count">
            <Text component="dt" size="xs" c="dimmed">
              {t(`backups.preview.counts.${kind}`)}
            </Text>
            <Text component="dd" fw={700} size="lg" m={0} data-testid={`preview-count-${kind}`}>
              {fmt.count(preview.counts[kind])}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Alert color={replaces ? 'orange' : 'indigo'} variant="light" icon={<Icon name="key" />}>
        <Stack gap={4}>
          <Text size="sm">{t('backups.preview.passwords', { date: fmt.wallMoment(preview.createdAtWall) })}</Text>
          <Text size="sm" data-testid="preview-replaces">
            {replaces ? t('backups.preview.safetyCopy') : t('backups.preview.nothingReplaced')}
          </Text>
        </Stack>
      </Alert>
    </Stack>
  );
}
