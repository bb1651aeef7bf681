import { Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InterpreterView } from '../../../shared/domain/listening';
import { formatPhone } from '../../../shared/domain/phone';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { errorMessage } from '../../app/i18n';
import { DESTINATIONS, mayGo } from '../../app/navigation';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Icon } from '../../ui/icons';
import { LIST_PAGE_WIDTH } from '../../ui/layout';
import { notify } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { InterpreterFormModal } from './InterpreterFormModal';

const KIND_COLOR = { interpreter: 'indigo', mediator: 'teal' } as const;

/** Interpreters and cultural mediators: staff-side records (not accounts), with the languages they bring. */
export function InterpretersPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useSession();
  const hours = DESTINATIONS.find((d) => d.key === 'teamHours');
  const setsHours = hours !== undefined && mayGo(user, hours);
  const [interpreters, setInterpreters] = useState<InterpreterView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState<'new' | InterpreterView | null>(null);

  const load = useCallback(
    () =>
      api.interpreters.list({ includeInactive: true }).then((result) => {
        if (!result.ok) return setError(errorMessage(t, result.error));
        setError(null);
        setInterpreters(result.value);
      }),
    [api, t],
  );

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack maw={LIST_PAGE_WIDTH} gap={0}>
      <PageHeader
        title={t('interpreters.title')}
        description={t('interpreters.intro')}
        actions={
          <Button leftSection={<Icon name="plus" size={18} />} onClick={() => setForm('new')}>
            {t('interpreters.create')}
          </Button>
        }
      />
      <ErrorAlert message={error} />
      {interpreters === null ? (
        error ? null : (
          <Center p="xl">
            <Loader aria-hidden="true" />
          </Center>
        )
      ) : interpreters.length === 0 ? (
        <Paper withBorder radius="lg" p="xl" data-testid="interpreters-empty">
          <Text c="dimmed" ta="center">
            {t('interpreters.empty')}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="interpreters-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('interpreters.table.name')}</Table.Th>
                  <Table.Th>{t('interpreters.table.kind')}</Table.Th>
                  <Table.Th>{t('interpreters.table.languages')}</Table.Th>
                  <Table.Th>{t('interpreters.table.phone')}</Table.Th>
                  <Table.Th>{t('interpreters.table.status')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('interpreters.table.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {interpreters.map((interpreter) => (
                  <Table.Tr key={interpreter.id} data-testid="interpreter-row">
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        <bdi>{interpreter.name}</bdi>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={KIND_COLOR[interpreter.kind]} tt="none">
                        {t(`interpreters.kinds.${interpreter.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td maw={360}>
                      <Group gap={4}>
                        {interpreter.languages.map((language) => (
                          <Badge key={language} size="sm" variant="outline" color="gray" tt="none">
                            {t(`spokenLanguages.${language}`)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {interpreter.phone ? (
                        <Text size="sm" dir="ltr" span>
                          {formatPhone(interpreter.phone)}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={interpreter.active ? 'green' : 'gray'}>
                        {t(interpreter.active ? 'interpreters.active' : 'interpreters.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="end">
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        {setsHours ? (
                          <Button
                            component={Link}
                            to={`/availability/interpreter/${interpreter.id}`}
                            variant="subtle"
                            size="xs"
                            leftSection={<Icon name="clock" size={16} />}
                            aria-label={t('interpreters.hoursOf', { name: interpreter.name })}
                          >
                            {t('interpreters.hours')}
                          </Button>
                        ) : null}
                        <Button
                          variant="default"
                          size="xs"
                          leftSection={<Icon name="edit" size={16} />}
                          aria-label={t('interpreters.editOne', { name: interpreter.name })}
                          onClick={() => setForm(interpreter)}
                        >
                          {t('interpreters.edit')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <InterpreterFormModal
        target={form}
        onClose={() => setForm(null)}
        onSaved={(interpreter) => {
          setForm(null);
          notify(t, 'success', t('interpreters.saved', { name: interpreter.name }));
          void load();
        }}
      />
    </Stack>
  );
}
