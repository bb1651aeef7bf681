import { useEffect, useRef, type ReactNode } from 'react';
import type { FormErrors } from './form';

interface Props {
  errors: FormErrors;
  onSubmit(): void | Promise<void>;
  children: ReactNode;
  testId?: string;
}

/**
 * A form submitted with Enter or its button, checked by main rather than by the
 * browser (whose messages are not translated); after a failed try the focus goes
 * to the first field marked wrong, so the keyboard is right where it is needed.
 */
export function Form({ errors, onSubmit, children, testId }: Props) {
  const ref = useRef<HTMLFormElement>(null);
  const { attempt } = errors;
  useEffect(() => {
    if (attempt === 0) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);
  return (
    <form
      ref={ref}
      noValidate
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}
