import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../shared/errors';
import { errorMessage, fieldMessage } from '../app/i18n';

export interface FormErrors {
  /** The translated message under one field, if main (or the form) found a problem there. */
  field(name: string): string | undefined;
  /** A message for the whole form: an error without fields, or about a field this form does not show. */
  alert: string | null;
  /** The raw error, for forms that react to a code (a throttle countdown). */
  error: ErrorInfo | null;
  /** When that error came back (Date.now()), to count a wait down from. */
  failedAt: number | null;
  /** Counts the failed submissions, so that the form can move the focus to the first wrong field. */
  attempt: number;
  fail(error: ErrorInfo): void;
  /** A problem found before calling main (a confirmation that does not match). */
  failField(name: string, code: string): void;
  clear(): void;
}

/**
 * Holds what went wrong with a form's last submission. Field codes are translated
 * under `fields.`; everything else under `errors.`, so no code reaches the screen.
 */
export function useFormErrors(shownFields: readonly string[]): FormErrors {
  const { t } = useTranslation();
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [failedAt, setFailedAt] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [local, setLocal] = useState<Record<string, string>>({});
  const shownKey = shownFields.join('|');

  const fields = useMemo(() => ({ ...(error?.fields ?? {}), ...local }), [error, local]);

  const alert = useMemo(() => {
    if (!error) return null;
    const shown = shownKey.split('|');
    const unshown = Object.keys(error.fields ?? {}).filter((name) => !shown.includes(name));
    if (error.fields && Object.keys(error.fields).length > 0 && unshown.length === 0) return null;
    if (error.code === 'call.invalidInput' && unshown.length > 0) return fieldMessage(t, error.fields?.[unshown[0]] ?? 'invalid');
    return errorMessage(t, error);
  }, [error, shownKey, t]);

  const field = useCallback((name: string) => (fields[name] ? fieldMessage(t, fields[name]) : undefined), [fields, t]);
  const fail = useCallback((next: ErrorInfo) => {
    setLocal({});
    setError(next);
    setFailedAt(Date.now());
    setAttempt((count) => count + 1);
  }, []);
  const failField = useCallback((name: string, code: string) => {
    setLocal((current) => ({ ...current, [name]: code }));
    setAttempt((count) => count + 1);
  }, []);
  const clear = useCallback(() => {
    setError(null);
    setFailedAt(null);
    setLocal({});
  }, []);

  return { field, alert, error, failedAt, attempt, fail, failField, clear };
}

/** Descriptions under their inputs: a row of inputs stays aligned whatever each one says. */
export const DESCRIPTION_BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];
