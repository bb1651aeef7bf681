import { TimePicker, type TimePickerProps } from '@mantine/dates';
import { useId } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useBoundField, type Bound } from './fields';

/** A new, empty time box, typed as the schema's string: the schema answers `required` for it, as for a box emptied by hand. */
export const EMPTY_TIME = null as unknown as string;

type Outside<P> = Omit<
  P,
  'name' | 'value' | 'defaultValue' | 'onChange' | 'error' | 'withSeconds' | 'format' | 'type' | 'label' | 'hoursInputLabel' | 'minutesInputLabel'
>;

interface Named {
  /** Shown above the box; or, in a row of boxes, `aria-label` alone. Either names the hours. */
  label?: string;
  'aria-label'?: string;
}

/**
 * A wall-clock time (`HH:MM`, the desk's clock, 24 hours as in Morocco), typed: Mantine's
 * `TimePicker`, rather than the browser's time box, which writes `09:00 AM` in whatever
 * language the system has, not the user's. One stop of the Tab key: she types `0900` and
 * the minutes follow the hours by themselves; the arrows step. Hours stay before minutes
 * in Arabic too. An empty or half-typed time is null: "required", not "invalid".
 */
export function TimeField<T extends FieldValues>({ name, control, label, 'aria-label': ariaLabel, ...props }: Bound<T> & Outside<TimePickerProps> & Named) {
  const { t } = useTranslation();
  const id = useId();
  const { field, ref, error } = useBoundField({ name, control });
  const named = label ?? ariaLabel ?? '';
  // The error under the box belongs to both halves: marked and described on each.
  const marks = { 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
  return (
    <TimePicker
      size="sm"
      {...props}
      id={id}
      label={label}
      format="24h"
      hoursRef={ref}
      hoursInputLabel={named}
      minutesInputLabel={t('dates.minutesOf', { field: named })}
      // Mantine's two-digit box (2ch) clips the last digit of the app's fonts.
      styles={{ field: { width: 'calc(2ch + 0.9em)' } }}
      hoursInputProps={marks}
      minutesInputProps={marks}
      name={field.name}
      value={(field.value as string | null | undefined) ?? ''}
      onChange={(next) => field.onChange(next === '' ? null : next)}
      onBlur={field.onBlur}
      error={error}
    />
  );
}
