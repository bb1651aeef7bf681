import './appointments.css';
import { Button, Center, Checkbox, Grid, Group, Loader, Paper, Radio, Select, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { bookingSchema } from '../../../shared/contract/appointments';
import type { FreeSlotView } from '../../../shared/domain/listening';
import type { VisitorDetail } from '../../../shared/domain/visitor-views';
import { SPOKEN_LANGUAGES } from '../../../shared/domain/visitors';
import { mayOverrideHours } from '../../../shared/domain/policy';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import type { ErrorInfo } from '../../../shared/errors';
import { useDeskFormat } from '../../ui/format';
import { DayField } from '../../ui/date-fields';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { NumberField, RadioGroupField, SelectField, TextareaField, useBoundField, type Bound } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { Icon } from '../../ui/icons';
import { notify } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { bookingRefusal } from './clash';
import { readPrefill, type BookingPrefill } from './prefill';
import { kindLabel } from './labels';
import { SlotFinder, type SlotFinderHandle, type SlotQuery } from './SlotFinder';
import { useListening, type ListeningLists } from './useListening';
import { VisitorPicker } from './VisitorPicker';
import { WallDateTimeField } from './WallDateTimeField';
import type { FieldValues } from 'react-hook-form';

const ANY = 'any';

/** The psychologist, or "first available" (null), which the contract takes as any free one. */
function PsychologistField<T extends FieldValues>({ name, control, lists, label }: Bound<T> & { lists: ListeningLists; label: string }) {
  const { t } = useTranslation();
  const { field, ref, error } = useBoundField({ name, control });
  const value = field.value as number | null | undefined;
  return (
    <Select
      ref={ref}
      label={label}
      data={[{ value: ANY, label: t('appointments.book.firstAvailable') }, ...lists.psychologists.map((p) => ({ value: String(p.id), label: p.displayName }))]}
      value={value ? String(value) : ANY}
      onChange={(next) => field.onChange(next && next !== ANY ? Number(next) : null)}
      onBlur={field.onBlur}
      allowDeselect={false}
      error={error}
      data-testid="booking-psychologist"
    />
  );
}

/** Booking a listening session: from a visitor's profile (`?visitor=`) or from the schedule. */
export function BookingPage() {
  const api = useApi();
  const lists = useListening();
  const [params] = useSearchParams();
  const visitorParam = Number(params.get('visitor'));
  const [visitor, setVisitor] = useState<VisitorDetail | null | undefined>(Number.isInteger(visitorParam) && visitorParam > 0 ? undefined : null);

  useEffect(() => {
    if (!(Number.isInteger(visitorParam) && visitorParam > 0)) return;
    let current = true;
    void api.visitors.get({ id: visitorParam }).then((result) => {
      if (current) setVisitor(result.ok && !result.value.visitor.anonymised ? result.value.visitor : null);
    });
    return () => {
      current = false;
    };
  }, [api, visitorParam]);

  if (!lists || visitor === undefined) {
    return (
      <Center p="xl">
        <Loader aria-hidden="true" />
      </Center>
    );
  }
  return <BookingForm lists={lists} visitor={visitor} prefill={readPrefill(params, lists)} />;
}

function BookingForm({ lists, visitor, prefill }: { lists: ListeningLists; visitor: VisitorDetail | null; prefill: Partial<BookingPrefill> }) {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { user } = useSession();
  const format = useDeskFormat();
  const firstKind = lists.kinds[0];
  const needsInterpreter = visitor?.fields.interpreterNeeded ? (visitor.fields.interpreterLanguage ?? null) : null;
  const form = useContractForm(bookingSchema, {
    defaultValues: {
      visitorId: visitor?.id,
      psychologistId: prefill.psychologistId ?? null,
      placeId: prefill.placeId ?? lists.places[0]?.id,
      roomId: prefill.roomId ?? null,
      startsAt: prefill.startsAt ?? '',
      minutes: firstKind?.defaultMinutes ?? 45,
      kindId: firstKind?.id,
      interpreterLanguage: needsInterpreter,
      interpreterId: null,
      overrideReason: null,
      repeat: null,
    },
  });
  const { watch, setValue, getValues } = form;
  const [picked, setPicked] = useState<FreeSlotView | null>(null);
  const [repeatEnd, setRepeatEnd] = useState<'count' | 'until'>('count');
  const submit = useRef<HTMLButtonElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const finder = useRef<SlotFinderHandle>(null);

  const visitorId = watch('visitorId');
  const kindId = watch('kindId');
  const placeId = watch('placeId');
  const psychologistId = watch('psychologistId');
  const interpreterLanguage = watch('interpreterLanguage');
  const repeat = watch('repeat');
  const place = lists.places.find((p) => p.id === placeId);
  // Overriding hours is the policy's (psychologists, administrators); the field appears once main says the slot is outside them.
  const mayOverride = mayOverrideHours(user.roles);
  const outsideHours = form.failure?.error.code === 'appointments.outsideHours' || watch('overrideReason') !== null;

  useEffect(() => {
    const kind = lists.kinds.find((k) => k.id === kindId);
    if (kind) setValue('minutes', kind.defaultMinutes);
  }, [kindId, lists.kinds, setValue]);

  // A clash marks the fields that clashed, and is said in full above the button, where the focus goes.
  const clashed = form.failure?.error.code === 'appointments.clash';
  const refusal = form.failure && (form.alert || clashed) ? bookingRefusal(t, form.failure.error, format.day) : null;
  const [clashes, setClashes] = useState(0);
  const sayRefusal = (error: ErrorInfo) => {
    if (error.code === 'appointments.clash') setClashes((n) => n + 1);
  };
  useEffect(() => {
    if (clashes === 0) return;
    // After the form's own move to the first wrong field: the sentence that names the clash is read first.
    // The slot finder looks again, so that the slot taken meanwhile leaves its list.
    const frame = requestAnimationFrame(() => {
      alertRef.current?.focus();
      finder.current?.findAgain();
    });
    return () => cancelAnimationFrame(frame);
  }, [clashes]);

  const query: SlotQuery | null =
    visitorId && kindId && placeId ? { visitorId, kindId, placeId, psychologistId: psychologistId ?? null, interpreterLanguage: interpreterLanguage ?? null } : null;

  const pick = (slot: FreeSlotView) => {
    setPicked(slot);
    setValue('startsAt', slot.startsWall, { shouldValidate: form.formState.submitCount > 0 });
    setValue('psychologistId', slot.psychologistId);
    setValue('placeId', slot.placeId);
    setValue('roomId', slot.roomId);
    setValue('interpreterId', slot.interpreterId);
    submit.current?.focus();
  };

  const interpreters = lists.interpreters.filter((i) => !interpreterLanguage || i.languages.includes(interpreterLanguage));
  const languageOptions = SPOKEN_LANGUAGES.map((code) => ({ value: code, label: t(`spokenLanguages.${code}`) }));

  return (
    <Stack maw={1200} gap="md">
      <Button component={Link} to="/appointments" variant="subtle" color="gray" leftSection={<Icon name="arrowBack" size={18} />} w="fit-content" px={6}>
        {t('appointments.backToSchedule')}
      </Button>
      <PageHeader title={t('appointments.book.title')} description={t('appointments.book.description')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder radius="lg" p="lg">
            <Form
              form={form}
              testId="booking-form"
              onSubmit={form.submitTo(
                (values) => api.appointments.book(values),
                (booked) => {
                  notify(t, 'success', t('appointments.book.done', { count: booked.length }));
                  void navigate(`/appointments/${booked[0].id}`);
                },
                sayRefusal,
              )}
            >
              <Stack gap="md">
                <VisitorPicker name="visitorId" control={form.control} label={t('appointments.book.visitor')} initial={visitor} />
                <Group grow align="flex-start">
                  <SelectField
                    name="kindId"
                    control={form.control}
                    numeric
                    label={t('appointments.book.kind')}
                    data={lists.kinds.map((k) => ({ value: String(k.id), label: kindLabel(t, k) }))}
                    allowDeselect={false}
                  />
                  <NumberField name="minutes" control={form.control} blankAs={undefined} label={t('appointments.book.minutesLabel')} min={5} step={5} />
                </Group>
                <Group grow align="flex-start">
                  <SelectField
                    name="placeId"
                    control={form.control}
                    numeric
                    label={t('appointments.book.place')}
                    data={lists.places.map((p) => ({ value: String(p.id), label: p.name }))}
                    allowDeselect={false}
                  />
                  <SelectField
                    name="roomId"
                    control={form.control}
                    numeric
                    clearable
                    label={t('appointments.book.room')}
                    placeholder={t('appointments.book.anyRoom')}
                    data={(place?.rooms ?? []).filter((r) => r.active).map((r) => ({ value: String(r.id), label: r.name }))}
                    clearButtonProps={{ 'aria-label': t('common.clear') }}
                  />
                </Group>
                <PsychologistField name="psychologistId" control={form.control} lists={lists} label={t('appointments.book.psychologist')} />
                <WallDateTimeField name="startsAt" control={form.control} dayLabel={t('appointments.book.day')} timeLabel={t('appointments.book.time')} />
                <Group grow align="flex-start">
                  <SelectField
                    name="interpreterLanguage"
                    control={form.control}
                    clearable
                    searchable
                    label={t('appointments.book.interpreterLanguage')}
                    description={needsInterpreter ? t('appointments.book.interpreterFromProfile') : undefined}
                    placeholder={t('appointments.book.noInterpreter')}
                    data={languageOptions}
                    clearButtonProps={{ 'aria-label': t('common.clear') }}
                  />
                  <SelectField
                    name="interpreterId"
                    control={form.control}
                    numeric
                    clearable
                    label={t('appointments.book.interpreter')}
                    placeholder={t('appointments.book.anyInterpreter')}
                    data={interpreters.map((i) => ({ value: String(i.id), label: i.name }))}
                    clearButtonProps={{ 'aria-label': t('common.clear') }}
                  />
                </Group>
                <Checkbox
                  label={t('appointments.book.repeat')}
                  checked={repeat !== null && repeat !== undefined}
                  onChange={(event) => {
                    setRepeatEnd('count');
                    setValue('repeat', event.currentTarget.checked ? { rule: 'weekly', count: 4, until: null } : null);
                  }}
                />
                {repeat ? (
                  <Stack gap="sm" ps="lg">
                    <RadioGroupField name="repeat.rule" control={form.control} label={t('appointments.book.repeatRule')}>
                      <Group gap="lg" mt={4}>
                        <Radio value="weekly" label={t('appointments.book.weekly')} />
                        <Radio value="fortnightly" label={t('appointments.book.fortnightly')} />
                      </Group>
                    </RadioGroupField>
                    <Radio.Group
                      label={t('appointments.book.repeatEnd')}
                      value={repeatEnd}
                      onChange={(next) => {
                        const end = next === 'until' ? 'until' : 'count';
                        setRepeatEnd(end);
                        setValue('repeat.count', end === 'count' ? 4 : null);
                        setValue('repeat.until', null);
                      }}
                    >
                      <Group gap="lg" mt={4}>
                        <Radio value="count" label={t('appointments.book.repeatCount')} />
                        <Radio value="until" label={t('appointments.book.repeatUntil')} />
                      </Group>
                    </Radio.Group>
                    {repeatEnd === 'count' ? (
                      <NumberField name="repeat.count" control={form.control} blankAs={null} label={t('appointments.book.occurrences')} min={2} max={52} w={200} />
                    ) : (
                      <DayField name="repeat.until" control={form.control} label={t('appointments.book.untilDay')} w={220} />
                    )}
                  </Stack>
                ) : null}
                {mayOverride && outsideHours ? (
                  <TextareaField
                    name="overrideReason"
                    control={form.control}
                    blankAs={null}
                    label={t('appointments.book.overrideReason')}
                    description={t('appointments.book.overrideHint')}
                    autosize
                    minRows={2}
                  />
                ) : null}
                <div ref={alertRef} tabIndex={-1} data-testid="booking-refusal">
                  <ErrorAlert message={refusal} />
                </div>
                {getValues('startsAt') && picked ? (
                  <Text size="sm" c="dimmed" role="status">
                    {t('appointments.book.slotChosen')}
                  </Text>
                ) : null}
                <Group justify="flex-end">
                  <Button ref={submit} type="submit" loading={form.busy} leftSection={<Icon name="calendarCheck" size={18} />}>
                    {t('appointments.book.submit')}
                  </Button>
                </Group>
              </Stack>
            </Form>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <SlotFinder ref={finder} query={query} onPick={pick} picked={picked} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
