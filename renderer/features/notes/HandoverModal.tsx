import { Button, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import type { PsychologistOption } from '../../../shared/domain/notes';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SelectField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { ModalActions } from '../../ui/ModalActions';
import { notify } from '../../ui/notify';

interface Props {
  opened: boolean;
  visitorId: number;
  visitorCode: string;
  onClose(): void;
}

/** Her notes about this visitor, handed over to a colleague (and her later ones while it stands). */
export function HandoverModal({ opened, visitorId, visitorCode, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('notes.handover.title', { code: visitorCode })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <HandoverForm visitorId={visitorId} onClose={onClose} /> : null}
    </Modal>
  );
}

const handoverSchema = contract['notes.handover'].input.pick({ recipientId: true });

function HandoverForm({ visitorId, onClose }: { visitorId: number; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useSession();
  const [colleagues, setColleagues] = useState<PsychologistOption[]>([]);
  useEffect(() => {
    void api.notes.psychologists({}).then((result) => {
      if (result.ok) setColleagues(result.value.filter((p) => p.id !== user.id));
    });
  }, [api, user.id]);
  const form = useContractForm(handoverSchema, { defaultValues: { recipientId: undefined } });
  const submit = form.submitTo(
    (values) => api.notes.handover({ visitorId, recipientId: values.recipientId }),
    (result) => {
      notify(t, 'success', t('notes.handover.done', { count: result.notes }));
      onClose();
    },
  );
  return (
    <Form form={form} onSubmit={submit} testId="handover-form">
      <Stack gap="md">
        <Text size="sm">{t('notes.handover.explain')}</Text>
        <SelectField
          control={form.control}
          name="recipientId"
          numeric
          label={t('notes.handover.recipient')}
          data={colleagues.map((c) => ({ value: String(c.id), label: c.canReceive ? c.displayName : t('notes.handover.cannotReceive', { name: c.displayName }), disabled: !c.canReceive }))}
          withAsterisk
          allowDeselect={false}
          data-autofocus
        />
        <ErrorAlert message={form.alert} />
        <ModalActions onCancel={onClose}>
          <Button type="submit" loading={form.busy}>
            {t('notes.handover.confirm')}
          </Button>
        </ModalActions>
      </Stack>
    </Form>
  );
}
