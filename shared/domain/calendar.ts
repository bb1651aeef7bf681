/**
 * The calendar date (YYYY-MM-DD) of an instant in a time zone: instants are stored in
 * UTC, but "today", "this year" and "this month" are the desk's (Africa/Casablanca by default).
 */
export function calendarDateIn(timeZone: string, instant: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
