import { useMemo } from 'react';
import { DEFAULT_TIME_ZONE } from '../../../shared/domain/settings';
import { useDesk } from '../../app/desk';
import { deskFormat, type DeskFormat } from '../../ui/dates';

export interface BackupFormat extends DeskFormat {
  bytes(count: number): string;
  count(value: number): string;
}

const UNITS = [
  ['gigabyte', 1e9],
  ['megabyte', 1e6],
  ['kilobyte', 1e3],
] as const;

/**
 * Dates in the desk's format, sizes and counts in her language. On a new machine (the
 * first run) there is no session yet: the desk's zone is the default one until a backup brings its own.
 */
export function useBackupFormat(): BackupFormat {
  const { language, status } = useDesk();
  const timeZone = status.state.kind === 'open' ? status.state.timeZone : DEFAULT_TIME_ZONE;
  return useMemo(() => {
    const dates = deskFormat(language, timeZone);
    const numbers = new Intl.NumberFormat(dates.locale);
    const bytes = (count: number) => {
      const [unit, size] = UNITS.find(([, s]) => count >= s) ?? ['byte', 1];
      return new Intl.NumberFormat(dates.locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(count / size);
    };
    return { ...dates, bytes, count: (value: number) => numbers.format(value) };
  }, [language, timeZone]);
}

/** A desk's id, short enough to tell desks apart on a drive they share. */
export function shortDeskId(deskId: string): string {
  return deskId.slice(0, 8);
}
