import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { cancelSessionSchema, moveSessionSchema } from '../../../shared/contract/activities';
import type { ActivitySessionView } from '../../../shared/domain/activities';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { NumberField, TextareaField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { useDeskFormat } from '../../ui/format';
import { ModalActions } from '../../ui/ModalActions';
import { RecordFormActions, RecordFormModal, type RecordTarget } from '../../ui/RecordFormModal';
import { WallDateTimeField } from '../appointments/WallDateTimeField';

/** The session's length in minutes, kept when it moves unless changed. */
function lengthOf(session: ActivitySessionView): number {
  return Math.round((new Date(session.endsAt).getTime() - new Date(session.startsAt).getTime()) / 60_000);
}

/** A session added to the workshop (new), or one moved (an existing one): its time on the desk's clock. */
export function SessionTimeModal({ activityId, target, onClose, onSaved }: { activityId: number; target: RecordTarget<ActivitySessionView>; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  return (
    <RecordFormModal target={target} onClose={onClose} titles={{ create: t('activities.sessions.addTitle'), edit: t('activities.sessions.moveTitle') }}>
      {(editing) => (editing ? <MoveForm session={editing} onClose={onClose} onSaved={onSaved} /> : <AddForm activityId={activityId} onClose={onClose} onSaved={onSaved} />)}
    </RecordFormModal>
  );
}

const addSessionSchema = contract['activities.addSession'].input;

function AddForm({ activityId, onClose, onSaved }: { activityId: number; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useContractForm(addSessionSchema, { defaultValues: { activityId, startsAt: '', minutes: 90 } });
  const submit = form.submitTo((values) => api.activities.addSession(values), onSaved);
  return (
    <Form form={form} onSubmit={submit} testId="session-form">
      <Stack gap="md">
        <WallDateTimeField name="startsAt" control={form.control} dayLabel={t('activities.form.day')} timeLabel={t('activities.form.startTime')} />
        <NumberField name="minutes" control={form.control} blankAs={undefined} label={t('activities.form.minutes')} min={5} step={15} allowDecimal={false} maw={220} />
        <ErrorAlert message={form.alert} />
        <RecordFormActions editing={false} createLabel={t('activities.sessions.add')} busy={form.busy} onCancel={onClose} />
      </Stack>
    </Form>
  );
}

function MoveForm({ session, onClose, onSaved }: { session: ActivitySessionView; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const form = useContractForm(moveSessionSchema, { defaultValues: { id: session.id, startsAt: session.startsWall, minutes: lengthOf(session), reason: '' } });
  const submit = form.submitTo((values) => api.activities.moveSession(values), onSaved);
  return (
    <Form form={form} onSubmit={submit} testId="session-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('activities.sessions.movingFrom', { when: format.wallMoment(session.startsWall) })}
        </Text>
        <WallDateTimeField name="startsAt" control={form.control} dayLabel={t('activities.form.day')} timeLabel={t('activities.form.startTime')} />
        <NumberField name="minutes" control={form.control} blankAs={undefined} label={t('activities.form.minutes')} min={5} step={15} allowDecimal={false} maw={220} />
        <TextareaField name="reason" control={form.control} label={t('activities.sessions.moveReason')} withAsterisk autosize minRows={2} />
        <ErrorAlert message={form.alert} />
        <ModalActions onCancel={onClose}>
          <Button type="submit" loading={form.busy}>
            {t('activities.sessions.move')}
          </Button>
        </ModalActions>
      </Stack>
    </Form>
  );
}

/** Cancels one session, with the reason: the others keep theirs. */
export function CancelSessionModal({ session, onClose, onSaved }: { session: ActivitySessionView | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  return (
    <RecordFormModal target={session} onClose={onClose} titles={{ create: t('activities.sessions.cancelTitle'), edit: t('activities.sessions.cancelTitle') }}>
      {(editing) => (editing ? <CancelForm session={editing} onClose={onClose} onSaved={onSaved} /> : null)}
    </RecordFormModal>
  );
}

function CancelForm({ session, onClose, onSaved }: { session: ActivitySessionView; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const form = useContractForm(cancelSessionSchema, { defaultValues: { id: session.id, reason: '' } });
  const submit = form.submitTo((values) => api.activities.cancelSession(values), onSaved);
  return (
    <Form form={form} onSubmit={submit} testId="cancel-session-form">
      <Stack gap="md">
        <Text size="sm">{t('activities.sessions.cancelling', { when: format.wallMoment(session.startsWall) })}</Text>
        <TextareaField name="reason" control={form.control} label={t('activities.sessions.cancelReason')} withAsterisk autosize minRows={2} data-autofocus />
        <ErrorAlert message={form.alert} />
        <ModalActions onCancel={onClose}>
          <Button type="submit" color="red" loading={form.busy}>
            {t('activities.sessions.cancel')}
          </Button>
        </ModalActions>
      </Stack>
    </Form>
  );
}
