import type { Db } from '../db/database';
import { AppError } from '../errors';
import { requireActiveVisitor, touchVisitor, type Actor } from '../visitors/service';
import type { EnrolmentView, RollCallView } from '../../../shared/domain/activities';
import type { RollCallInput } from '../../../shared/contract/activities';
import { findEnrolment, getActivity, getSession, rollCallRows, writeAttendance, writeEnrolment, writeWithdrawal } from './service';

/**
 * Enrolment and the roll call. Both are something that happened to the visitor, so each
 * write also moves her up the search (`touchVisitor`).
 */

/** Enrols a visitor: never an anonymised one, never beyond the capacity, never twice. */
export function enrol(db: Db, actor: Actor, input: { activityId: number; visitorId: number }, now: Date): EnrolmentView {
  const activity = getActivity(db, input.activityId, now);
  if (!activity.active) throw new AppError('activities.inactive');
  requireActiveVisitor(db, input.visitorId);
  const current = findEnrolment(db, input.activityId, input.visitorId);
  if (current && current.withdrawnAtWall === null) throw new AppError('activities.alreadyEnrolled');
  if (activity.enrolled >= activity.capacity) throw new AppError('activities.full', { params: { capacity: activity.capacity } });
  writeEnrolment(db, actor, input.activityId, input.visitorId, now);
  touchVisitor(db, input.visitorId, now);
  return findEnrolment(db, input.activityId, input.visitorId) as EnrolmentView;
}

/** Withdraws her; the row and her attendance stay (her history is hers). */
export function withdraw(db: Db, actor: Actor, input: { activityId: number; visitorId: number }, now: Date): EnrolmentView {
  getActivity(db, input.activityId, now);
  const current = findEnrolment(db, input.activityId, input.visitorId);
  if (!current || current.withdrawnAtWall !== null) throw new AppError('activities.notEnrolled');
  writeWithdrawal(db, actor, input.activityId, input.visitorId, now);
  touchVisitor(db, input.visitorId, now);
  return findEnrolment(db, input.activityId, input.visitorId) as EnrolmentView;
}

export function rollCall(db: Db, sessionId: number, now: Date): RollCallView {
  const session = getSession(db, sessionId);
  return { activity: getActivity(db, session.activityId, now), session, rows: rollCallRows(db, session) };
}

/**
 * The whole roll of one session, in the caller's transaction: a mark for anyone not
 * enrolled (now) refuses the lot, naming the row.
 */
export function saveRollCall(db: Db, actor: Actor, input: RollCallInput, now: Date): RollCallView {
  const session = getSession(db, input.sessionId);
  if (session.cancelledAt !== null) throw new AppError('activities.sessionCancelled');
  const enrolled = new Set(rollCallRows(db, session).map((r) => r.visitorId));
  const strangers = input.marks.flatMap((m, i) => (enrolled.has(m.visitorId) ? [] : [i]));
  if (strangers.length > 0) {
    throw new AppError('activities.notEnrolled', { fields: Object.fromEntries(strangers.map((i) => [`marks.${i}.visitorId`, 'activities.notEnrolled' as const])) });
  }
  for (const mark of input.marks) {
    writeAttendance(db, actor, session.id, mark, now);
    touchVisitor(db, mark.visitorId, now);
  }
  return rollCall(db, session.id, now);
}
