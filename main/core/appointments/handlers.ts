import type { HandlersFor } from '../router';
import { acting } from '../acting';
import { readSettings } from '../settings/service';
import { getKind, listKinds, saveKind } from './kinds/service';
import { bookAppointments, recordWalkIn } from './booking';
import { cancelSeriesFrom, changeStatus, reschedule } from './changes';
import { findSlots } from './slots';
import {
  appointmentDetail,
  appointmentsByIds,
  appointmentsInRange,
  appointmentsOfVisitor,
  appointmentsToReassign,
  getAppointment,
  placeOnCard,
  reminderRows,
} from './service';
import { addDays, calendarDateIn, endOfDayIn, startOfDayIn, wallMomentOf } from '../../../shared/domain/calendar';
import type { FreeSlotView, ReminderCall } from '../../../shared/domain/listening';
import { seesSessionDetails } from '../../../shared/domain/policy';

/** The language to call her in, among the app's: Darija is called in Arabic. */
function callLanguage(languages: string[]): ReminderCall['language'] {
  const spoken = languages.map((l) => (l === 'ary' ? 'ar' : l));
  return (spoken.find((l) => l === 'fr' || l === 'ar' || l === 'en') as ReminderCall['language'] | undefined) ?? null;
}

/** What happened to an appointment is also something that happened to her: touchVisitor is in the services. */
export const appointmentsHandlers: HandlersFor<
  | 'appointments.kinds'
  | 'appointments.saveKind'
  | 'appointments.findSlots'
  | 'appointments.book'
  | 'appointments.recordWalkIn'
  | 'appointments.get'
  | 'appointments.range'
  | 'appointments.myDay'
  | 'appointments.ofVisitor'
  | 'appointments.setStatus'
  | 'appointments.reschedule'
  | 'appointments.cancelSeriesFrom'
  | 'appointments.toReassign'
  | 'appointments.reminders'
  | 'appointments.card'
  | 'appointments.cardPrinted'
  | 'appointments.clock'
> = {
  'appointments.kinds': ({ includeInactive }, { desk }) => listKinds(acting(desk).db, includeInactive),
  'appointments.saveKind': (input, { desk, setAuditEntityId }) => {
    const { db } = acting(desk);
    if (input.id !== null) getKind(db, input.id);
    const kind = saveKind(db, input);
    setAuditEntityId(kind.id);
    return kind;
  },
  'appointments.findSlots': (query, { desk }) => {
    const { db, now } = acting(desk);
    const zone = readSettings(db).timeZone;
    return findSlots(db, query, now, zone).map((slot): FreeSlotView => ({ ...slot, startsWall: wallMomentOf(slot.startsAt, zone), endsWall: wallMomentOf(slot.endsAt, zone) }));
  },
  'appointments.clock': (_input, { desk }) => {
    const { db, now } = acting(desk);
    const moment = wallMomentOf(now, readSettings(db).timeZone);
    return { today: moment.slice(0, 10), now: moment };
  },
  'appointments.book': (input, { desk, setAuditEntityId, setAuditDetail }) => {
    const { db, user, now } = acting(desk);
    const { ids, overridden } = bookAppointments(db, user, input, now, readSettings(db).timeZone);
    setAuditEntityId(ids[0]);
    // The reason itself stays on the appointment: the audit says only that hours were overridden.
    if (overridden) setAuditDetail('appointments.outsideHours');
    return appointmentsByIds(db, ids);
  },
  'appointments.recordWalkIn': (input, { desk, setAuditEntityId }) => {
    const { db, user, now } = acting(desk);
    const id = recordWalkIn(db, user, input, now, readSettings(db).timeZone);
    setAuditEntityId(id);
    return getAppointment(db, id);
  },
  'appointments.get': ({ id }, { desk }) => appointmentDetail(acting(desk).db, id),
  'appointments.range': ({ from, to, placeId, psychologistId }, { desk }) => {
    const { db } = acting(desk);
    const zone = readSettings(db).timeZone;
    return appointmentsInRange(db, { from: startOfDayIn(from, zone), to: endOfDayIn(to, zone), placeId, psychologistId });
  },
  'appointments.myDay': ({ day }, { desk }) => {
    const { db, user, now } = acting(desk);
    const zone = readSettings(db).timeZone;
    const date = day ?? calendarDateIn(zone, now);
    return appointmentsInRange(db, { from: startOfDayIn(date, zone), to: endOfDayIn(date, zone), placeId: null, psychologistId: user.id });
  },
  'appointments.ofVisitor': ({ visitorId }, { desk }) => {
    const { db, user } = acting(desk);
    const views = appointmentsOfVisitor(db, visitorId);
    return seesSessionDetails(user.roles) ? views : views.map((v) => ({ ...v, kindKey: null, kindName: null, overrideReason: null }));
  },
  'appointments.setStatus': (input, { desk, setAuditEntityId }) => {
    const { db, user, now } = acting(desk);
    setAuditEntityId(input.id);
    changeStatus(db, user, input, now);
    return getAppointment(db, input.id);
  },
  'appointments.reschedule': (input, { desk, setAuditEntityId, setAuditDetail }) => {
    const { db, user, now } = acting(desk);
    setAuditEntityId(input.id);
    if (reschedule(db, user, input, now, readSettings(db).timeZone).overridden) setAuditDetail('appointments.outsideHours');
    return getAppointment(db, input.id);
  },
  'appointments.cancelSeriesFrom': (input, { desk, setAuditEntityId }) => {
    const { db, user, now } = acting(desk);
    setAuditEntityId(input.id);
    return appointmentsByIds(db, cancelSeriesFrom(db, user, input, now));
  },
  'appointments.toReassign': (_input, { desk }) => {
    const { db, now } = acting(desk);
    return appointmentsToReassign(db, now);
  },
  'appointments.reminders': ({ day }, { desk }) => {
    const { db, now } = acting(desk);
    const zone = readSettings(db).timeZone;
    const date = day ?? addDays(calendarDateIn(zone, now), 1);
    const rows = reminderRows(db, startOfDayIn(date, zone), endOfDayIn(date, zone));
    const views = new Map(appointmentsByIds(db, rows.map((r) => r.id)).map((v) => [v.id, v]));
    return rows.flatMap((r) => {
      const appointment = views.get(r.id);
      return appointment ? [{ appointment, phone: r.phone, language: callLanguage(JSON.parse(r.languages) as string[]) }] : [];
    });
  },
  'appointments.card': ({ id, language }, { desk, setAuditEntityId, setAuditDetail }) => {
    const { db } = acting(desk);
    setAuditEntityId(id);
    setAuditDetail(language);
    const appointment = getAppointment(db, id);
    const place = placeOnCard(db, appointment.placeId);
    const settings = readSettings(db);
    // Nothing of the unit, of psychology or of listening: a card found by the wrong person must not endanger her.
    return {
      startsWall: appointment.startsWall,
      placeName: place.name,
      placeAddress: place.address,
      visitorCode: appointment.visitorCode,
      organisationName: settings.organisationName,
    };
  },
  'appointments.cardPrinted': ({ id, language }, { desk, setAuditEntityId, setAuditDetail }) => {
    const { db } = acting(desk);
    setAuditEntityId(id);
    // Only an appointment that exists had its card printed; the audit entry is the record of it.
    getAppointment(db, id);
    setAuditDetail(language);
    return null;
  },
};
