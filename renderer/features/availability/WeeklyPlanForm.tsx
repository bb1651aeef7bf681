import { Button, Group, Stack, Text } from '@mantine/core';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { WEEKDAYS, type AvailabilityOwner, type AvailabilityView, type PlaceView, type PlanPeriod, type Weekday } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { Icon } from '../../ui/icons';
import { notify } from '../../ui/notify';
import { EMPTY_TIME } from '../../ui/time-fields';
import { useWeekdayNames } from '../../ui/weekdays';
import { useDayButtons, WeekdaysSection } from '../../ui/WeekdaysSection';
import { periodsOf } from '../places/hours';
import { PlanPeriodRow } from './PlanPeriodRow';

const planSchema = contract['availability.setPlan'].input;

interface Props {
  owner: AvailabilityOwner;
  plan: PlanPeriod[];
  places: PlaceView[];
  onSaved(view: AvailabilityView): void;
}

/**
 * The weekly plan, weekday by weekday: working periods, each at a place, and breaks. Saved
 * as a whole (`availability.setPlan`). A day can take the one before's periods in one key
 * press, so that a week of the same hours is typed once.
 */
export function WeeklyPlanForm({ owner, plan, places, onSaved }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const { inSentence: dayInSentence } = useWeekdayNames();
  const form = useContractForm(planSchema, {
    defaultValues: { owner, plan: WEEKDAYS.flatMap((day) => periodsOf(plan, day, (p) => p.starts)) },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'plan' });
  const adds = useDayButtons();
  const firstPlace = places.find((p) => p.active)?.id ?? null;
  const submit = form.submitTo(
    (values) => api.availability.setPlan(values),
    (view) => {
      form.reset({ owner, plan: WEEKDAYS.flatMap((day) => periodsOf(view.plan, day, (p) => p.starts)) });
      notify(t, 'success', t('availability.plan.saved'));
      onSaved(view);
    },
  );

  const indicesOf = (day: Weekday) => fields.map((field, index) => ({ field, index })).filter(({ field }) => field.weekday === day);

  const addPeriod = (day: Weekday, kind: PlanPeriod['kind']) => {
    append(
      { weekday: day, kind, placeId: kind === 'work' ? firstPlace : null, starts: EMPTY_TIME, ends: EMPTY_TIME },
      { focusName: `plan.${fields.length}.starts` },
    );
  };

  /** This day gets the day before's periods, as they stand in the form. */
  const copyPrevious = (day: Weekday) => {
    const values = form.getValues('plan');
    const previous = values.filter((p) => p.weekday === day - 1);
    remove(indicesOf(day).map(({ index }) => index));
    append(previous.map((p) => ({ ...p, weekday: day })), { shouldFocus: false });
  };

  return (
    <Form form={form} onSubmit={submit} testId="weekly-plan-form">
      <WeekdaysSection
        id="availability-plan"
        title={t('availability.plan.title')}
        hint={t('availability.plan.hint')}
        testId="weekly-plan"
        rowTestId={(day) => `plan-day-${day}`}
        labelWidth={120}
        labelTop={18}
        day={(day) => {
          const periods = indicesOf(day);
          const previousHasPeriods = day > 1 && fields.some((f) => f.weekday === day - 1);
          return (
            <Stack gap="xs">
              {periods.map(({ field, index }, n) => (
                <PlanPeriodRow
                  key={field.id}
                  control={form.control}
                  index={index}
                  kind={field.kind ?? 'work'}
                  dayName={dayInSentence[day]}
                  number={n + 1}
                  places={places}
                  onRemove={() => {
                    remove(index);
                    adds.focus(day);
                  }}
                />
              ))}
              <Group gap={4}>
                {periods.length === 0 ? (
                  <Text size="sm" c="dimmed" me="sm">
                    {t('availability.plan.dayOff')}
                  </Text>
                ) : null}
                <Button
                  ref={adds.ref(day)}
                  variant="subtle"
                  size="xs"
                  leftSection={<Icon name="plus" size={16} />}
                  aria-label={t('availability.plan.addWorkOn', { day: dayInSentence[day] })}
                  onClick={() => addPeriod(day, 'work')}
                >
                  {t('availability.plan.addWork')}
                </Button>
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<Icon name="plus" size={16} />}
                  aria-label={t('availability.plan.addBreakOn', { day: dayInSentence[day] })}
                  onClick={() => addPeriod(day, 'break')}
                >
                  {t('availability.plan.addBreak')}
                </Button>
                {previousHasPeriods ? (
                  <Button variant="subtle" size="xs" color="gray" leftSection={<Icon name="history" size={16} />} onClick={() => copyPrevious(day)}>
                    {t('availability.plan.sameAs', { day: dayInSentence[(day - 1) as Weekday] })}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          );
        }}
      >
        <ErrorAlert message={form.alert} />
        <Group>
          <Button type="submit" loading={form.busy}>
            {t('availability.plan.save')}
          </Button>
        </Group>
      </WeekdaysSection>
    </Form>
  );
}
