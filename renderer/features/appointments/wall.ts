import { tz } from '@date-fns/tz';
import { format, parse } from 'date-fns';

/**
 * The schedule is read on the desk's clock (its time zone setting), whatever the laptop's own
 * zone. react-big-calendar works with the browser's local dates, so each instant is shown as
 * the local date whose fields are the desk's wall clock (through @date-fns/tz, never an
 * offset by hand), and a date picked on the grid is read back as a desk wall-clock moment.
 */
const WALL = "yyyy-MM-dd'T'HH:mm";

/** `2026-12-09T10:00` on the desk's clock, for an instant (ISO 8601). */
export function wallOf(iso: string | Date, timeZone: string): string {
  return format(typeof iso === 'string' ? new Date(iso) : iso, WALL, { in: tz(timeZone) });
}

/** The local date that shows the desk's wall time of `iso` on the grid. */
export function shownAt(iso: string | Date, timeZone: string): Date {
  return parse(wallOf(iso, timeZone), WALL, new Date());
}

/** A local date of the grid, as the wall-clock moment the contract takes (`YYYY-MM-DDTHH:MM`). */
export function wallFromShown(date: Date): string {
  return format(date, WALL);
}

/** A desk day (`YYYY-MM-DD`) as the grid's local midnight. */
export function shownDay(day: string): Date {
  return parse(day, 'yyyy-MM-dd', new Date());
}

/** The grid's local date as a desk day. */
export function dayOfShown(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** `10:00`: the wall time of an instant on the desk's clock. */
export function wallTimeOf(iso: string, timeZone: string): string {
  return wallOf(iso, timeZone).slice(11);
}

/** `2026-12-09`: the desk day of an instant. */
export function wallDayOf(iso: string, timeZone: string): string {
  return wallOf(iso, timeZone).slice(0, 10);
}
