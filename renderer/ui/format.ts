import { useMemo } from 'react';
import { useDesk, useSession } from '../app/desk';
import { localeOf } from '../app/i18n';
import type { Language } from '../../shared/domain/accounts';
import { calendarDateIn } from '../../shared/domain/calendar';

/** Dates and times in the desk's time zone and the user's language. */
export function useDeskFormat() {
  const { language } = useDesk();
  const { timeZone } = useSession();
  return useMemo(() => deskFormat(language, timeZone), [language, timeZone]);
}

/** Dates and times in the desk's time zone and a given language (a slip in the partner's, say). */
export function deskFormat(language: Language, timeZone: string) {
  const locale = localeOf(language);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone });
  const fullDate = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone });
  const shortDateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone });
  const instantDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  // Calendar dates (YYYY-MM-DD) are no instant: they are shown as written, whatever the zone.
  const calendarDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const calendarMonth = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    locale,
    timeZone,
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    shortDateTime: (iso: string) => shortDateTime.format(new Date(iso)),
    fullDate: (date: Date) => fullDate.format(date),
    /** The day of an instant, in the desk's zone. */
    day: (iso: string) => instantDate.format(new Date(iso)),
    /** A calendar date such as a visit date (YYYY-MM-DD). */
    date: (date: string) => calendarDate.format(new Date(`${date}T00:00:00Z`)),
    /** A month such as the month of arrival (YYYY-MM). */
    month: (month: string) => calendarMonth.format(new Date(`${month}-01T00:00:00Z`)),
  };
}

/** The offset of `timeZone` from UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - (instant - (instant % 1000));
}

/** The UTC instant at which the wall-clock `date` (YYYY-MM-DD) plus `ms` begins in `timeZone`. */
export function zonedDateToUtc(date: string, timeZone: string, ms = 0): string {
  const [year, month, day] = date.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, day) + ms;
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant).toISOString();
}

/** Today's date (YYYY-MM-DD) on the desk's wall calendar. */
export function todayIn(timeZone: string, now = new Date()): string {
  return calendarDateIn(timeZone, now);
}

/** A calendar date moved by `days` (YYYY-MM-DD in, YYYY-MM-DD out). */
export function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}
