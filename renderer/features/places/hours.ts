import { WEEKDAYS, type OpeningPeriod, type Weekday } from '../../../shared/domain/listening';

/** Periods of one weekday, earliest first. */
export function periodsOf<P extends { weekday: Weekday }>(periods: readonly P[], weekday: Weekday, start: (p: P) => string): P[] {
  return periods.filter((p) => p.weekday === weekday).sort((a, b) => start(a).localeCompare(start(b)));
}

/**
 * The week at a glance, one line per run of days with the same hours (`Monday–Friday
 * 09:00–17:00`), days without hours left out: how the list reads a place's week.
 */
export function weekSummary(hours: readonly OpeningPeriod[]): { from: Weekday; to: Weekday; periods: string }[] {
  const lines: { from: Weekday; to: Weekday; periods: string }[] = [];
  for (const day of WEEKDAYS) {
    const periods = periodsOf(hours, day, (p) => p.opens)
      .map((p) => `${p.opens}–${p.closes}`)
      .join(', ');
    if (periods === '') continue;
    const last = lines.at(-1);
    if (last && last.periods === periods && last.to === day - 1) last.to = day;
    else lines.push({ from: day, to: day, periods });
  }
  return lines;
}
