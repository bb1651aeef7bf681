import { Group } from '@mantine/core';
import { DateInput, TimePicker } from '@mantine/dates';
import { useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { parseTypedDay } from '../../ui/dates';
import { useBoundField, type Bound } from '../../ui/fields';
import { useDeskFormat } from '../../ui/format';

/**
 * A wall-clock moment on the desk's clock (`YYYY-MM-DDTHH:MM`, as the contract takes it): the
 * day typed or picked as everywhere else (`DayField`'s way), the time in Mantine's time
 * picker, 24-hour. Until both are whole the field holds nothing, so the schema says what lacks.
 */
export function WallDateTimeField<T extends FieldValues>({ name, control, dayLabel, timeLabel }: Bound<T> & { dayLabel: string; timeLabel: string }) {
  const { t } = useTranslation();
  const format = useDeskFormat();
  const { field, ref, error } = useBoundField({ name, control });
  const value = (field.value as string | null | undefined) ?? '';
  const [typedDay, setTypedDay] = useState<string | null>(null);
  const [typedTime, setTypedTime] = useState<string | null>(null);
  const day = value ? value.slice(0, 10) : typedDay;
  const time = value ? value.slice(11, 16) : typedTime;
  const [opened, setOpened] = useState(false);

  const change = (nextDay: string | null, nextTime: string | null) => {
    setTypedDay(nextDay);
    setTypedTime(nextTime);
    field.onChange(nextDay && nextTime && /^\d{2}:\d{2}/.test(nextTime) ? `${nextDay}T${nextTime.slice(0, 5)}` : '');
  };

  return (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <DateInput
        ref={ref}
        label={dayLabel}
        placeholder={t('dates.dayPlaceholder')}
        value={day}
        onChange={(next) => {
          setOpened(false);
          change(next, time);
        }}
        onClick={() => setOpened(true)}
        onKeyDown={(event) => event.key === 'Escape' && setOpened(false)}
        onBlur={() => {
          setOpened(false);
          field.onBlur();
        }}
        valueFormat={format.day}
        dateParser={parseTypedDay}
        error={error}
        popoverProps={{ opened }}
        w={200}
        data-testid="booking-day"
      />
      <TimePicker
        label={timeLabel}
        value={time ?? ''}
        onChange={(next) => change(day, next || null)}
        format="24h"
        minutesStep={5}
        hoursInputLabel={t('appointments.book.hours')}
        minutesInputLabel={t('appointments.book.minutes')}
        w={150}
        // Hours then minutes, left to right, in Arabic too (as the clock is written in Morocco).
        dir="ltr"
        classNames={{ field: 'guichet-time-field', fieldsGroup: 'guichet-time-fields' }}
        data-testid="booking-time"
      />
    </Group>
  );
}
