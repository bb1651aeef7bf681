import { DateInput, MonthPickerInput, type DateInputProps, type MonthPickerInputProps } from '@mantine/dates';
import { useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { parseTypedDay } from './dates';
import { useBoundField, type Bound } from './fields';
import { useDeskFormat } from './format';

/**
 * Names for the calendar's arrows, which Mantine leaves unnamed. The button between them
 * keeps its own text (`décembre 2026`) as its name: a name that differs from what it shows
 * misleads those who speak to their computer.
 */
function useCalendarLabels() {
  const { t } = useTranslation();
  return {
    previousMonth: t('dates.previousMonth'),
    nextMonth: t('dates.nextMonth'),
    previousYear: t('dates.previousYear'),
    nextYear: t('dates.nextYear'),
    previousDecade: t('dates.previousDecade'),
    nextDecade: t('dates.nextDecade'),
  };
}

type Outside<P> = Omit<P, 'name' | 'value' | 'defaultValue' | 'onChange' | 'error' | 'valueFormat' | 'dateParser' | 'valueFormatter' | 'type'>;

/**
 * A calendar day (`YYYY-MM-DD`), typed or picked. A text box rather than a button that
 * opens a calendar (`DatePickerInput`): a desk worker types `1/12/2026` (day first, as in
 * Morocco) and moves on, without leaving the keyboard; the calendar under it is for the
 * mouse. What she typed is read as she types; once she leaves the box it shows the
 * app's day style (`1 déc. 2026`). A date past `maxDate` is not taken. `clearable` for an
 * optional date, which is then `clearedAs` (null, or undefined for a filter).
 */
export function DayField<T extends FieldValues>({ name, control, clearable, clearedAs = null, ...props }: Bound<T> & Outside<DateInputProps> & { clearedAs?: null | undefined }) {
  const { t } = useTranslation();
  const format = useDeskFormat();
  const ariaLabels = useCalendarLabels();
  const { field, ref, error } = useBoundField({ name, control });
  // Opened by a click only: a box that gets the focus (the page's first field, Tab, the
  // first wrong field after a try) must not cover the fields and errors under it.
  const [opened, setOpened] = useState(false);
  return (
    <DateInput
      placeholder={t('dates.dayPlaceholder')}
      {...props}
      ref={ref}
      value={(field.value as string | null | undefined) ?? null}
      onChange={(next) => {
        setOpened(false);
        field.onChange(next ?? clearedAs);
      }}
      onClick={() => setOpened(true)}
      onKeyDown={(event) => event.key === 'Escape' && setOpened(false)}
      onBlur={() => {
        setOpened(false);
        field.onBlur();
      }}
      error={error}
      valueFormat={format.day}
      dateParser={parseTypedDay}
      clearable={clearable}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      ariaLabels={ariaLabels}
      // Held clear of an error under the field (two lines at most), so that both are read.
      popoverProps={{ opened, offset: error ? 44 : 8 }}
    />
  );
}

/**
 * A month (`YYYY-MM`, as the contract has it; Mantine's pickers speak `YYYY-MM-01`), chosen
 * in a grid of the twelve months of the user's language: arrows move, Enter takes.
 */
export function MonthField<T extends FieldValues>({ name, control, clearable, ...props }: Bound<T> & Outside<MonthPickerInputProps>) {
  const { t } = useTranslation();
  const format = useDeskFormat();
  const ariaLabels = useCalendarLabels();
  const { field, ref, error } = useBoundField({ name, control });
  const month = field.value as string | null | undefined;
  return (
    <MonthPickerInput
      {...props}
      ref={ref}
      value={month ? `${month}-01` : null}
      onChange={(next) => field.onChange(next ? next.slice(0, 7) : null)}
      onBlur={field.onBlur}
      error={error}
      valueFormatter={({ date }) => (typeof date === 'string' ? format.month(date.slice(0, 7)) : '')}
      clearable={clearable}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      ariaLabels={ariaLabels}
    />
  );
}
