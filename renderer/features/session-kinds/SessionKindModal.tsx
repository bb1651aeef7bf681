import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { requiredText } from '../../../shared/contract/common';
import { MAX_SESSION_MINUTES, type SessionKindView } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CheckboxField, NumberField, TextField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { RecordFormActions, RecordFormModal, type RecordTarget } from '../../ui/RecordFormModal';
import { sessionKindLabel } from './labels';

interface Props {
  target: RecordTarget<SessionKindView>;
  onClose(): void;
  onSaved(kind: SessionKindView): void;
}

export function SessionKindModal({ target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <RecordFormModal target={target} onClose={onClose} titles={{ create: t('sessionKinds.form.createTitle'), edit: t('sessionKinds.form.editTitle') }}>
      {(editing) => <SessionKindForm editing={editing} onClose={onClose} onSaved={onSaved} />}
    </RecordFormModal>
  );
}

const saveKind = contract['appointments.saveKind'].input;
/** A kind an administrator added is known by its name, which it must have; the field's four by their translated label. */
const namedKindSchema = saveKind.extend({ name: requiredText(80) });

function SessionKindForm({ editing, onClose, onSaved }: { editing: SessionKindView | null; onClose(): void; onSaved(kind: SessionKindView): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const named = (editing?.key ?? null) === null;
  const form = useContractForm(named ? namedKindSchema : saveKind, {
    defaultValues: {
      id: editing?.id ?? null,
      name: editing?.name ?? (named ? '' : null),
      defaultMinutes: editing?.defaultMinutes ?? 45,
      active: editing?.active ?? true,
    },
  });
  const submit = form.submitTo((values) => api.appointments.saveKind(values), onSaved);

  return (
    <Form form={form} onSubmit={submit} testId="session-kind-form">
      <Stack gap="md">
        {named ? (
          <TextField control={form.control} name="name" label={t('sessionKinds.form.name')} withAsterisk maxLength={80} data-autofocus />
        ) : (
          <Text fw={600}>{editing ? sessionKindLabel(t, editing) : null}</Text>
        )}
        <NumberField
          control={form.control}
          name="defaultMinutes"
          blankAs={undefined}
          label={t('sessionKinds.form.minutes')}
          description={t('sessionKinds.form.minutesHint')}
          min={5}
          max={MAX_SESSION_MINUTES}
          step={5}
          clampBehavior="none"
          allowDecimal={false}
          allowNegative={false}
          maw={200}
          data-autofocus={named ? undefined : true}
        />
        <CheckboxField control={form.control} name="active" label={t('sessionKinds.form.active')} description={t('sessionKinds.form.activeHint')} />
        <ErrorAlert message={form.alert} />
        <RecordFormActions editing={editing !== null} createLabel={t('sessionKinds.form.create')} busy={form.busy} onCancel={onClose} />
      </Stack>
    </Form>
  );
}
