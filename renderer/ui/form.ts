import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useMemo, useState, type BaseSyntheticEvent } from 'react';
import { useForm, type DefaultValues, type FieldPath, type FieldValues, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ErrorInfo, Result } from '../../shared/errors';
import { errorMessage, fieldMessage } from '../app/i18n';

/** A schema a form can hold: an object in, an object out (a contract's input, or one derived from it). */
export type FormSchema = z.ZodType<FieldValues, FieldValues>;

/** What main answered when a call failed, and when (a throttle counts its wait down from it). */
export interface MainFailure {
  error: ErrorInfo;
  at: number;
  /** The fields main named that this form does not hold: said above the button instead. */
  unshown: string[];
}

export interface ContractForm<I extends FieldValues, O> extends UseFormReturn<I, unknown, O> {
  /**
   * A submit handler: the schema checks the values, then `call` sends them to main. A
   * refusal lands in the form: each field main names gets its code (`setError`), anything
   * else becomes `alert`. `done` runs on success, `failed` after any refusal by main.
   */
  submitTo<T>(
    call: (values: O) => Promise<Result<T>>,
    done?: (value: T, values: O) => unknown,
    failed?: (error: ErrorInfo) => void,
  ): (event?: BaseSyntheticEvent) => Promise<void>;
  /** Main's last refusal, until the next try. */
  failure: MainFailure | null;
  /** The message for the whole form: a refusal not about one of its fields. */
  alert: string | null;
  /** True while the call is on its way. */
  busy: boolean;
}

/** The field of `values` an error path from main points at (`needs.2` is the `needs` field), or null. */
function fieldOf(values: FieldValues, path: string): string | null {
  let current: unknown = values;
  const held: string[] = [];
  for (const key of path.split('.')) {
    if (Array.isArray(current) && /^\d+$/.test(key)) break;
    if (typeof current !== 'object' || current === null || !Object.prototype.hasOwnProperty.call(current, key)) return null;
    current = (current as Record<string, unknown>)[key];
    held.push(key);
  }
  return held.length > 0 ? held.join('.') : null;
}

type ContractFormOptions<I extends FieldValues, O> = Omit<UseFormProps<I, unknown, O>, 'resolver' | 'defaultValues'> & {
  /** Every field the form holds, with its first value: a field main names is shown on the field of that path. */
  defaultValues: DefaultValues<I>;
};

/**
 * A form on react-hook-form whose only rules are `schema`: the contract's input schema,
 * or one derived from it (`.pick`, `.omit`, `.extend`, `.refine`), so that the person is
 * told as she types what main would refuse. Errors first appear when she submits, then
 * follow her typing. Field codes read through `fieldMessage`, other codes `errorMessage`.
 */
export function useContractForm<S extends FormSchema>(
  schema: S,
  options: ContractFormOptions<z.input<S>, z.output<S>>,
): ContractForm<z.input<S>, z.output<S>> {
  const { t } = useTranslation();
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    // `Form` focuses the first wrong field in the order the person sees them.
    shouldFocusError: false,
    ...options,
    resolver: zodResolver(schema),
  });
  const [failure, setFailure] = useState<MainFailure | null>(null);
  const { getValues, setError, handleSubmit } = form;

  const refuse = useCallback(
    (error: ErrorInfo) => {
      const values = getValues();
      const unshown: string[] = [];
      for (const [path, code] of Object.entries(error.fields ?? {})) {
        const field = fieldOf(values, path);
        if (field) setError(field as FieldPath<z.input<S>>, { type: 'main', message: code });
        else unshown.push(path);
      }
      setFailure({ error, at: Date.now(), unshown });
    },
    [getValues, setError],
  );

  const submitTo = useCallback(
    <T>(call: (values: z.output<S>) => Promise<Result<T>>, done?: (value: T, values: z.output<S>) => unknown, failed?: (error: ErrorInfo) => void) =>
      handleSubmit(
        async (values) => {
          setFailure(null);
          const result = await call(values);
          if (!result.ok) {
            refuse(result.error);
            failed?.(result.error);
            return;
          }
          await done?.(result.value, values);
        },
        () => setFailure(null),
      ),
    [handleSubmit, refuse],
  );

  const alert = useMemo(() => {
    if (!failure) return null;
    const { error, unshown } = failure;
    const named = Object.keys(error.fields ?? {});
    if (named.length > 0 && unshown.length === 0) return null;
    if (error.code === 'call.invalidInput' && unshown.length > 0) return fieldMessage(t, error.fields?.[unshown[0]] ?? 'invalid');
    return errorMessage(t, error);
  }, [failure, t]);

  return { ...form, submitTo, failure, alert, busy: form.formState.isSubmitting };
}

/** Descriptions under their inputs: a row of inputs stays aligned whatever each one says. */
export const DESCRIPTION_BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];
