import { Badge, Button, Center, Loader, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionKindView } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Icon } from '../../ui/icons';
import { notify } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { sessionKindLabel } from './labels';
import { SessionKindModal } from './SessionKindModal';

/** The kinds of listening session and how long each lasts unless the booking says otherwise; administrators keep them. */
export function SessionKindsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [kinds, setKinds] = useState<SessionKindView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState<'new' | SessionKindView | null>(null);

  const load = useCallback(
    () =>
      api.appointments.kinds({ includeInactive: true }).then((result) => {
        if (!result.ok) return setError(errorMessage(t, result.error));
        setError(null);
        setKinds(result.value);
      }),
    [api, t],
  );

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack maw={960} gap={0}>
      <PageHeader
        title={t('sessionKinds.title')}
        description={t('sessionKinds.intro')}
        actions={
          <Button leftSection={<Icon name="plus" size={18} />} onClick={() => setForm('new')}>
            {t('sessionKinds.create')}
          </Button>
        }
      />
      <ErrorAlert message={error} />
      {kinds === null ? (
        error ? null : (
          <Center p="xl">
            <Loader aria-hidden="true" />
          </Center>
        )
      ) : (
        <Paper withBorder radius="lg">
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="session-kinds-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sessionKinds.table.kind')}</Table.Th>
                <Table.Th>{t('sessionKinds.table.minutes')}</Table.Th>
                <Table.Th>{t('sessionKinds.table.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('sessionKinds.table.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {kinds.map((kind) => {
                const label = sessionKindLabel(t, kind);
                return (
                  <Table.Tr key={kind.id} data-testid="session-kind-row">
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        <bdi>{label}</bdi>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t('sessionKinds.minutes', { count: kind.defaultMinutes })}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={kind.active ? 'green' : 'gray'}>
                        {t(kind.active ? 'sessionKinds.active' : 'sessionKinds.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="end">
                      <Button
                        variant="default"
                        size="xs"
                        leftSection={<Icon name="edit" size={16} />}
                        aria-label={t('sessionKinds.editKind', { name: label })}
                        onClick={() => setForm(kind)}
                      >
                        {t('sessionKinds.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <SessionKindModal
        target={form}
        onClose={() => setForm(null)}
        onSaved={(kind) => {
          setForm(null);
          notify(t, 'success', t('sessionKinds.saved', { name: sessionKindLabel(t, kind) }));
          void load();
        }}
      />
    </Stack>
  );
}
