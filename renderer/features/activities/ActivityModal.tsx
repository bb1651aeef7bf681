import { Checkbox, Group, Radio, Stack } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type activityFieldsSchema, createActivitySchema, updateActivitySchema } from '../../../shared/contract/activities';
import { MAX_CAPACITY, type ActivityKindView, type ActivityView } from '../../../shared/domain/activities';
import type { PlaceView } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { DayField } from '../../ui/date-fields';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CheckboxField, NumberField, RadioGroupField, SelectField, TextareaField, TextField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm, type ContractForm } from '../../ui/form';
import { RecordFormActions, RecordFormModal, type RecordTarget } from '../../ui/RecordFormModal';
import { WallDateTimeField } from '../appointments/WallDateTimeField';
import { activityKindLabel } from './labels';

interface Props {
  target: RecordTarget<ActivityView>;
  onClose(): void;
  onSaved(activity: ActivityView): void;
}

/** A workshop's dialog: a new one with its first session or whole series, or one edited (its sessions are changed one by one). */
export function ActivityModal({ target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <RecordFormModal target={target} onClose={onClose} size="lg" titles={{ create: t('activities.form.createTitle'), edit: t('activities.form.editTitle') }}>
      {(editing) => <ActivityLists>{(lists) => (editing ? <EditForm activity={editing} lists={lists} onClose={onClose} onSaved={onSaved} /> : <CreateForm lists={lists} onClose={onClose} onSaved={onSaved} />)}</ActivityLists>}
    </RecordFormModal>
  );
}

interface Lists {
  kinds: ActivityKindView[];
  places: PlaceView[];
}

/** The kinds and places a form chooses from, once main has sent them. */
function ActivityLists({ children }: { children(lists: Lists): ReactNode }) {
  const api = useApi();
  const [lists, setLists] = useState<Lists | null>(null);
  useEffect(() => {
    let current = true;
    void Promise.all([api.activities.kinds({}), api.places.list({})]).then(([kinds, places]) => {
      if (current && kinds.ok && places.ok) setLists({ kinds: kinds.value, places: places.value });
    });
    return () => {
      current = false;
    };
  }, [api]);
  return lists ? children(lists) : null;
}

/** Both forms hold these fields under the same names: the shared part is typed by the contract's own schema. */
type FieldsForm = ContractForm<z.input<typeof activityFieldsSchema>, unknown>;

/** What both forms share: kind, title, facilitator, place and room, capacity, description. */
function ActivityFields({ form, lists }: { form: FieldsForm; lists: Lists }) {
  const { t } = useTranslation();
  const placeId = form.watch('placeId');
  const rooms = lists.places.find((p) => p.id === placeId)?.rooms.filter((r) => r.active) ?? [];
  return (
    <>
      <SelectField
        name="kindId"
        control={form.control}
        numeric
        label={t('activities.form.kind')}
        withAsterisk
        data={lists.kinds.map((k) => ({ value: String(k.id), label: activityKindLabel(t, k) }))}
        allowDeselect={false}
        data-autofocus
      />
      <TextField name="title" control={form.control} label={t('activities.form.title')} withAsterisk maxLength={120} />
      <TextField name="facilitator" control={form.control} label={t('activities.form.facilitator')} description={t('activities.form.facilitatorHint')} withAsterisk maxLength={120} />
      <Group grow align="flex-start">
        <SelectField
          name="placeId"
          control={form.control}
          numeric
          label={t('activities.form.place')}
          withAsterisk
          data={lists.places.map((p) => ({ value: String(p.id), label: p.name }))}
          allowDeselect={false}
        />
        <SelectField
          name="roomId"
          control={form.control}
          numeric
          clearable
          label={t('activities.form.room')}
          placeholder={t('activities.form.anyRoom')}
          data={rooms.map((r) => ({ value: String(r.id), label: r.name }))}
          clearButtonProps={{ 'aria-label': t('common.clear') }}
        />
      </Group>
      <NumberField
        name="capacity"
        control={form.control}
        blankAs={undefined}
        label={t('activities.form.capacity')}
        description={t('activities.form.capacityHint')}
        withAsterisk
        allowDecimal={false}
        clampBehavior="none"
        max={MAX_CAPACITY}
        maw={220}
      />
      <TextareaField name="description" control={form.control} blankAs={null} label={t('activities.form.description')} autosize minRows={2} maxRows={6} />
    </>
  );
}

function CreateForm({ lists, onClose, onSaved }: { lists: Lists; onClose(): void; onSaved(activity: ActivityView): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const place = lists.places[0];
  const form = useContractForm(createActivitySchema, {
    defaultValues: {
      kindId: lists.kinds[0]?.id,
      title: '',
      facilitator: '',
      placeId: place?.id,
      roomId: null,
      capacity: 12,
      description: null,
      sessions: { startsAt: '', minutes: 90, repeat: { rule: 'weekly', count: 10, until: null } },
    },
  });
  const { watch, setValue } = form;
  const repeat = watch('sessions.repeat');
  const [repeatEnd, setRepeatEnd] = useState<'count' | 'until'>('count');
  const submit = form.submitTo((values) => api.activities.create(values), onSaved);
  return (
    <Form form={form} onSubmit={submit} testId="activity-form">
      <Stack gap="md">
        <ActivityFields form={form as unknown as FieldsForm} lists={lists} />
        <WallDateTimeField name="sessions.startsAt" control={form.control} dayLabel={t('activities.form.firstDay')} timeLabel={t('activities.form.startTime')} />
        <NumberField name="sessions.minutes" control={form.control} blankAs={undefined} label={t('activities.form.minutes')} min={5} step={15} allowDecimal={false} maw={220} />
        <Checkbox
          label={t('activities.form.repeat')}
          checked={repeat !== null && repeat !== undefined}
          onChange={(event) => {
            setRepeatEnd('count');
            setValue('sessions.repeat', event.currentTarget.checked ? { rule: 'weekly', count: 10, until: null } : null);
          }}
        />
        {repeat ? (
          <Stack gap="sm" ps="lg">
            <RadioGroupField name="sessions.repeat.rule" control={form.control} label={t('activities.form.repeatRule')}>
              <Group gap="lg" mt={4}>
                <Radio value="weekly" label={t('activities.form.weekly')} />
                <Radio value="fortnightly" label={t('activities.form.fortnightly')} />
              </Group>
            </RadioGroupField>
            <Radio.Group
              label={t('activities.form.repeatEnd')}
              value={repeatEnd}
              onChange={(next) => {
                const end = next === 'until' ? 'until' : 'count';
                setRepeatEnd(end);
                setValue('sessions.repeat.count', end === 'count' ? 10 : null);
                setValue('sessions.repeat.until', null);
              }}
            >
              <Group gap="lg" mt={4}>
                <Radio value="count" label={t('activities.form.repeatCount')} />
                <Radio value="until" label={t('activities.form.repeatUntil')} />
              </Group>
            </Radio.Group>
            {repeatEnd === 'count' ? (
              <NumberField name="sessions.repeat.count" control={form.control} blankAs={null} label={t('activities.form.occurrences')} min={2} max={52} allowDecimal={false} maw={220} />
            ) : (
              <DayField name="sessions.repeat.until" control={form.control} label={t('activities.form.untilDay')} w={220} />
            )}
          </Stack>
        ) : null}
        <ErrorAlert message={form.alert} />
        <RecordFormActions editing={false} createLabel={t('activities.form.create')} busy={form.busy} onCancel={onClose} />
      </Stack>
    </Form>
  );
}

function EditForm({ activity, lists, onClose, onSaved }: { activity: ActivityView; lists: Lists; onClose(): void; onSaved(activity: ActivityView): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useContractForm(updateActivitySchema, {
    defaultValues: {
      id: activity.id,
      kindId: activity.kindId,
      title: activity.title,
      facilitator: activity.facilitator,
      placeId: activity.placeId,
      roomId: activity.roomId,
      capacity: activity.capacity,
      description: activity.description,
      active: activity.active,
    },
  });
  const submit = form.submitTo((values) => api.activities.update(values), onSaved);
  return (
    <Form form={form} onSubmit={submit} testId="activity-form">
      <Stack gap="md">
        <ActivityFields form={form as unknown as FieldsForm} lists={lists} />
        <CheckboxField control={form.control} name="active" label={t('activities.form.active')} description={t('activities.form.activeHint')} />
        <ErrorAlert message={form.alert} />
        <RecordFormActions editing createLabel={t('activities.form.create')} busy={form.busy} onCancel={onClose} />
      </Stack>
    </Form>
  );
}
