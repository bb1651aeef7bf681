import { tz } from '@date-fns/tz';
import { addDays as addCalendarDays, endOfDay, format, getISODay, parseISO, startOfDay } from 'date-fns';

/**
 * The desk's calendar. Instants are stored in UTC, but "today", "this year" and the
 * bounds of a day are the desk's (Africa/Casablanca by default, which moves to UTC+0
 * during Ramadan): every conversion goes through @date-fns/tz, never an offset by hand.
 * Calendar dates travel as `YYYY-MM-DD`, months as `YYYY-MM`.
 */

const DAY = 'yyyy-MM-dd';

/** `2026-02-14T23:00:00.000Z`: a TZDate would print its own offset, and instants are stored in UTC. */
function utcInstant(date: Date): string {
  return new Date(date.getTime()).toISOString();
}

/** The calendar date (YYYY-MM-DD) of an instant on the desk's wall calendar. */
export function calendarDateIn(timeZone: string, instant: Date = new Date()): string {
  return format(instant, DAY, { in: tz(timeZone) });
}

/** The instant (ISO 8601, UTC) at which the desk's day `date` begins. */
export function startOfDayIn(date: string, timeZone: string): string {
  return utcInstant(startOfDay(parseISO(date, { in: tz(timeZone) })));
}

/** The last millisecond of the desk's day `date`, as an ISO instant: a day may last 23, 24 or 25 hours. */
export function endOfDayIn(date: string, timeZone: string): string {
  return utcInstant(endOfDay(parseISO(date, { in: tz(timeZone) })));
}

/** A calendar date moved by `days` (YYYY-MM-DD in, YYYY-MM-DD out): days of the calendar, not 24-hour steps. */
export function addDays(date: string, days: number): string {
  const utc = { in: tz('UTC') };
  return format(addCalendarDays(parseISO(date, utc), days, utc), DAY, utc);
}

const WALL_MOMENT = "yyyy-MM-dd'T'HH:mm";

/**
 * The instant (ISO 8601, UTC) of a wall-clock moment `YYYY-MM-DDTHH:MM` on the desk's
 * clock. 10:00 stays 10:00 across a clock change (Morocco's Ramadan hour); a moment the
 * clock skips (02:30 when it jumps from 02:00 to 03:00) is the one an hour later.
 */
export function instantOfWallMoment(moment: string, timeZone: string): string {
  return utcInstant(parseISO(moment, { in: tz(timeZone) }));
}

/** The wall-clock moment `YYYY-MM-DDTHH:MM` of an instant on the desk's clock. */
export function wallMomentOf(instant: Date | string, timeZone: string): string {
  return format(typeof instant === 'string' ? new Date(instant) : instant, WALL_MOMENT, { in: tz(timeZone) });
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function weekdayOf(date: string): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return getISODay(parseISO(date, { in: tz('UTC') })) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** `HH:MM` as minutes since midnight. */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
