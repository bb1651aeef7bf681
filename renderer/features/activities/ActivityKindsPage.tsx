import { Button, Stack, Table, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { requiredText } from '../../../shared/contract/common';
import type { ActivityKindView } from '../../../shared/domain/activities';
import { useApi } from '../../app/api';
import { ActiveBadge } from '../../ui/ActiveBadge';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CheckboxField, TextField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { Icon } from '../../ui/icons';
import { ListPage, useListed } from '../../ui/ListPage';
import { notify } from '../../ui/notify';
import { RecordFormActions, RecordFormModal, type RecordTarget } from '../../ui/RecordFormModal';
import { activityKindLabel } from './labels';

/** The kinds of workshop: the field's four (translated) and the administrators' own; one withdrawn is no longer offered. */
export function ActivityKindsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [form, setForm] = useState<RecordTarget<ActivityKindView>>(null);
  const { items, error, reload } = useListed(useCallback(() => api.activities.kinds({ includeInactive: true }), [api]));
  return (
    <ListPage
      maw={960}
      title={t('activities.kindsPage.title')}
      description={t('activities.kindsPage.intro')}
      actions={
        <Button leftSection={<Icon name="plus" size={18} />} onClick={() => setForm('new')}>
          {t('activities.kindsPage.create')}
        </Button>
      }
      items={items}
      error={error}
      columns={{ headings: [t('activities.kindsPage.kind'), t('activities.kindsPage.status')], actions: t('activities.kindsPage.actions') }}
      tableTestId="activity-kinds-table"
      row={(kind) => {
        const label = activityKindLabel(t, kind);
        return (
          <Table.Tr key={kind.id} data-testid="activity-kind-row">
            <Table.Td>
              <Text size="sm" fw={600}>
                <bdi>{label}</bdi>
              </Text>
            </Table.Td>
            <Table.Td>
              <ActiveBadge active={kind.active} label={t(kind.active ? 'activities.kindsPage.active' : 'activities.kindsPage.inactive')} />
            </Table.Td>
            <Table.Td ta="end">
              <Button variant="default" size="xs" leftSection={<Icon name="edit" size={16} />} aria-label={t('activities.kindsPage.editOf', { name: label })} onClick={() => setForm(kind)}>
                {t('activities.kindsPage.edit')}
              </Button>
            </Table.Td>
          </Table.Tr>
        );
      }}
    >
      <RecordFormModal target={form} onClose={() => setForm(null)} titles={{ create: t('activities.kindsPage.createTitle'), edit: t('activities.kindsPage.editTitle') }}>
        {(editing) => (
          <KindForm
            editing={editing}
            onClose={() => setForm(null)}
            onSaved={(kind) => {
              setForm(null);
              notify(t, 'success', t('activities.kindsPage.saved', { name: activityKindLabel(t, kind) }));
              void reload();
            }}
          />
        )}
      </RecordFormModal>
    </ListPage>
  );
}

const saveKind = contract['activities.saveKind'].input;
/** A kind an administrator added is known by its name, which it must have; the field's four by their translated label. */
const namedKindSchema = saveKind.extend({ name: requiredText(80) });

function KindForm({ editing, onClose, onSaved }: { editing: ActivityKindView | null; onClose(): void; onSaved(kind: ActivityKindView): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const named = (editing?.key ?? null) === null;
  const form = useContractForm(named ? namedKindSchema : saveKind, {
    defaultValues: { id: editing?.id ?? null, name: editing?.name ?? (named ? '' : null), active: editing?.active ?? true },
  });
  const submit = form.submitTo((values) => api.activities.saveKind(values), onSaved);
  return (
    <Form form={form} onSubmit={submit} testId="activity-kind-form">
      <Stack gap="md">
        {named ? (
          <TextField control={form.control} name="name" label={t('activities.kindsPage.name')} withAsterisk maxLength={80} data-autofocus />
        ) : (
          <Text fw={600}>{editing ? activityKindLabel(t, editing) : null}</Text>
        )}
        <CheckboxField control={form.control} name="active" label={t('activities.kindsPage.offered')} description={t('activities.kindsPage.offeredHint')} />
        <ErrorAlert message={form.alert} />
        <RecordFormActions editing={editing !== null} createLabel={t('activities.kindsPage.create')} busy={form.busy} onCancel={onClose} />
      </Stack>
    </Form>
  );
}
