import { useMemo } from 'react';
import { WEEKDAYS, type Weekday } from '../../shared/domain/listening';
import { useDeskFormat } from './format';

export interface WeekdayNames {
  /** As a row's heading: `Lundi`, `الاثنين`, `Monday`. */
  heading: Record<Weekday, string>;
  /** Inside a sentence: `lundi`. */
  inSentence: Record<Weekday, string>;
}

/**
 * The names of the weekdays (1 = Monday … 7 = Sunday) in the user's language, from the
 * locale's own calendar data, as the dates are written: nothing to translate by hand.
 */
export function weekdayNames(locale: string): WeekdayNames {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday: day d of the ISO week is 2024-01-0d.
  const inSentence = Object.fromEntries(WEEKDAYS.map((day) => [day, format.format(new Date(Date.UTC(2024, 0, day)))])) as Record<Weekday, string>;
  // A French list starts with a capital; Arabic letters have none.
  const heading = Object.fromEntries(WEEKDAYS.map((day) => [day, inSentence[day].charAt(0).toLocaleUpperCase(locale) + inSentence[day].slice(1)])) as Record<Weekday, string>;
  return { heading, inSentence };
}

export function useWeekdayNames(): WeekdayNames {
  const { locale } = useDeskFormat();
  return useMemo(() => weekdayNames(locale), [locale]);
}
