import { useMemo } from 'react';
import { useDesk, useSession } from '../app/desk';
import { deskFormat, type DeskFormat } from './dates';

/** Dates in the user's language and the desk's time zone: one style per kind of value (see `deskFormat`). */
export function useDeskFormat(): DeskFormat {
  const { language } = useDesk();
  const { timeZone } = useSession();
  return useMemo(() => deskFormat(language, timeZone), [language, timeZone]);
}
