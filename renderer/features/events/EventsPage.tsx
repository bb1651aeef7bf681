import { Button, Table, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayCall } from '../../../shared/contract/access';
import type { EventView } from '../../../shared/domain/activities';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { ListPage, useListed } from '../../ui/ListPage';
import { notify } from '../../ui/notify';
import type { RecordTarget } from '../../ui/RecordFormModal';
import { EventModal } from './EventModal';

/** Multi-actor days, seminars, fairs: when, where, and how many took part. */
export function EventsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useSession();
  const format = useDeskFormat();
  const [form, setForm] = useState<RecordTarget<EventView>>(null);
  const { items, error, reload } = useListed(useCallback(() => api.events.list({}), [api]));
  const manages = mayCall(user, 'events.update');

  return (
    <ListPage
      title={t('events.title')}
      description={t('events.intro')}
      actions={
        mayCall(user, 'events.create') ? (
          <Button leftSection={<Icon name="plus" size={18} />} onClick={() => setForm('new')}>
            {t('events.create')}
          </Button>
        ) : null
      }
      items={items}
      error={error}
      empty={{ text: t('events.empty'), testId: 'events-empty' }}
      columns={{
        headings: [t('events.table.day'), t('events.table.title'), t('events.table.kind'), t('events.table.place'), t('events.table.total')],
        actions: manages ? t('events.table.actions') : undefined,
      }}
      tableTestId="events-table"
      row={(event) => (
        <Table.Tr key={event.id} data-testid="event-row">
          <Table.Td>
            <Text size="sm">{format.day(event.day)}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" fw={600}>
              <bdi>{event.title}</bdi>
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{t(`events.kinds.${event.kind}`)}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">
              <bdi>{event.placeName ?? event.location}</bdi>
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" data-testid="event-total">
              {t('events.totalOf', { count: event.total, visitors: event.participants.length })}
            </Text>
          </Table.Td>
          {manages ? (
            <Table.Td ta="end">
              <Button variant="default" size="xs" leftSection={<Icon name="edit" size={16} />} aria-label={t('events.editOf', { title: event.title })} onClick={() => setForm(event)}>
                {t('events.edit')}
              </Button>
            </Table.Td>
          ) : null}
        </Table.Tr>
      )}
    >
      <EventModal
        target={form}
        onClose={() => setForm(null)}
        onSaved={(event) => {
          setForm(null);
          notify(t, 'success', t('events.saved', { title: event.title }));
          void reload();
        }}
      />
    </ListPage>
  );
}
