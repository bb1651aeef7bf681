import type { Db } from '../db/database';
import { AppError } from '../errors';
import type { Actor } from '../visitors/service';
import { readSettings } from '../settings/service';
import { getPlace } from '../places/service';
import { addDays, instantOfWallMoment } from '../../../shared/domain/calendar';
import { MAX_SERIES_SESSIONS, type ActivityDetail, type ActivitySessionView } from '../../../shared/domain/activities';
import type { CreateActivityInput, SessionSeriesInput, UpdateActivityInput } from '../../../shared/contract/activities';
import {
  activityDetail,
  getActivity,
  getActivityKind,
  getSession,
  insertActivity,
  insertSession,
  writeActivity,
  writeSessionCancel,
  writeSessionMove,
  type ActivityFields,
} from './service';

/**
 * An activity and its sessions: a series made at once, one added, one moved, one
 * cancelled. Times are typed on the desk's wall clock and become instants here, day by
 * day, so that a 10:00 stays 10:00 across Ramadan's clock changes.
 */

/** The wall-clock starts of a series: one, or one per week or fortnight, N times or until a day. */
export function seriesMoments(series: Pick<SessionSeriesInput, 'startsAt' | 'repeat'>): string[] {
  const { startsAt, repeat } = series;
  if (!repeat) return [startsAt];
  const step = repeat.rule === 'weekly' ? 7 : 14;
  const [day, time] = [startsAt.slice(0, 10), startsAt.slice(11)];
  const moments: string[] = [];
  for (let i = 0; repeat.count === null || i < repeat.count; i++) {
    const next = addDays(day, i * step);
    if (repeat.until !== null && next > repeat.until && i > 0) break;
    if (moments.length === MAX_SERIES_SESSIONS) throw new AppError('activities.seriesTooLong', { params: { max: MAX_SERIES_SESSIONS } });
    moments.push(`${next}T${time}`);
  }
  return moments;
}

/** A session's instants: its wall-clock start on the desk's clock, and its length. */
export function spanOf(moment: string, minutes: number, zone: string): { startsAt: string; endsAt: string } {
  const startsAt = instantOfWallMoment(moment, zone);
  return { startsAt, endsAt: new Date(new Date(startsAt).getTime() + minutes * 60_000).toISOString() };
}

/** The kind exists and is offered, the place is in use, the room is one of its rooms. */
function checkFields(db: Db, f: ActivityFields, current: ActivityFields | null): void {
  const kind = getActivityKind(db, f.kindId);
  if (!kind.active && current?.kindId !== f.kindId) throw new AppError('activities.kindNotFound', { fields: { kindId: 'required' } });
  const place = getPlace(db, f.placeId);
  if (!place.active && current?.placeId !== f.placeId) throw new AppError('places.notFound', { fields: { placeId: 'activities.placeInactive' } });
  if (f.roomId !== null && !place.rooms.some((r) => r.id === f.roomId && (r.active || current?.roomId === f.roomId))) {
    throw new AppError('activities.roomNotInPlace', { fields: { roomId: 'activities.roomNotInPlace' } });
  }
}

/** `activities.create`: the activity and all its sessions, or nothing. */
export function createActivity(db: Db, actor: Actor, input: CreateActivityInput, now: Date): ActivityDetail {
  const { sessions, ...fields } = input;
  checkFields(db, fields, null);
  const zone = readSettings(db).timeZone;
  const spans = seriesMoments(sessions).map((moment) => spanOf(moment, sessions.minutes, zone));
  const id = insertActivity(db, actor, fields, now);
  for (const span of spans) insertSession(db, actor, id, span, now);
  return activityDetail(db, id, now);
}

export function updateActivity(db: Db, input: UpdateActivityInput, now: Date): ActivityDetail {
  const { id, active, ...fields } = input;
  const current = getActivity(db, id, now);
  checkFields(db, fields, current);
  if (fields.capacity < current.enrolled) {
    throw new AppError('call.invalidInput', { fields: { capacity: 'activities.capacityBelowEnrolled' }, params: { enrolled: current.enrolled } });
  }
  writeActivity(db, id, { ...fields, active }, now);
  return activityDetail(db, id, now);
}

function requireOpenActivity(db: Db, activityId: number, now: Date): void {
  if (!getActivity(db, activityId, now).active) throw new AppError('activities.inactive');
}

export function addSession(db: Db, actor: Actor, input: { activityId: number; startsAt: string; minutes: number }, now: Date): ActivitySessionView {
  requireOpenActivity(db, input.activityId, now);
  const span = spanOf(input.startsAt, input.minutes, readSettings(db).timeZone);
  return getSession(db, insertSession(db, actor, input.activityId, span, now));
}

function requireLiveSession(db: Db, id: number): ActivitySessionView {
  const session = getSession(db, id);
  if (session.cancelledAt !== null) throw new AppError('activities.sessionCancelled');
  return session;
}

/** Moves this session only: the others of the series keep their times. */
export function moveSession(db: Db, actor: Actor, input: { id: number; startsAt: string; minutes: number; reason: string }, now: Date): ActivitySessionView {
  const session = requireLiveSession(db, input.id);
  writeSessionMove(db, actor, session, spanOf(input.startsAt, input.minutes, readSettings(db).timeZone), input.reason, now);
  return getSession(db, session.id);
}

export function cancelSession(db: Db, actor: Actor, input: { id: number; reason: string }, now: Date): ActivitySessionView {
  const session = requireLiveSession(db, input.id);
  writeSessionCancel(db, actor, session.id, input.reason, now);
  return getSession(db, session.id);
}
