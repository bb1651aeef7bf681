import type { TFunction } from 'i18next';
import type { AppointmentStatus, AppointmentView, SessionKindView } from '../../../shared/domain/listening';
import { wallTime } from './wall';

/** A session kind's words: the field's four are translated, the others keep the name given them. */
export function kindLabel(t: TFunction, kind: { key: SessionKindView['key']; name: string | null }): string {
  return kind.key ? t(`listening.kinds.${kind.key}`) : (kind.name ?? '');
}

export function appointmentKind(t: TFunction, appointment: AppointmentView): string {
  return kindLabel(t, { key: appointment.kindKey, name: appointment.kindName });
}

/** The status in words (never only a colour), with "late" for a cancellation less than a day before. */
export function statusLabel(t: TFunction, appointment: Pick<AppointmentView, 'status' | 'lateCancellation'>): string {
  if (appointment.status === 'cancelled' && appointment.lateCancellation) return t('appointments.statuses.cancelledLate');
  return t(`appointments.statuses.${appointment.status}`);
}

/** The colour that goes with the words: a second cue, never the only one. */
export const STATUS_COLOURS: Record<AppointmentStatus, string> = {
  scheduled: 'blue',
  arrived: 'teal',
  done: 'green',
  noShow: 'orange',
  cancelled: 'gray',
  leftWithoutSession: 'grape',
};

/** Where it happens: the place, and the room when one is set. */
export function whereLabel(appointment: Pick<AppointmentView, 'placeName' | 'roomName'>): string {
  return appointment.roomName ? `${appointment.placeName} · ${appointment.roomName}` : appointment.placeName;
}

/** All an appointment says on the grid, in one line: the tooltip of one cut short by a narrow column. */
export function eventSummary(t: TFunction, appointment: AppointmentView): string {
  const time = `${wallTime(appointment.startsWall)}–${wallTime(appointment.endsWall)}`;
  return [time, appointment.visitorLabel, statusLabel(t, appointment), appointmentKind(t, appointment), appointment.psychologistName].join(' · ');
}
