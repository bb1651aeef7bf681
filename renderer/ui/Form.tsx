import { useEffect, useRef, type BaseSyntheticEvent, type ReactNode } from 'react';
import { FormProvider, type FieldValues } from 'react-hook-form';
import type { ContractForm } from './form';

interface Props<I extends FieldValues, O> {
  form: ContractForm<I, O>;
  onSubmit(event?: BaseSyntheticEvent): Promise<void>;
  children: ReactNode;
  testId?: string;
}

/**
 * A form submitted with Enter or its button, checked by its schema and by main rather
 * than by the browser (whose messages are not translated). After a failed try the focus
 * goes to the first field marked wrong, in the order the person sees them, so the
 * keyboard is right where it is needed. The fields inside find the form by context.
 */
export function Form<I extends FieldValues, O>({ form, onSubmit, children, testId }: Props<I, O>) {
  const ref = useRef<HTMLFormElement>(null);
  // Once a try is over: react-hook-form publishes the schema's errors with the new count,
  // after its own callbacks, and main's (setError) before it, so both are on screen by then.
  const { submitCount } = form.formState;
  useEffect(() => {
    if (submitCount === 0) return;
    // The first that takes the focus: a composite field (hours and minutes) marks its frame too.
    for (const marked of ref.current?.querySelectorAll<HTMLElement>('[aria-invalid="true"]') ?? []) {
      marked.focus();
      if (document.activeElement === marked) break;
    }
  }, [submitCount]);
  return (
    <FormProvider {...form}>
      <form ref={ref} noValidate data-testid={testId} onSubmit={(event) => void onSubmit(event)}>
        {children}
      </form>
    </FormProvider>
  );
}
