import { format, parse } from 'date-fns';

/**
 * The schedule is read on the desk's clock (its time zone setting), whatever the laptop's own
 * zone. react-big-calendar works with the browser's local dates, so each instant is shown as
 * the local date whose fields are the desk's wall clock (read by the platform's Intl in that
 * zone, as `deskFormat` does; never an offset by hand), and a date picked on the grid is read
 * back as a desk wall-clock moment. Intl rather than a TZDate here: a TZDate subclasses the
 * page's Date, which a test's fake clock replaces, and then keeps the laptop's zone.
 */
const WALL = "yyyy-MM-dd'T'HH:mm";

const wallParts = new Map<string, Intl.DateTimeFormat>();

function partsIn(timeZone: string): Intl.DateTimeFormat {
  let parts = wallParts.get(timeZone);
  if (!parts) {
    parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    wallParts.set(timeZone, parts);
  }
  return parts;
}

/** `2026-12-09T10:00` on the desk's clock, for an instant (ISO 8601). */
export function wallOf(iso: string | Date, timeZone: string): string {
  const parts = Object.fromEntries(partsIn(timeZone).formatToParts(typeof iso === 'string' ? new Date(iso) : iso).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Today on the desk's calendar. */
export function deskToday(timeZone: string): string {
  return wallOf(new Date(), timeZone).slice(0, 10);
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
