import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useRef } from 'react';
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
  const { heading: days, inSentence: dayInSentence } = useWeekdayNames();
  const form = useContractForm(planSchema, {
    defaultValues: { owner, plan: WEEKDAYS.flatMap((day) => periodsOf(plan, day, (p) => p.starts)) },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'plan' });
  const adds = useRef(new Map<Weekday, HTMLButtonElement>());
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
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="availability-plan">
      <Form form={form} onSubmit={submit} testId="weekly-plan-form">
        <Stack gap="md">
          <Stack gap={2}>
            <Title order={2} size="h4" id="availability-plan">
              {t('availability.plan.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('availability.plan.hint')}
            </Text>
          </Stack>
          <Table verticalSpacing="sm" horizontalSpacing="sm" data-testid="weekly-plan">
            <Table.Tbody>
              {WEEKDAYS.map((day) => {
                const periods = indicesOf(day);
                const previousHasPeriods = day > 1 && fields.some((f) => f.weekday === day - 1);
                return (
                  <Table.Tr key={day} data-testid={`plan-day-${day}`}>
                    <Table.Th scope="row" w={120} pt={18} style={{ verticalAlign: 'top' }}>
                      {days[day]}
                    </Table.Th>
                    <Table.Td>
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
                              adds.current.get(day)?.focus();
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
                            ref={(button) => {
                              if (button) adds.current.set(day, button);
                              else adds.current.delete(day);
                            }}
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
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <ErrorAlert message={form.alert} />
          <Group>
            <Button type="submit" loading={form.busy}>
              {t('availability.plan.save')}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
