import { format, parse } from 'date-fns';

/**
 * The schedule is read on the desk's clock, and main alone reads it: every appointment, slot
 * and history entry comes with its wall-clock times (`YYYY-MM-DDTHH:MM`, `startsWall`), made
 * with Node's zone data, and "today" comes from `appointments.clock`. The screens never turn
 * an instant into a wall time themselves: the test browser's zone data (Debian's Chromium
 * has Casablanca at UTC+0 from autumn 2026) may disagree with main's. react-big-calendar
 * works with the browser's local dates, so a wall moment is given to it as the local date
 * whose fields are that wall clock, whatever the laptop's own zone, and read back the same way.
 */
const WALL = "yyyy-MM-dd'T'HH:mm";
const DAY = 'yyyy-MM-dd';
/** Any fixed day: `parse` takes the fields it is not given from it, and a wall moment gives them all. */
const REFERENCE = new Date(2000, 0, 1);

/** The local date whose fields read the wall moment `2026-12-09T10:00`, for the grid. */
export function shownAt(wall: string): Date {
  return parse(wall, WALL, REFERENCE);
}

/** A local date of the grid, as the wall-clock moment the contract takes (`YYYY-MM-DDTHH:MM`). */
export function wallFromShown(date: Date): string {
  return format(date, WALL);
}

/** A desk day (`YYYY-MM-DD`) as the grid's local midnight. */
export function shownDay(day: string): Date {
  return parse(day, DAY, REFERENCE);
}

/** The grid's local date as a desk day. */
export function dayOfShown(date: Date): string {
  return format(date, DAY);
}

/** `10:00` of the wall moment `2026-12-09T10:00`. */
export function wallTime(wall: string): string {
  return wall.slice(11, 16);
}

/** `2026-12-09` of the wall moment `2026-12-09T10:00`. */
export function wallDay(wall: string): string {
  return wall.slice(0, 10);
}
