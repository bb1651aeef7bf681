import { tzScan } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { addDays, instantOfWallMoment, minutesOfDay, wallMomentOf, weekdayOf } from '../../shared/domain/calendar';

/** Wall-clock moments ↔ instants on the desk's clock, around Morocco's Ramadan changes (asked of the library, not written here). */
const ZONE = 'Africa/Casablanca';
const [toRamadan, fromRamadan] = tzScan(ZONE, { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') });

describe('the wall clock of the desk', () => {
  it('gives 10:00 as 09:00 UTC outside Ramadan and 10:00 UTC during it, and back', () => {
    const before = wallMomentOf(new Date(toRamadan.date.getTime() - 86_400_000), ZONE).slice(0, 10);
    const during = addDays(before, 7);
    const after = wallMomentOf(new Date(fromRamadan.date.getTime() + 86_400_000), ZONE).slice(0, 10);
    expect(instantOfWallMoment(`${before}T10:00`, ZONE)).toBe(`${before}T09:00:00.000Z`);
    expect(instantOfWallMoment(`${during}T10:00`, ZONE)).toBe(`${during}T10:00:00.000Z`);
    expect(instantOfWallMoment(`${after}T10:00`, ZONE)).toBe(`${after}T09:00:00.000Z`);
    for (const day of [before, during, after]) expect(wallMomentOf(instantOfWallMoment(`${day}T10:00`, ZONE), ZONE)).toBe(`${day}T10:00`);
  });

  it('a weekly 10:00 stays 10:00 on the wall clock for a year, whatever the offset', () => {
    let day = '2026-01-05';
    for (let week = 0; week < 52; week++, day = addDays(day, 7)) {
      expect(wallMomentOf(instantOfWallMoment(`${day}T10:00`, ZONE), ZONE)).toBe(`${day}T10:00`);
      expect(weekdayOf(day)).toBe(1);
    }
  });

  it('reads a moment the clock skips as the one an hour later', () => {
    // The change back to UTC+1 jumps an hour forward: the wall clock reads `jump` at the change, and the half hour before it never happens.
    const jump = wallMomentOf(fromRamadan.date, ZONE);
    const minute = minutesOfDay(jump.slice(11)) - 30;
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const skipped = `${jump.slice(0, 10)}T${hhmm(minute)}`;
    expect(wallMomentOf(instantOfWallMoment(skipped, ZONE), ZONE)).toBe(`${jump.slice(0, 10)}T${hhmm(minute + 60)}`);
  });

  it('names weekdays and minutes of the day', () => {
    expect(['2026-11-30', '2026-12-06'].map(weekdayOf)).toEqual([1, 7]);
    expect(['00:00', '09:15', '23:59'].map(minutesOfDay)).toEqual([0, 555, 1439]);
  });
});
