import { Button, Checkbox, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../shared/domain/phone';
import { PARTNER_KINDS, type PartnerKind, type PartnerView } from '../../../shared/domain/referrals';
import { NEEDS, type Need } from '../../../shared/domain/visitors';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Form } from '../../ui/Form';
import { useFormErrors } from '../../ui/form';
import { PhoneHint } from '../../ui/PhoneHint';
import { ModalActions } from '../../ui/ModalActions';

interface Props {
  target: 'new' | PartnerView | null;
  onClose(): void;
  onSaved(partner: PartnerView): void;
}

export function PartnerFormModal({ target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const editing = target !== null && target !== 'new' ? target : null;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={editing ? t('partners.form.editTitle') : t('partners.form.createTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {target !== null ? <PartnerForm key={editing ? editing.id : 'new'} editing={editing} onClose={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function PartnerForm({ editing, onClose, onSaved }: { editing: PartnerView | null; onClose(): void; onSaved(partner: PartnerView): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState<PartnerKind | null>(editing?.kind ?? null);
  const [services, setServices] = useState<Need[]>(editing?.services ?? []);
  const [address, setAddress] = useState(editing?.address ?? '');
  const [phone, setPhone] = useState(editing?.phone ? formatPhone(editing.phone) : '');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(['name', 'kind', 'services', 'address', 'phone']);

  const submit = async () => {
    errors.clear();
    setBusy(true);
    const fields = {
      name,
      kind: kind as PartnerKind,
      services,
      address: address.trim() ? address : null,
      phone: phone.trim() ? phone : null,
      active: editing?.active ?? true,
    };
    const result = editing ? await api.partners.update({ id: editing.id, ...fields }) : await api.partners.create(fields);
    setBusy(false);
    if (!result.ok) return errors.fail(result.error);
    onSaved(result.value);
  };

  return (
    <Form errors={errors} onSubmit={submit} testId="partner-form">
      <Stack gap="md">
        <TextInput label={t('partners.form.name')} value={name} onChange={(event) => setName(event.currentTarget.value)} error={errors.field('name')} withAsterisk data-autofocus />
        <Select
          label={t('partners.form.kind')}
          data={PARTNER_KINDS.map((value) => ({ value, label: t(`partnerKinds.${value}`) }))}
          value={kind}
          onChange={(next) => setKind(next as PartnerKind | null)}
          error={errors.field('kind')}
          withAsterisk
          allowDeselect={false}
        />
        <Checkbox.Group label={t('partners.form.services')} value={services} onChange={(next) => setServices(next as Need[])} error={errors.field('services')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
            {NEEDS.map((need) => (
              <Checkbox key={need} value={need} label={t(`needs.${need}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea label={t('partners.form.address')} value={address} onChange={(event) => setAddress(event.currentTarget.value)} error={errors.field('address')} autosize minRows={2} />
        <TextInput
          label={t('partners.form.phone')}
          description={<PhoneHint phone={phone} />}
          value={phone}
          onChange={(event) => setPhone(event.currentTarget.value)}
          error={errors.field('phone')}
          type="tel"
          dir="ltr"
          maw={320}
        />
        <ErrorAlert message={errors.alert} />
        <ModalActions onCancel={onClose}>
          <Button type="submit" loading={busy}>
            {editing ? t('common.save') : t('partners.form.create')}
          </Button>
        </ModalActions>
      </Stack>
    </Form>
  );
}
