import type { Db } from '../db/database';
import { AppError } from '../errors';
import { requireActiveVisitor, touchVisitor } from '../visitors/service';
import { allowOutsideHours, claimWithRoom, refuseClash, requireBookablePsychologist, roomsToTry, spanOf, withinHours, type Booker } from './booking';
import { getAppointment, recordEvent, seriesFrom, writeMove, writeStatus } from './service';
import { LATE_CANCELLATION_MS, STATUS_TRANSITIONS, type AppointmentStatus, type AppointmentView } from '../../../shared/domain/listening';

/**
 * What happens to an appointment after it is booked: its status, a move, a reassignment.
 * Each change is one row of its history; nothing is ever deleted and booked again.
 */

function requireTransition(from: AppointmentStatus, to: AppointmentStatus): void {
  if (!STATUS_TRANSITIONS[from].includes(to)) throw new AppError('appointments.transitionNotAllowed', { params: { from, to } });
}

export interface StatusChange {
  id: number;
  status: AppointmentStatus;
  cancelledBy: AppointmentView['cancelledBy'];
  reason: string | null;
}

function applyStatus(db: Db, actor: Booker, appointment: AppointmentView, change: Omit<StatusChange, 'id'>, now: Date): void {
  requireTransition(appointment.status, change.status);
  const cancelled = change.status === 'cancelled';
  // Less than 24 hours before the start, or after it: late, which the unit may want to know (never a penalty).
  const late = cancelled && Date.parse(appointment.startsAt) - now.getTime() < LATE_CANCELLATION_MS;
  writeStatus(db, appointment.id, { status: change.status, cancelledBy: cancelled ? change.cancelledBy : null, late }, now);
  recordEvent(db, actor, { appointmentId: appointment.id, kind: 'status', fromStatus: appointment.status, toStatus: change.status, reason: change.reason }, now);
}

export function changeStatus(db: Db, actor: Booker, change: StatusChange, now: Date): void {
  const appointment = getAppointment(db, change.id);
  requireActiveVisitor(db, appointment.visitorId);
  applyStatus(db, actor, appointment, change, now);
  touchVisitor(db, appointment.visitorId, now);
}

/** This occurrence and the later ones of its series that are still to happen; the earlier ones keep theirs. */
export function cancelSeriesFrom(db: Db, actor: Booker, input: { id: number; cancelledBy: 'visitor' | 'unit'; reason: string }, now: Date): number[] {
  const appointment = getAppointment(db, input.id);
  requireActiveVisitor(db, appointment.visitorId);
  requireTransition(appointment.status, 'cancelled');
  const ids = appointment.seriesId === null ? [appointment.id] : seriesFrom(db, appointment.seriesId, appointment.startsAt);
  for (const id of ids) applyStatus(db, actor, getAppointment(db, id), { status: 'cancelled', cancelledBy: input.cancelledBy, reason: input.reason }, now);
  touchVisitor(db, appointment.visitorId, now);
  return ids;
}

export interface Move {
  id: number;
  startsAt: string;
  minutes: number;
  roomId: number | null;
  psychologistId: number | null;
  reason: string;
  overrideReason: string | null;
}

/**
 * Moves one appointment (never the rest of its series) to a new time, room or psychologist,
 * with the same checks as a booking; its history keeps the old time and psychologist.
 */
export function reschedule(db: Db, actor: Booker, move: Move, now: Date, timeZone: string): { overridden: boolean } {
  const appointment = getAppointment(db, move.id);
  requireActiveVisitor(db, appointment.visitorId);
  if (appointment.status !== 'scheduled') throw new AppError('appointments.transitionNotAllowed', { params: { from: appointment.status, to: 'scheduled' } });
  const psychologistId = requireBookablePsychologist(db, move.psychologistId ?? appointment.psychologistId).id;
  // No room asked for: its own room if free, else another free one of the place.
  const rooms =
    move.roomId !== null
      ? roomsToTry(db, appointment.placeId, move.roomId)
      : roomsToTry(db, appointment.placeId, null).sort((a, b) => Number(b === appointment.roomId) - Number(a === appointment.roomId));
  const span = spanOf(move.startsAt, move.minutes, timeZone);
  if (span.startsAt < now.toISOString()) throw new AppError('appointments.inPast', { fields: { startsAt: 'appointments.inPast' } });
  const override = withinHours(db, span, psychologistId, appointment.placeId, appointment.interpreterId)
    ? null
    : allowOutsideHours(actor, move.overrideReason, span.day);
  const claim = {
    psychologistId,
    visitorId: appointment.visitorId,
    interpreterId: appointment.interpreterId,
    startsAt: span.startsAt,
    endsAt: span.endsAt,
    excludeId: appointment.id,
  };
  const { roomId, clashes } = claimWithRoom(db, claim, rooms);
  if (clashes.length > 0) refuseClash(clashes, span.day);
  writeMove(db, appointment.id, { psychologistId, roomId, startsAt: span.startsAt, endsAt: span.endsAt, overrideReason: override }, now);
  const reassigned = psychologistId !== appointment.psychologistId;
  recordEvent(
    db,
    actor,
    {
      appointmentId: appointment.id,
      kind: reassigned ? 'reassigned' : 'moved',
      oldStartsAt: appointment.startsAt,
      oldEndsAt: appointment.endsAt,
      oldPsychologistId: reassigned ? appointment.psychologistId : null,
      reason: move.reason,
    },
    now,
  );
  touchVisitor(db, appointment.visitorId, now);
  return { overridden: override !== null };
}
