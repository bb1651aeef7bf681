import { Alert, Button, Modal, Radio, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appointmentsProcedures, statusChangeSchema } from '../../../shared/contract/appointments';
import { LATE_CANCELLATION_MS, type AppointmentView } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { RadioGroupField, TextareaField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { ModalActions } from '../../ui/ModalActions';

interface Props {
  appointment: AppointmentView;
  /** One appointment, or it and every later one of its series. */
  series: boolean;
  opened: boolean;
  onClose(): void;
  onDone(): void;
}

/** Cancelling says who asked (the visitor or the unit) and why; less than 24 hours before, that it is late. */
export function CancelModal({ appointment, series, opened, onClose, onDone }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t(series ? 'appointments.cancel.seriesTitle' : 'appointments.cancel.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? series ? <SeriesForm appointment={appointment} onClose={onClose} onDone={onDone} /> : <OneForm appointment={appointment} onClose={onClose} onDone={onDone} /> : null}
    </Modal>
  );
}

function WhoAndWhy() {
  const { t } = useTranslation();
  return (
    <>
      <RadioGroupField name="cancelledBy" label={t('appointments.cancel.by')} withAsterisk>
        <Stack gap={6} mt={4}>
          <Radio value="visitor" label={t('appointments.cancel.byVisitor')} data-autofocus />
          <Radio value="unit" label={t('appointments.cancel.byUnit')} />
        </Stack>
      </RadioGroupField>
      <TextareaField name="reason" blankAs={null} label={t('appointments.cancel.reason')} withAsterisk autosize minRows={2} />
    </>
  );
}

function OneForm({ appointment, onClose, onDone }: Omit<Props, 'series' | 'opened'>) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useContractForm(statusChangeSchema, { defaultValues: { id: appointment.id, status: 'cancelled', cancelledBy: null, reason: null } });
  // Judged when the dialog opens, as main judges it when the cancellation arrives.
  const [openedAt] = useState(() => Date.now());
  const late = new Date(appointment.startsAt).getTime() - openedAt < LATE_CANCELLATION_MS;
  return (
    <Form form={form} onSubmit={form.submitTo((values) => api.appointments.setStatus(values), onDone)}>
      <Stack gap="md">
        {late ? (
          <Alert color="orange" variant="light" data-testid="late-cancellation">
            {t('appointments.cancel.late')}
          </Alert>
        ) : null}
        <WhoAndWhy />
        <ErrorAlert message={form.alert} />
        <ModalActions onCancel={onClose}>
          <Button type="submit" color="red" loading={form.busy}>
            {t('appointments.cancel.confirm')}
          </Button>
        </ModalActions>
      </Stack>
    </Form>
  );
}

const seriesSchema = appointmentsProcedures['appointments.cancelSeriesFrom'].input;

function SeriesForm({ appointment, onClose, onDone }: Omit<Props, 'series' | 'opened'>) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useContractForm(seriesSchema, { defaultValues: { id: appointment.id, reason: '' } });
  return (
    <Form form={form} onSubmit={form.submitTo((values) => api.appointments.cancelSeriesFrom(values), onDone)}>
      <Stack gap="md">
        <Alert color="gray" variant="light">
          {t('appointments.cancel.seriesHint')}
        </Alert>
        <WhoAndWhy />
        <ErrorAlert message={form.alert} />
        <ModalActions onCancel={onClose}>
          <Button type="submit" color="red" loading={form.busy}>
            {t('appointments.cancel.seriesConfirm')}
          </Button>
        </ModalActions>
      </Stack>
    </Form>
  );
}
