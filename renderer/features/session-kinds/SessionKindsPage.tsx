import { Button, Table, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionKindView } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { ActiveBadge } from '../../ui/ActiveBadge';
import { Icon } from '../../ui/icons';
import { notify } from '../../ui/notify';
import { ListPage, useListed } from '../../ui/ListPage';
import type { RecordTarget } from '../../ui/RecordFormModal';
import { sessionKindLabel } from './labels';
import { SessionKindModal } from './SessionKindModal';

/** The kinds of listening session and how long each lasts unless the booking says otherwise; administrators keep them. */
export function SessionKindsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [form, setForm] = useState<RecordTarget<SessionKindView>>(null);
  const { items: kinds, error, reload } = useListed(useCallback(() => api.appointments.kinds({ includeInactive: true }), [api]));

  return (
    <ListPage
      maw={960}
      title={t('sessionKinds.title')}
      description={t('sessionKinds.intro')}
      actions={
        <Button leftSection={<Icon name="plus" size={18} />} onClick={() => setForm('new')}>
          {t('sessionKinds.create')}
        </Button>
      }
      items={kinds}
      error={error}
      columns={{ headings: [t('sessionKinds.table.kind'), t('sessionKinds.table.minutes'), t('sessionKinds.table.status')], actions: t('sessionKinds.table.actions') }}
      tableTestId="session-kinds-table"
      row={(kind) => {
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
              <ActiveBadge active={kind.active} label={t(kind.active ? 'sessionKinds.active' : 'sessionKinds.inactive')} />
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
      }}
    >
      <SessionKindModal
        target={form}
        onClose={() => setForm(null)}
        onSaved={(kind) => {
          setForm(null);
          notify(t, 'success', t('sessionKinds.saved', { name: sessionKindLabel(t, kind) }));
          void reload();
        }}
      />
    </ListPage>
  );
}
