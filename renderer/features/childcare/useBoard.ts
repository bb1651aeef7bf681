import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildcareBoard } from '../../../shared/domain/childcare';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';

/** How often the board asks again: a child overdue at the end of her slot shows without a reload. */
const REFRESH_MS = 60_000;

/** The childcare board of the desk's today, as main reads it (its clock), read again every minute and on `reload`. */
export function useBoard(enabled = true): { board: ChildcareBoard | null; error: string | null; reload(): void } {
  const { t } = useTranslation();
  const api = useApi();
  const [board, setBoard] = useState<ChildcareBoard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    void api.childcare.board({ day: null }).then((result) => {
      if (!result.ok) return setError(errorMessage(t, result.error));
      setError(null);
      setBoard(result.value);
    });
  }, [api, t]);
  useEffect(() => {
    if (!enabled) return;
    reload();
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [enabled, reload]);
  return { board, error, reload };
}
