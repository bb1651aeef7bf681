import { Button, Group, Modal, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activitySlotsSchema, slotSchema } from '../../../shared/contract/childcare';
import type { ActivityView } from '../../../shared/domain/activities';
import type { SlotView } from '../../../shared/domain/childcare';
import type { PlaceView } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { DayField } from '../../ui/date-fields';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SelectField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { ModalActions } from '../../ui/ModalActions';
import { EMPTY_TIME, TimeField } from '../../ui/time-fields';
import { SlotTermsFields } from './SlotTermsFields';

/** What a new slot starts from: the day shown, three to six years, the first place. */
function startingTerms(places: PlaceView[]) {
  return { placeId: places[0]?.id, roomId: null, capacity: undefined, ageUnit: 'years' as const, minAge: 3, maxAge: 6, ratios: [] };
}

/** A slot of its own: a day, its hours, its terms. */
export function SlotFormModal({ day, places, opened, onClose, onSaved }: { day: string; places: PlaceView[]; opened: boolean; onClose(): void; onSaved(slot: SlotView): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('childcare.slotForm.createTitle')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <SlotForm day={day} places={places} onClose={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function SlotForm({ day, places, onClose, onSaved }: { day: string; places: PlaceView[]; onClose(): void; onSaved(slot: SlotView): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useContractForm(slotSchema, { defaultValues: { id: null, day, starts: EMPTY_TIME, ends: EMPTY_TIME, ...startingTerms(places) } });
  const submit = form.submitTo((values) => api.childcare.saveSlot(values), onSaved);
  return (
    <Form form={form} onSubmit={submit} testId="slot-form">
      <Stack gap="md">
        <Group gap="md" align="flex-start">
          <DayField control={form.control} name="day" label={t('childcare.slotForm.day')} withAsterisk w={220} />
          <TimeField control={form.control} name="starts" label={t('childcare.slotForm.starts')} withAsterisk w={140} />
          <TimeField control={form.control} name="ends" label={t('childcare.slotForm.ends')} withAsterisk w={140} />
        </Group>
        <SlotTermsFields places={places} />
        <ErrorAlert message={form.alert} />
        <ModalActions onCancel={onClose}>
          <Button type="submit" loading={form.busy}>
            {t('childcare.slotForm.create')}
          </Button>
        </ModalActions>
      </Stack>
    </Form>
  );
}

/** The childcare opened for every coming session of an activity: one slot each, at the session's hours. */
export function ActivitySlotsModal({ places, opened, onClose, onSaved }: { places: PlaceView[]; opened: boolean; onClose(): void; onSaved(slots: SlotView[]): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('childcare.slotForm.activityTitle')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <ActivitySlotsForm places={places} onClose={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function ActivitySlotsForm({ places, onClose, onSaved }: { places: PlaceView[]; onClose(): void; onSaved(slots: SlotView[]): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [activities, setActivities] = useState<ActivityView[]>([]);
  useEffect(() => {
    let current = true;
    void api.activities.list({}).then((result) => {
      if (current && result.ok) setActivities(result.value);
    });
    return () => {
      current = false;
    };
  }, [api]);
  const form = useContractForm(activitySlotsSchema, { defaultValues: { activityId: undefined, ...startingTerms(places) } });
  // The childcare is where the activity is, unless the desk says otherwise.
  const { setValue } = form;
  const chosen = form.watch('activityId');
  useEffect(() => {
    const activity = activities.find((a) => a.id === chosen);
    if (activity) setValue('placeId', activity.placeId);
  }, [activities, chosen, setValue]);
  const submit = form.submitTo((values) => api.childcare.slotsForActivity(values), onSaved);
  return (
    <Form form={form} onSubmit={submit} testId="activity-slots-form">
      <Stack gap="md">
        <SelectField
          control={form.control}
          name="activityId"
          numeric
          label={t('childcare.slotForm.activity')}
          description={t('childcare.slotForm.activityHint')}
          data={activities.map((a) => ({ value: String(a.id), label: a.title }))}
          withAsterisk
          searchable
        />
        <SlotTermsFields places={places} />
        <ErrorAlert message={form.alert} />
        <ModalActions onCancel={onClose}>
          <Button type="submit" loading={form.busy}>
            {t('childcare.slotForm.createForActivity')}
          </Button>
        </ModalActions>
      </Stack>
    </Form>
  );
}
