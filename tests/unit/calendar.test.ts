import { TZDate, tzScan } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { addDays, calendarDateIn, endOfDayIn, startOfDayIn } from '../../shared/domain/calendar';
import { deskFormat, parseTypedDay } from '../../renderer/ui/dates';

/**
 * The desk's calendar across Morocco's Ramadan clock changes: Africa/Casablanca is UTC+1
 * most of the year and UTC+0 during Ramadan. The instants of the changes are asked of the
 * time zone library itself, then every assertion is made around them.
 */
const ZONE = 'Africa/Casablanca';
const HOUR = 3_600_000;
const [toRamadan, fromRamadan] = tzScan(ZONE, { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') });

/** The day a change happens on, on the desk's calendar. */
const changeDay = (change: { date: Date }) => calendarDateIn(ZONE, change.date);
const at = (iso: string) => new Date(iso);

describe("Casablanca's clock in 2026", () => {
  it('goes to UTC+0 in mid-February and back to UTC+1 in late March', () => {
    expect(toRamadan).toMatchObject({ change: -60, offset: 0 });
    expect(fromRamadan).toMatchObject({ change: 60, offset: 60 });
    expect(changeDay(toRamadan)).toMatch(/^2026-02-(1[0-9]|2[0-8])$/);
    expect(changeDay(fromRamadan)).toMatch(/^2026-03-(1[5-9]|2[0-9]|3[01])$/);
    // The library's wall clock on either side, as checked when it was chosen (STACK.md).
    expect(new TZDate(at('2026-03-01T12:00:00Z'), ZONE).toString()).toMatch(/ 12:00:00 GMT\+0000 /);
    expect(new TZDate(at('2026-04-01T12:00:00Z'), ZONE).toString()).toMatch(/ 13:00:00 GMT\+0100 /);
    expect(calendarDateIn(ZONE, at('2026-03-01T23:30:00Z'))).toBe('2026-03-01');
    expect(calendarDateIn(ZONE, at('2026-04-01T23:30:00Z'))).toBe('2026-04-02');
  });
});

describe('the start of a desk day, in UTC', () => {
  it('is 23:00 UTC the evening before on UTC+1, and midnight UTC during Ramadan', () => {
    const first = changeDay(toRamadan);
    // The day of the change to UTC+0 begins on UTC+1; the next begins on UTC+0.
    expect(startOfDayIn(first, ZONE)).toBe(`${addDays(first, -1)}T23:00:00.000Z`);
    expect(startOfDayIn(addDays(first, 1), ZONE)).toBe(`${addDays(first, 1)}T00:00:00.000Z`);
    const last = changeDay(fromRamadan);
    // The day of the change back begins on UTC+0 (the clock moves during the night); the next on UTC+1.
    expect(startOfDayIn(last, ZONE)).toBe(`${last}T00:00:00.000Z`);
    expect(startOfDayIn(addDays(last, 1), ZONE)).toBe(`${last}T23:00:00.000Z`);
  });

  it('gives the audit filter bounds that cover the whole day: 25 hours when the clock goes back, 23 when it goes forward', () => {
    const first = changeDay(toRamadan);
    const last = changeDay(fromRamadan);
    const length = (day: string) => Date.parse(endOfDayIn(day, ZONE)) + 1 - Date.parse(startOfDayIn(day, ZONE));
    expect(length(first)).toBe(25 * HOUR);
    expect(length(last)).toBe(23 * HOUR);
    expect(length(addDays(first, 1))).toBe(24 * HOUR);
    expect(endOfDayIn(first, ZONE)).toBe(`${first}T23:59:59.999Z`);
    expect(endOfDayIn(addDays(last, 1), ZONE)).toBe(`${addDays(last, 1)}T22:59:59.999Z`);
    // Each day's end is one millisecond before the next day's start: no instant falls between two days.
    for (const day of [addDays(first, -1), first, last, addDays(last, 1)]) {
      expect(Date.parse(endOfDayIn(day, ZONE)) + 1).toBe(Date.parse(startOfDayIn(addDays(day, 1), ZONE)));
    }
  });
});

describe('"today" on the desk', () => {
  it('is already tomorrow at 23:30 UTC on UTC+1 (00:30 local), and still today during Ramadan', () => {
    const before = addDays(changeDay(toRamadan), -1);
    expect(calendarDateIn(ZONE, at(`${before}T23:30:00Z`))).toBe(addDays(before, 1));
    const during = addDays(changeDay(toRamadan), 3);
    expect(calendarDateIn(ZONE, at(`${during}T23:30:00Z`))).toBe(during);
    const after = addDays(changeDay(fromRamadan), 3);
    expect(calendarDateIn(ZONE, at(`${after}T23:30:00Z`))).toBe(addDays(after, 1));
  });

  it('turns at local midnight: 23:00 UTC on UTC+1, 00:00 UTC during Ramadan; 00:30 local is the new day', () => {
    const plusOne = addDays(changeDay(fromRamadan), 3);
    const eve = addDays(plusOne, -1);
    expect(calendarDateIn(ZONE, at(`${eve}T22:59:59.999Z`))).toBe(eve);
    expect(calendarDateIn(ZONE, at(`${eve}T23:00:00Z`))).toBe(plusOne);
    const plusZero = addDays(changeDay(toRamadan), 3);
    expect(calendarDateIn(ZONE, at(`${addDays(plusZero, -1)}T23:59:59.999Z`))).toBe(addDays(plusZero, -1));
    expect(calendarDateIn(ZONE, at(`${plusZero}T00:00:00Z`))).toBe(plusZero);
    // 00:30 on the desk's clock: 23:30 UTC the evening before on UTC+1, 00:30 UTC on UTC+0.
    expect(calendarDateIn(ZONE, at(`${eve}T23:30:00Z`))).toBe(plusOne);
    expect(calendarDateIn(ZONE, at(`${plusZero}T00:30:00Z`))).toBe(plusZero);
  });
});

describe('calendar days', () => {
  it('move by days of the calendar, across the clock changes and the ends of months and years', () => {
    expect(addDays(changeDay(toRamadan), 1)).toBe(addDays(addDays(changeDay(toRamadan), 2), -1));
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-12-01', 7)).toBe('2026-12-08');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('one style per kind of date, in each language', () => {
  const fr = deskFormat('fr', ZONE);
  const ar = deskFormat('ar', ZONE);
  const en = deskFormat('en', ZONE);

  it('writes a day with its abbreviated month: 1 déc. 2026, 1 دجنبر 2026, 1 Dec 2026', () => {
    expect(fr.day('2026-12-01')).toBe('1 déc. 2026');
    expect(ar.day('2026-12-01')).toBe('1 دجنبر 2026');
    expect(en.day('2026-12-01')).toBe('1 Dec 2026');
    expect(ar.day('2026-05-08')).toBe('8 ماي 2026');
    expect(ar.day('2026-08-08')).toBe('8 غشت 2026');
  });

  it('writes a month in full with its year, Moroccan month names in Arabic', () => {
    expect(fr.month('2025-03')).toBe('mars 2025');
    expect(ar.month('2025-09')).toBe('شتنبر 2025');
    expect(ar.month('2025-11')).toBe('نونبر 2025');
    expect(en.month('2025-03')).toBe('March 2025');
  });

  it('writes an instant as date and time on the desk clock: an hour apart across the change, the same wall time', () => {
    const change = toRamadan.date.getTime();
    const beforeChange = new Date(change - 30 * 60_000).toISOString();
    const afterChange = new Date(change + 30 * 60_000).toISOString();
    expect(fr.instant(beforeChange)).toBe(fr.instant(afterChange));
    expect(fr.instant(beforeChange)).toBe(`${fr.day(changeDay(toRamadan))}, 02:30`);
    expect(fr.instant('2026-12-01T12:05:00Z')).toBe('1 déc. 2026, 13:05');
    expect(en.instant('2026-12-01T12:05:00Z')).toBe('1 Dec 2026, 13:05');
    expect(ar.instant('2026-12-01T12:05:00Z')).toBe('1 دجنبر 2026، 13:05');
    // Late at night in UTC is already the next day at the desk.
    expect(fr.instant('2026-11-30T23:30:00Z')).toBe('1 déc. 2026, 00:30');
  });
});

describe('a day typed at the desk', () => {
  it('reads day first, with any usual separator, or ISO', () => {
    for (const typed of ['1/12/2026', '01/12/2026', '1.12.2026', '01-12-2026', '1 12 2026', '01122026', '2026-12-01', ' 1/12/2026 ']) {
      expect(parseTypedDay(typed), typed).toBe('2026-12-01');
    }
  });

  it('reads Arabic-Indic and Eastern Arabic digits', () => {
    expect(parseTypedDay('١/١٢/٢٠٢٦')).toBe('2026-12-01');
    expect(parseTypedDay('۱۵/۰۲/۲۰۲۶')).toBe('2026-02-15');
  });

  it('is nothing until it is a whole date that exists', () => {
    for (const typed of ['', '1', '1/12', '1/12/202', '31/02/2026', '29/02/2026', '0/12/2026', '1/13/2026', '12/31/2026', 'demain', '1/12/0999']) {
      expect(parseTypedDay(typed), typed).toBeNull();
    }
    expect(parseTypedDay('29/02/2028')).toBe('2028-02-29');
  });
});
