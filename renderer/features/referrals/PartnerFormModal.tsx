import { Checkbox, SimpleGrid, Stack } from '@mantine/core';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { formatPhone } from '../../../shared/domain/phone';
import { PARTNER_KINDS, type PartnerView } from '../../../shared/domain/referrals';
import { NEEDS } from '../../../shared/domain/visitors';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CheckboxGroupField, SelectField, TextareaField, TextField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { PhoneHint } from '../../ui/PhoneHint';
import { RecordFormActions, RecordFormModal, type RecordTarget } from '../../ui/RecordFormModal';

interface Props {
  target: RecordTarget<PartnerView>;
  onClose(): void;
  onSaved(partner: PartnerView): void;
}

export function PartnerFormModal({ target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <RecordFormModal target={target} onClose={onClose} titles={{ create: t('partners.form.createTitle'), edit: t('partners.form.editTitle') }} size="lg">
      {(editing) => <PartnerForm editing={editing} onClose={onClose} onSaved={onSaved} />}
    </RecordFormModal>
  );
}

/** A partner as the administrator fills it in; whether it is active is its own act (the list's menu). */
const partnerSchema = contract['partners.create'].input.omit({ active: true });

function PartnerForm({ editing, onClose, onSaved }: { editing: PartnerView | null; onClose(): void; onSaved(partner: PartnerView): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useContractForm(partnerSchema, {
    defaultValues: {
      name: editing?.name ?? '',
      kind: editing?.kind,
      services: editing?.services ?? [],
      address: editing?.address ?? null,
      phone: editing?.phone ? formatPhone(editing.phone) : null,
    },
  });
  const phone = useWatch({ control: form.control, name: 'phone' });
  const submit = form.submitTo(
    (values) => (editing ? api.partners.update({ id: editing.id, ...values, active: editing.active }) : api.partners.create({ ...values, active: true })),
    onSaved,
  );

  return (
    <Form form={form} onSubmit={submit} testId="partner-form">
      <Stack gap="md">
        <TextField control={form.control} name="name" label={t('partners.form.name')} withAsterisk data-autofocus />
        <SelectField
          control={form.control}
          name="kind"
          label={t('partners.form.kind')}
          data={PARTNER_KINDS.map((value) => ({ value, label: t(`partnerKinds.${value}`) }))}
          withAsterisk
          allowDeselect={false}
        />
        <CheckboxGroupField control={form.control} name="services" label={t('partners.form.services')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
            {NEEDS.map((need) => (
              <Checkbox key={need} value={need} label={t(`needs.${need}`)} />
            ))}
          </SimpleGrid>
        </CheckboxGroupField>
        <TextareaField control={form.control} name="address" blankAs={null} label={t('partners.form.address')} autosize minRows={2} />
        <TextField
          control={form.control}
          name="phone"
          blankAs={null}
          label={t('partners.form.phone')}
          description={<PhoneHint phone={phone ?? ''} />}
          type="tel"
          dir="ltr"
          maw={320}
        />
        <ErrorAlert message={form.alert} />
        <RecordFormActions editing={editing !== null} createLabel={t('partners.form.create')} busy={form.busy} onCancel={onClose} />
      </Stack>
    </Form>
  );
}
