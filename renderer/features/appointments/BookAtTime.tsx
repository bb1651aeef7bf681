import { Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { bookingLink } from './prefill';

interface Column {
  id: number;
  title: string;
}

interface Props {
  placeId: number;
  /** The desk days the grid shows (one, or a week's seven). */
  days: string[];
  /** The day picked first: the one shown, or today within the week. */
  day: string;
  /** The grid's columns: psychologists or rooms. */
  columns: Column[];
  columnKind: 'psychologist' | 'room';
  /** The grid's hours: the times offered, every quarter of an hour. */
  fromHour: number;
  toHour: number;
}

function quarters(fromHour: number, toHour: number): string[] {
  const times: string[] = [];
  for (let minutes = fromHour * 60; minutes < toHour * 60; minutes += 15) {
    times.push(`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
  }
  return times;
}

/**
 * The keyboard's way to what a click on an empty slot of the grid does: a day, a time and a
 * column, then the booking page opens with them (the grid's own slots take no focus).
 */
export function BookAtTime({ placeId, days, day, columns, columnKind, fromHour, toHour }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useDeskFormat();
  const [pickedDay, setPickedDay] = useState<string | null>(null);
  const [time, setTime] = useState('09:00');
  const [column, setColumn] = useState<string | null>(null);
  const chosenDay = pickedDay && days.includes(pickedDay) ? pickedDay : day;
  const chosenColumn = columns.some((c) => String(c.id) === column) ? Number(column) : (columns[0]?.id ?? null);
  const book = () => {
    const columnId = chosenColumn;
    void navigate(
      bookingLink({
        placeId,
        startsAt: `${chosenDay}T${time}`,
        psychologistId: columnKind === 'psychologist' ? columnId : null,
        roomId: columnKind === 'room' ? columnId : null,
      }),
    );
  };
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="book-at-time-title" className="no-print" data-testid="book-at-time">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Stack gap={2} w={210} style={{ alignSelf: 'center' }}>
          <Text id="book-at-time-title" size="sm" fw={600}>
            {t('scheduleBooking.atTime.title')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('scheduleBooking.atTime.hint')}
          </Text>
        </Stack>
        {days.length > 1 ? (
          <Select
            label={t('scheduleBooking.atTime.day')}
            data={days.map((d) => ({ value: d, label: format.day(d) }))}
            value={chosenDay}
            onChange={(next) => next && setPickedDay(next)}
            allowDeselect={false}
            w={180}
          />
        ) : null}
        <Select
          label={t('scheduleBooking.atTime.time')}
          data={quarters(fromHour, toHour)}
          value={time}
          onChange={(next) => next && setTime(next)}
          allowDeselect={false}
          // Typed whole ("14:30"): what is there is replaced, and the first match taken by Enter.
          searchable
          selectFirstOptionOnChange
          onFocus={(event) => event.currentTarget.select()}
          w={120}
        />
        <Select
          label={t(columnKind === 'psychologist' ? 'scheduleBooking.atTime.psychologist' : 'scheduleBooking.atTime.room')}
          data={columns.map((c) => ({ value: String(c.id), label: c.title }))}
          value={chosenColumn === null ? null : String(chosenColumn)}
          onChange={(next) => next && setColumn(next)}
          allowDeselect={false}
          w={190}
        />
        <Button variant="light" onClick={book} leftSection={<Icon name="plus" size={18} />}>
          {t('scheduleBooking.atTime.book')}
        </Button>
      </Group>
    </Paper>
  );
}
