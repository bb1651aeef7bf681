import { Button, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rescheduleSchema } from '../../../shared/contract/appointments';
import type { AppointmentView } from '../../../shared/domain/listening';
import { mayOverrideHours } from '../../../shared/domain/policy';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { useDeskFormat } from '../../ui/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { NumberField, SelectField, TextareaField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { ModalActions } from '../../ui/ModalActions';
import { bookingRefusal } from './clash';
import { useListening } from './useListening';
import { WallDateTimeField } from './WallDateTimeField';

interface Props {
  appointment: AppointmentView;
  opened: boolean;
  onClose(): void;
  onDone(): void;
}

/**
 * Moving one appointment (never its series): a new time, or another psychologist (hers disabled,
 * or away), and why; the old time and psychologist stay in its history.
 */
export function RescheduleModal({ appointment, opened, onClose, onDone }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('appointments.reschedule.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <RescheduleForm appointment={appointment} onClose={onClose} onDone={onDone} /> : null}
    </Modal>
  );
}

function RescheduleForm({ appointment, onClose, onDone }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useSession();
  const format = useDeskFormat();
  const minutes = Math.round((new Date(appointment.endsAt).getTime() - new Date(appointment.startsAt).getTime()) / 60_000);
  const form = useContractForm(rescheduleSchema, {
    defaultValues: {
      id: appointment.id,
      startsAt: appointment.startsWall,
      minutes,
      roomId: appointment.roomId,
      psychologistId: appointment.psychologistId,
      reason: '',
      overrideReason: null,
    },
  });
  const lists = useListening();
  // Hers stays in the choices even when her account is disabled: main then says to choose another, on this field.
  const psychologists = (lists?.psychologists ?? []).map((p) => ({ value: String(p.id), label: p.displayName }));
  if (!psychologists.some((p) => p.value === String(appointment.psychologistId))) {
    psychologists.unshift({ value: String(appointment.psychologistId), label: t('scheduleBooking.move.disabledPsychologist', { name: appointment.psychologistName }) });
  }
  const outsideHours = mayOverrideHours(user.roles) && (form.failure?.error.code === 'appointments.outsideHours' || form.watch('overrideReason') !== null);
  return (
    <Form form={form} onSubmit={form.submitTo((values) => api.appointments.reschedule(values), onDone)}>
      <Stack gap="md">
        <SelectField
          name="psychologistId"
          control={form.control}
          numeric
          label={t('appointments.reschedule.psychologist')}
          data={psychologists}
          allowDeselect={false}
          data-testid="reschedule-psychologist"
        />
        <WallDateTimeField name="startsAt" control={form.control} dayLabel={t('appointments.book.day')} timeLabel={t('appointments.book.time')} />
        <NumberField name="minutes" control={form.control} blankAs={undefined} label={t('appointments.book.minutesLabel')} min={5} step={5} w={200} />
        <TextareaField name="reason" control={form.control} label={t('appointments.reschedule.reason')} withAsterisk autosize minRows={2} data-autofocus />
        {outsideHours ? (
          <TextareaField name="overrideReason" control={form.control} blankAs={null} label={t('appointments.book.overrideReason')} description={t('appointments.book.overrideHint')} autosize minRows={2} />
        ) : null}
        <ErrorAlert message={form.failure && (form.alert || form.failure.error.code === 'appointments.clash') ? bookingRefusal(t, form.failure.error, format.day) : null} />
        <ModalActions onCancel={onClose}>
          <Button type="submit" loading={form.busy}>
            {t('appointments.reschedule.confirm')}
          </Button>
        </ModalActions>
      </Stack>
    </Form>
  );
}
