import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InterpreterView } from '../../../shared/domain/listening';
import { formatPhone } from '../../../shared/domain/phone';
import { useApi } from '../../app/api';
import { ActiveBadge } from '../../ui/ActiveBadge';
import { useSession } from '../../app/desk';
import { DESTINATIONS, mayGo } from '../../app/navigation';
import { Icon } from '../../ui/icons';
import { ListPage, useListed } from '../../ui/ListPage';
import { notify } from '../../ui/notify';
import type { RecordTarget } from '../../ui/RecordFormModal';
import { InterpreterFormModal } from './InterpreterFormModal';
import { SpokenLanguageBadges } from '../availability/SpokenLanguageBadges';

const KIND_COLOR = { interpreter: 'indigo', mediator: 'teal' } as const;

/** Interpreters and cultural mediators: staff-side records (not accounts), with the languages they bring. */
export function InterpretersPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useSession();
  const hours = DESTINATIONS.find((d) => d.key === 'teamHours');
  const setsHours = hours !== undefined && mayGo(user, hours);
  const [form, setForm] = useState<RecordTarget<InterpreterView>>(null);
  const { items: interpreters, error, reload } = useListed(useCallback(() => api.interpreters.list({ includeInactive: true }), [api]));

  return (
    <ListPage
      title={t('interpreters.title')}
      description={t('interpreters.intro')}
      actions={
        <Button leftSection={<Icon name="plus" size={18} />} onClick={() => setForm('new')}>
          {t('interpreters.create')}
        </Button>
      }
      items={interpreters}
      error={error}
      empty={{ text: t('interpreters.empty'), testId: 'interpreters-empty' }}
      columns={{
        headings: [t('interpreters.table.name'), t('interpreters.table.kind'), t('interpreters.table.languages'), t('interpreters.table.phone'), t('interpreters.table.status')],
        actions: t('interpreters.table.actions'),
      }}
      tableTestId="interpreters-table"
      minWidth={860}
      row={(interpreter) => (
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
            <SpokenLanguageBadges languages={interpreter.languages} />
          </Table.Td>
          <Table.Td>
            {interpreter.phone ? (
              <Text size="sm" dir="ltr" span>
                {formatPhone(interpreter.phone)}
              </Text>
            ) : null}
          </Table.Td>
          <Table.Td>
            <ActiveBadge active={interpreter.active} label={t(interpreter.active ? 'interpreters.active' : 'interpreters.inactive')} />
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
      )}
    >
      <InterpreterFormModal
        target={form}
        onClose={() => setForm(null)}
        onSaved={(interpreter) => {
          setForm(null);
          notify(t, 'success', t('interpreters.saved', { name: interpreter.name }));
          void reload();
        }}
      />
    </ListPage>
  );
}
