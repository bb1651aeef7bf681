import { isExists } from 'date-fns';
import type { Language } from '../../shared/domain/accounts';

/**
 * How dates read in the user's language, as pure functions (the unit tests call them;
 * `useDeskFormat` gives them to the screens). Three kinds of value, one style each:
 * an instant (date and time, on the desk's clock), a calendar day, a month.
 */

/** Formatting locales: Moroccan French and Arabic (Western digits and Moroccan month names, as used in Morocco), British English. */
export function localeOf(language: Language): string {
  return language === 'ar' ? 'ar-MA' : language === 'en' ? 'en-GB' : 'fr-MA';
}

/** The dayjs locale of Mantine's pickers: `ar-ma` has the Moroccan month names (يناير … ماي … غشت … دجنبر). */
export function pickerLocaleOf(language: Language): string {
  return language === 'ar' ? 'ar-ma' : language;
}

export interface DeskFormat {
  locale: string;
  timeZone: string;
  /** An instant (ISO 8601): audit entries, created and updated at, last login. Date and time on the desk's clock. */
  instant(iso: string): string;
  /**
   * A moment main already read on the desk's clock (`YYYY-MM-DDTHH:MM`: the schedule's times),
   * in the instant's style: shown as it is, never converted with the browser's zone data.
   */
  wallMoment(moment: string): string;
  /** A calendar day (YYYY-MM-DD): visit, referral, follow-up. `1 déc. 2026`, `1 دجنبر 2026`, `1 Dec 2026`. */
  day(date: string): string;
  /** A month (YYYY-MM): the month of arrival. `décembre 2026`. */
  month(month: string): string;
}

const DAY_PARTS = { day: 'numeric', month: 'short', year: 'numeric' } as const;

export function deskFormat(language: Language, timeZone: string): DeskFormat {
  const locale = localeOf(language);
  const instant = new Intl.DateTimeFormat(locale, { ...DAY_PARTS, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  // A calendar day or month is no instant: it is written at UTC midnight and read back in UTC, so no zone can move it.
  const day = new Intl.DateTimeFormat(locale, { ...DAY_PARTS, timeZone: 'UTC' });
  const wall = new Intl.DateTimeFormat(locale, { ...DAY_PARTS, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    locale,
    timeZone,
    instant: (iso) => instant.format(new Date(iso)),
    wallMoment: (moment) => wall.format(new Date(`${moment}:00Z`)),
    day: (date) => day.format(new Date(`${date}T00:00:00Z`)),
    month: (value) => month.format(new Date(`${value}-01T00:00:00Z`)),
  };
}

/** Arabic-Indic (٠…٩) and Eastern Arabic (۰…۹) digits, as an Arabic keyboard may type them, read as 0…9. */
function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => String(digit.charCodeAt(0) & 0xf));
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A day typed at the desk: day first, as in Morocco (`1/12/2026`, `01.12.2026`, `1-12-2026`,
 * `01122026`), or `2026-12-01`. Null until it is a whole date that exists, so a half-typed
 * date changes nothing.
 */
export function parseTypedDay(text: string): string | null {
  const typed = westernDigits(text).trim();
  const dayFirst = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(typed) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(typed);
  const yearFirst = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  const [year, month, day] = dayFirst
    ? [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])]
    : yearFirst
      ? [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])]
      : [0, 0, 0];
  if (year < 1000 || !isExists(year, month - 1, day)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}
