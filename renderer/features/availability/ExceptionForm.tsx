import { Button, Group, Stack } from '@mantine/core';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { exceptionInputSchema } from '../../../shared/contract/availability';
import { EXCEPTION_KINDS, type AvailabilityOwner, type AvailabilityView, type PlaceView } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { DayField } from '../../ui/date-fields';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SelectField, TextField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { TimeField } from '../../ui/time-fields';

/** Exceptions that concern a whole place or the whole desk, not one person: they have no owner. */
export const DESK_WIDE_KINDS = ['placeClosed', 'publicHoliday'] as const;
const isDeskWide = (kind: string | undefined) => (DESK_WIDE_KINDS as readonly string[]).includes(kind ?? '');

/** A place closed for a day is a place: which one must be said. */
const exceptionSchema = exceptionInputSchema.refine((e) => e.kind !== 'placeClosed' || e.placeId !== null, { error: 'required', path: ['placeId'] });

interface Props {
  owner: AvailabilityOwner;
  places: PlaceView[];
  /** Closed places and public holidays: administrators only. */
  deskWide: boolean;
  onAdded(view: AvailabilityView): void;
}

/**
 * One dated exception: a day of leave, other hours that day, and for administrators a
 * place closed that day or a public holiday. Only the fields the kind needs are shown;
 * what a hidden field held is not sent.
 */
export function ExceptionForm({ owner, places, deskWide, onAdded }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const kinds = EXCEPTION_KINDS.filter((kind) => deskWide || !isDeskWide(kind));
  const empty = { owner, placeId: null, day: undefined, kind: undefined, starts: null, ends: null, note: null };
  const form = useContractForm(exceptionSchema, { defaultValues: empty });
  const kind = useWatch({ control: form.control, name: 'kind' });
  const submit = form.submitTo(
    (values) =>
      api.availability.addException({
        ...values,
        owner: isDeskWide(values.kind) ? null : owner,
        placeId: values.kind === 'leave' || values.kind === 'publicHoliday' ? null : values.placeId,
        starts: values.kind === 'differentHours' ? values.starts : null,
        ends: values.kind === 'differentHours' ? values.ends : null,
      }),
    (view) => {
      form.reset(empty);
      onAdded(view);
    },
  );
  const placeOptions = places.map((p) => ({ value: String(p.id), label: p.name }));

  return (
    <Form form={form} onSubmit={submit} testId="exception-form">
      <Stack gap="md">
        <Group gap="md" align="flex-start">
          <DayField control={form.control} name="day" label={t('availability.exceptions.day')} withAsterisk size="md" w={200} />
          <SelectField
            control={form.control}
            name="kind"
            label={t('availability.exceptions.kind')}
            withAsterisk
            data={kinds.map((value) => ({ value, label: t(`availability.exceptionKinds.${value}`) }))}
            allowDeselect={false}
            w={260}
          />
          {kind === 'differentHours' || kind === 'placeClosed' ? (
            <SelectField
              control={form.control}
              name="placeId"
              numeric
              label={t('availability.exceptions.place')}
              placeholder={kind === 'differentHours' ? t('availability.exceptions.anyPlace') : undefined}
              withAsterisk={kind === 'placeClosed'}
              clearable={kind === 'differentHours'}
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              data={placeOptions}
              w={300}
            />
          ) : null}
        </Group>
        {kind === 'differentHours' ? (
          <Group gap="md" align="flex-start">
            <TimeField control={form.control} name="starts" label={t('availability.exceptions.starts')} withAsterisk size="md" w={140} />
            <TimeField control={form.control} name="ends" label={t('availability.exceptions.ends')} withAsterisk size="md" w={140} />
          </Group>
        ) : null}
        <TextField control={form.control} name="note" blankAs={null} label={t('availability.exceptions.note')} description={t('availability.exceptions.noteHint')} maxLength={300} maw={620} />
        <ErrorAlert message={form.alert} />
        <Group>
          <Button type="submit" loading={form.busy}>
            {t('availability.exceptions.add')}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
