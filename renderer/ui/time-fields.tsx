import { TimeInput, type TimeInputProps } from '@mantine/dates';
import type { FieldValues } from 'react-hook-form';
import { useBoundField, type Bound } from './fields';

/** A new, empty time box, typed as the schema's string: the schema answers `required` for it, as for a box emptied by hand. */
export const EMPTY_TIME = null as unknown as string;

type Outside<P> = Omit<P, 'name' | 'value' | 'defaultValue' | 'onChange' | 'error' | 'withSeconds' | 'type'>;

/**
 * A wall-clock time (`HH:MM`, the desk's clock), typed: Mantine's `TimeInput`, the
 * browser's own time box, which takes `0930` digit by digit and the arrows, in one stop
 * of the Tab key. Hours and minutes stay in that order in Arabic too (`dir="ltr"`, as the
 * desk writes times). An empty or half-typed box is null: "required", not "invalid".
 */
export function TimeField<T extends FieldValues>({ name, control, ...props }: Bound<T> & Outside<TimeInputProps>) {
  const { field, ref, error } = useBoundField({ name, control });
  return (
    <TimeInput
      {...props}
      ref={ref}
      name={field.name}
      dir="ltr"
      value={(field.value as string | null | undefined) ?? ''}
      onChange={(event) => field.onChange(event.currentTarget.value === '' ? null : event.currentTarget.value.slice(0, 5))}
      onBlur={field.onBlur}
      error={error}
    />
  );
}
