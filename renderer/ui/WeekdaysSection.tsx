import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useRef, type ReactNode } from 'react';
import { WEEKDAYS, type Weekday } from '../../shared/domain/listening';
import { useWeekdayNames } from './weekdays';

interface Props {
  /** The heading's id: the section is named by it. */
  id: string;
  title: string;
  hint: string;
  testId: string;
  rowTestId(day: Weekday): string;
  /** The day's name heads its row, at the height of its first line. */
  labelWidth: number;
  labelTop: number;
  /** What the day's row holds: its periods and the buttons that add one. */
  day(day: Weekday): ReactNode;
  /** Below the week: the form's alert and its button, where the section is a form of its own. */
  children?: ReactNode;
}

/** A week of hours, Monday first, one row a weekday: a place's opening hours, a person's weekly plan. */
export function WeekdaysSection({ id, title, hint, testId, rowTestId, labelWidth, labelTop, day: dayRow, children }: Props) {
  const { heading: days } = useWeekdayNames();
  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        </Stack>
        <Table verticalSpacing="sm" horizontalSpacing="sm" data-testid={testId}>
          <Table.Tbody>
            {WEEKDAYS.map((day) => (
              <Table.Tr key={day} data-testid={rowTestId(day)}>
                <Table.Th scope="row" w={labelWidth} pt={labelTop} style={{ verticalAlign: 'top' }}>
                  {days[day]}
                </Table.Th>
                <Table.Td>{dayRow(day)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * Each day's "add" button, so that the focus can go back to it when a period of that day is
 * removed (the removed line's own button is gone): `ref(day)` on the button, `focus(day)` after.
 */
export function useDayButtons(): { ref(day: Weekday): (button: HTMLButtonElement | null) => void; focus(day: Weekday): void } {
  const buttons = useRef(new Map<Weekday, HTMLButtonElement>());
  return {
    ref: (day) => (button) => {
      if (button) buttons.current.set(day, button);
      else buttons.current.delete(day);
    },
    focus: (day) => buttons.current.get(day)?.focus(),
  };
}
