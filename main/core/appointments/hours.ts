import type { Db } from '../db/database';
import { exceptionsOn, planOf } from '../availability/service';
import { openingHoursOf } from '../places/service';
import { minutesOfDay, weekdayOf } from '../../../shared/domain/calendar';
import type { AvailabilityException, AvailabilityOwner, PlanPeriod } from '../../../shared/domain/listening';

/**
 * Who works when, on one desk day, in minutes of the wall clock: weekly plans minus their
 * breaks, replaced or cancelled by that day's exceptions, within the place's opening hours.
 */
export type Window = readonly [number, number];

function subtract(windows: readonly Window[], cut: Window): Window[] {
  return windows.flatMap(([s, e]): Window[] => {
    if (cut[1] <= s || cut[0] >= e) return [[s, e]];
    return [...(cut[0] > s ? [[s, cut[0]] as const] : []), ...(cut[1] < e ? [[cut[1], e] as const] : [])];
  });
}

export function intersect(a: readonly Window[], b: readonly Window[]): Window[] {
  return a.flatMap(([s1, e1]) => b.flatMap(([s2, e2]): Window[] => (Math.max(s1, s2) < Math.min(e1, e2) ? [[Math.max(s1, s2), Math.min(e1, e2)]] : [])));
}

export const within = (windows: readonly Window[], start: number, end: number): boolean => windows.some(([s, e]) => s <= start && end <= e);

const closesPlace = (e: AvailabilityException, placeId: number) =>
  e.userId === null && e.interpreterId === null && (e.kind === 'publicHoliday' || e.kind === 'placeClosed') && (e.placeId === null || e.placeId === placeId);

const hoursOf = (e: AvailabilityException): Window[] => (e.starts && e.ends ? [[minutesOfDay(e.starts), minutesOfDay(e.ends)]] : []);

/** The place's opening hours that day: none on a holiday or a closed day, different hours when set. */
export function placeWindows(db: Db, placeId: number, day: string, exceptions: readonly AvailabilityException[]): Window[] {
  if (exceptions.some((e) => closesPlace(e, placeId))) return [];
  const different = exceptions.find((e) => e.kind === 'differentHours' && e.userId === null && e.interpreterId === null && e.placeId === placeId);
  if (different) return hoursOf(different);
  const weekday = weekdayOf(day);
  return openingHoursOf(db, placeId)
    .filter((h) => h.weekday === weekday)
    .map((h) => [minutesOfDay(h.opens), minutesOfDay(h.closes)] as const);
}

const ownedBy = (e: AvailabilityException, owner: AvailabilityOwner) =>
  'userId' in owner ? e.userId === owner.userId : e.interpreterId === owner.interpreterId;

/**
 * A person's working time that day at the place: her plan's work there (or anywhere) minus
 * her breaks; nothing on leave; her different hours instead when she has some. `null` for
 * someone with no plan at all: an interpreter on call, whose time is only limited by her
 * appointments.
 */
export function personWindows(
  db: Db,
  owner: AvailabilityOwner,
  placeId: number,
  day: string,
  exceptions: readonly AvailabilityException[],
  plan: readonly PlanPeriod[] = planOf(db, owner),
): Window[] | null {
  const own = exceptions.filter((e) => ownedBy(e, owner) && (e.placeId === null || e.placeId === placeId));
  if (own.some((e) => e.kind === 'leave')) return [];
  const different = own.find((e) => e.kind === 'differentHours');
  if (different) return hoursOf(different);
  if (plan.length === 0) return 'interpreterId' in owner ? null : [];
  const weekday = weekdayOf(day);
  const today = plan.filter((p) => p.weekday === weekday);
  let windows: Window[] = today
    .filter((p) => p.kind === 'work' && (p.placeId === null || p.placeId === placeId))
    .map((p) => [minutesOfDay(p.starts), minutesOfDay(p.ends)] as const);
  for (const pause of today.filter((p) => p.kind === 'break')) windows = subtract(windows, [minutesOfDay(pause.starts), minutesOfDay(pause.ends)]);
  return windows;
}

/** The psychologist's time at the place that day, within its opening hours. */
export function bookableWindows(
  db: Db,
  psychologistId: number,
  placeId: number,
  day: string,
  exceptions = exceptionsOn(db, day),
  plan?: readonly PlanPeriod[],
  place: readonly Window[] = placeWindows(db, placeId, day, exceptions),
): Window[] {
  return intersect(personWindows(db, { userId: psychologistId }, placeId, day, exceptions, plan) ?? [], place);
}
