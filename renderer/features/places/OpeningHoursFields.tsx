import { ActionIcon, Button, Group, Stack, Text } from '@mantine/core';
import { flushSync } from 'react-dom';
import { useFieldArray, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { contract } from '../../../shared/contract';
import type { Weekday } from '../../../shared/domain/listening';
import { Icon } from '../../ui/icons';
import { EMPTY_TIME, TimeField } from '../../ui/time-fields';
import { useWeekdayNames } from '../../ui/weekdays';
import { useDayButtons, WeekdaysSection } from '../../ui/WeekdaysSection';

type PlaceInput = z.input<(typeof contract)['places.create']['input']>;
type PlaceOutput = z.output<(typeof contract)['places.create']['input']>;

/**
 * The place's opening hours, weekday by weekday: as many periods a day as it opens (a
 * morning and an afternoon), none on a closed day. The form keeps one list; each period
 * shows in its weekday's row, where it was added.
 */
export function OpeningHoursFields({ control }: { control: Control<PlaceInput, unknown, PlaceOutput> }) {
  const { t } = useTranslation();
  const { inSentence: dayInSentence } = useWeekdayNames();
  const { fields, append, remove } = useFieldArray({ control, name: 'hours' });
  const adds = useDayButtons();
  // Beside the day's last period, or its "closed": one line per day.
  const addButton = (day: Weekday) => (
    <Button
      ref={adds.ref(day)}
      variant="subtle"
      size="xs"
      mt={6}
      leftSection={<Icon name="plus" size={16} />}
      aria-label={t('places.hours.addOn', { day: dayInSentence[day] })}
      onClick={() => append({ weekday: day, opens: EMPTY_TIME, closes: EMPTY_TIME }, { focusName: `hours.${fields.length}.opens` })}
    >
      {t('places.hours.add')}
    </Button>
  );

  return (
    <WeekdaysSection
      id="place-hours"
      title={t('places.hours.title')}
      hint={t('places.hours.hint')}
      testId="opening-hours"
      rowTestId={(day) => `hours-day-${day}`}
      labelWidth={140}
      labelTop={16}
      day={(day) => {
        const periods = fields.map((field, index) => ({ field, index })).filter(({ field }) => field.weekday === day);
        return (
          <Stack gap="xs">
            {periods.map(({ field, index }, n) => (
              <Group key={field.id} gap="xs" align="flex-start" wrap="nowrap">
                <TimeField control={control} name={`hours.${index}.opens`} aria-label={t('places.hours.opensOn', { day: dayInSentence[day], number: n + 1 })} w={120} />
                <Text pt={6} aria-hidden="true">
                  –
                </Text>
                <TimeField control={control} name={`hours.${index}.closes`} aria-label={t('places.hours.closesOn', { day: dayInSentence[day], number: n + 1 })} w={120} />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  mt={1}
                  aria-label={t('places.hours.remove', { day: dayInSentence[day], number: n + 1 })}
                  onClick={() => {
                    // The day's add button moves to its new last line: drawn first, then focused.
                    flushSync(() => remove(index));
                    adds.focus(day);
                  }}
                >
                  <Icon name="x" />
                </ActionIcon>
                {n === periods.length - 1 ? addButton(day) : null}
              </Group>
            ))}
            {periods.length === 0 ? (
              <Group gap="sm">
                <Text size="sm" c="dimmed">
                  {t('places.hours.closed')}
                </Text>
                {addButton(day)}
              </Group>
            ) : null}
          </Stack>
        );
      }}
    />
  );
}
