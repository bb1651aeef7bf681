import { Group, Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { INTERPRETER_KINDS, type InterpreterView } from '../../../shared/domain/listening';
import { formatPhone } from '../../../shared/domain/phone';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CheckboxField, RadioGroupField, TextField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { RecordFormActions, RecordFormModal, type RecordTarget } from '../../ui/RecordFormModal';
import { SpokenLanguagesField } from '../availability/SpokenLanguagesField';

interface Props {
  target: RecordTarget<InterpreterView>;
  onClose(): void;
  onSaved(interpreter: InterpreterView): void;
}

export function InterpreterFormModal({ target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <RecordFormModal target={target} onClose={onClose} titles={{ create: t('interpreters.form.createTitle'), edit: t('interpreters.form.editTitle') }} size="lg">
      {(editing) => <InterpreterForm editing={editing} onClose={onClose} onSaved={onSaved} />}
    </RecordFormModal>
  );
}

const interpreterSchema = contract['interpreters.save'].input;

function InterpreterForm({ editing, onClose, onSaved }: { editing: InterpreterView | null; onClose(): void; onSaved(interpreter: InterpreterView): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useContractForm(interpreterSchema, {
    defaultValues: {
      id: editing?.id ?? null,
      name: editing?.name ?? '',
      kind: editing?.kind,
      languages: editing?.languages ?? [],
      phone: editing?.phone ? formatPhone(editing.phone) : null,
      active: editing?.active ?? true,
    },
  });
  const submit = form.submitTo((values) => api.interpreters.save(values), onSaved);

  return (
    <Form form={form} onSubmit={submit} testId="interpreter-form">
      <Stack gap="md">
        <TextField control={form.control} name="name" label={t('interpreters.form.name')} withAsterisk maxLength={120} data-autofocus />
        <RadioGroupField control={form.control} name="kind" label={t('interpreters.form.kind')} withAsterisk>
          <Group gap="lg" mt="xs">
            {INTERPRETER_KINDS.map((kind) => (
              <Radio key={kind} value={kind} label={t(`interpreters.kinds.${kind}`)} />
            ))}
          </Group>
        </RadioGroupField>
        <SpokenLanguagesField control={form.control} name="languages" label={t('interpreters.form.languages')} withAsterisk />
        <TextField control={form.control} name="phone" blankAs={null} label={t('interpreters.form.phone')} type="tel" dir="ltr" maxLength={40} maw={320} />
        <CheckboxField control={form.control} name="active" label={t('interpreters.form.active')} description={t('interpreters.form.activeHint')} />
        <ErrorAlert message={form.alert} />
        <RecordFormActions editing={editing !== null} createLabel={t('interpreters.form.create')} busy={form.busy} onCancel={onClose} />
      </Stack>
    </Form>
  );
}
