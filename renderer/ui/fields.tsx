import {
  Checkbox,
  MultiSelect,
  NumberInput,
  PasswordInput,
  Radio,
  Select,
  Textarea,
  TextInput,
  type CheckboxGroupProps,
  type CheckboxProps,
  type MultiSelectProps,
  type NumberInputProps,
  type PasswordInputProps,
  type RadioGroupProps,
  type SelectProps,
  type TextareaProps,
  type TextInputProps,
} from '@mantine/core';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldMessage } from '../app/i18n';

/**
 * Mantine's inputs bound to a field of the form around them (`Form` provides it), by its
 * path: the value, the change, the blur, the ref (focus) and the translated error come
 * from react-hook-form. Passing `control` checks the path against the form's type.
 */
export interface Bound<T extends FieldValues> {
  name: FieldPath<T>;
  control?: Control<T, unknown, unknown>;
}

/** The field's state and its error in words. */
export function useBoundField<T extends FieldValues>({ name, control }: Bound<T>) {
  const { t } = useTranslation();
  const { field, fieldState } = useController<T, FieldPath<T>, unknown>({ name, control });
  const code = fieldState.error?.message;
  // The ref apart: React's lint takes an object holding one for a ref itself.
  const { ref, ...state } = field;
  return { field: state, ref, error: code ? fieldMessage(t, code) : undefined };
}

type Outside<P> = Omit<P, 'name' | 'value' | 'defaultValue' | 'onChange' | 'error'>;

interface TextOptions {
  /** What an empty (or all-blank) box means, for a field that may be null. */
  blankAs?: null;
  /** Applied as she types (capitals for a code). */
  normalise?(text: string): string;
}

/** Text as typed. */
export function TextField<T extends FieldValues>({ name, control, blankAs, normalise, ...props }: TextFieldProps<T>) {
  const { field, ref, error } = useBoundField({ name, control });
  return (
    <TextInput
      {...props}
      ref={ref}
      name={field.name}
      value={(field.value as string | null | undefined) ?? ''}
      onChange={(event) => {
        const text = normalise ? normalise(event.currentTarget.value) : event.currentTarget.value;
        field.onChange(blankAs === null && text.trim() === '' ? null : text);
      }}
      onBlur={field.onBlur}
      error={error}
    />
  );
}

type TextFieldProps<T extends FieldValues> = Bound<T> & Outside<TextInputProps> & TextOptions;

/**
 * A login: Latin letters left to right even in an Arabic page, and the browser neither
 * capitalises nor corrects it. `autoComplete` is the caller's: her own login, or another's.
 */
export function LoginField<T extends FieldValues>(props: TextFieldProps<T>) {
  return <TextField {...props} dir="ltr" autoCapitalize="none" spellCheck={false} />;
}

/** The organisation's recovery key: groups of capitals in a fixed-width face, never remembered by the browser. */
export function RecoveryKeyField<T extends FieldValues>(props: TextFieldProps<T>) {
  return <TextField className="guichet-code-input" {...props} dir="ltr" autoComplete="off" autoCapitalize="characters" spellCheck={false} />;
}

export function TextareaField<T extends FieldValues>({ name, control, blankAs, ...props }: Bound<T> & Outside<TextareaProps> & Omit<TextOptions, 'normalise'>) {
  const { field, ref, error } = useBoundField({ name, control });
  return (
    <Textarea
      {...props}
      ref={ref}
      name={field.name}
      value={(field.value as string | null | undefined) ?? ''}
      onChange={(event) => {
        const text = event.currentTarget.value;
        field.onChange(blankAs === null && text.trim() === '' ? null : text);
      }}
      onBlur={field.onBlur}
      error={error}
    />
  );
}

/** A password input whose show/hide button has a name (screen readers, axe). */
export function PasswordField<T extends FieldValues>({ name, control, ...props }: Bound<T> & Outside<PasswordInputProps>) {
  const { t } = useTranslation();
  const { field, ref, error } = useBoundField({ name, control });
  return (
    <PasswordInput
      visibilityToggleButtonProps={{ 'aria-label': t('password.toggle') }}
      {...props}
      ref={ref}
      name={field.name}
      value={(field.value as string | undefined) ?? ''}
      onChange={(event) => field.onChange(event.currentTarget.value)}
      onBlur={field.onBlur}
      error={error}
    />
  );
}

/** A whole number. `blankAs` is what an empty box means: null (not known) or undefined (the schema's default). */
export function NumberField<T extends FieldValues>({ name, control, blankAs, ...props }: Bound<T> & Outside<NumberInputProps> & { blankAs: null | undefined }) {
  const { field, ref, error } = useBoundField({ name, control });
  const value = field.value as number | null | undefined;
  return (
    <NumberInput
      {...props}
      ref={ref}
      name={field.name}
      value={value ?? ''}
      onChange={(next) => field.onChange(typeof next === 'number' ? next : blankAs)}
      onBlur={field.onBlur}
      error={error}
    />
  );
}

interface ChoiceOptions {
  /** For ids: the list speaks strings, the contract numbers. */
  numeric?: boolean;
  /** What no choice is: null, or undefined for a field the schema leaves out (a filter). */
  clearedAs?: null | undefined;
}

/** One choice of a list. */
export function SelectField<T extends FieldValues>({ name, control, numeric, clearedAs = null, ...props }: Bound<T> & Outside<SelectProps> & ChoiceOptions) {
  const { field, ref, error } = useBoundField({ name, control });
  const value = field.value as string | number | null | undefined;
  return (
    <Select
      {...props}
      ref={ref}
      name={field.name}
      value={value === null || value === undefined ? null : String(value)}
      onChange={(next) => field.onChange(next === null ? clearedAs : numeric ? Number(next) : next)}
      onBlur={field.onBlur}
      error={error}
    />
  );
}

export function MultiSelectField<T extends FieldValues>({ name, control, ...props }: Bound<T> & Outside<MultiSelectProps>) {
  const { field, ref, error } = useBoundField({ name, control });
  return (
    <MultiSelect
      {...props}
      ref={ref}
      name={field.name}
      value={(field.value as string[] | undefined) ?? []}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={error}
    />
  );
}

export function CheckboxField<T extends FieldValues>({ name, control, ...props }: Bound<T> & Omit<CheckboxProps, 'name' | 'checked' | 'onChange' | 'error'>) {
  const { field, ref, error } = useBoundField({ name, control });
  return (
    <Checkbox
      {...props}
      ref={ref}
      name={field.name}
      checked={(field.value as boolean | undefined) ?? false}
      onChange={(event) => field.onChange(event.currentTarget.checked)}
      onBlur={field.onBlur}
      error={error}
    />
  );
}

/** Several choices, each a `Checkbox` among the children. */
export function CheckboxGroupField<T extends FieldValues>({ name, control, ...props }: Bound<T> & Outside<CheckboxGroupProps>) {
  const { field, ref, error } = useBoundField({ name, control });
  return <Checkbox.Group {...props} ref={ref} value={(field.value as string[] | undefined) ?? []} onChange={field.onChange} error={error} />;
}

/** One choice, each a `Radio` among the children. */
export function RadioGroupField<T extends FieldValues>({ name, control, ...props }: Bound<T> & Outside<RadioGroupProps>) {
  const { field, ref, error } = useBoundField({ name, control });
  return <Radio.Group {...props} ref={ref} name={field.name} value={(field.value as string | null | undefined) ?? ''} onChange={field.onChange} error={error} />;
}
