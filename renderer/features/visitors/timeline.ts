import type { TFunction } from 'i18next';
import type { VisitorProfile } from '../../../shared/contract/visitors';
import type { VisitorActivityView } from '../../../shared/domain/activities';
import type { AppointmentView } from '../../../shared/domain/listening';
import type { IconName } from '../../ui/icons';

export interface TimelineEvent {
  key: string;
  /** An instant (ISO 8601), to sort by. */
  at: string;
  /** When main gave the moment on the desk's wall clock (an appointment's start): shown instead of converting `at`. */
  wall?: string;
  icon: IconName;
  title: string;
  detail?: string;
  by?: string | null;
}

/**
 * Where a visitor's timeline comes from: one function per kind of event. Later
 * features (listening sessions, childcare, kits) add their own source here, reading
 * the part of the profile they bring.
 */
export type TimelineSource = (profile: VisitorProfile, t: TFunction) => TimelineEvent[];

const registration: TimelineSource = ({ visitor }, t) => [
  { key: 'registered', at: visitor.createdAt, icon: 'userPlus', title: t('timeline.registered', { code: visitor.code }) },
  ...(visitor.anonymised ? [{ key: 'anonymised', at: visitor.updatedAt, icon: 'eraser' as const, title: t('timeline.anonymised') }] : []),
];

const consents: TimelineSource = ({ consentHistory }, t) =>
  consentHistory.map((record) => ({
    key: `consent-${record.id}`,
    at: record.recordedAt,
    icon: 'shield',
    title: t(record.granted ? 'timeline.consentGranted' : 'timeline.consentNotGranted', { kind: t(`consentKinds.${record.kind}.label`) }),
    by: record.recordedBy,
  }));

const intakes: TimelineSource = ({ intakes: list }, t) =>
  list.map((intake) => ({
    key: `intake-${intake.id}`,
    at: intake.createdAt,
    icon: 'clipboard',
    title: t('timeline.intake'),
    // No orientation for an administrator (null): it would give a disclosure away.
    detail: [...(intake.orientation ? [t(`orientations.${intake.orientation}`)] : []), ...intake.needs.map((need) => t(`needs.${need}`))].join(' · ') || undefined,
    by: intake.createdBy,
  }));

/** A referral is its proposal, then each change of status (with the reason of a refusal). */
const referrals: TimelineSource = ({ referrals: list }, t) =>
  list.flatMap((referral) =>
    referral.events.map((event, index) => ({
      key: `referral-${referral.id}-${index}`,
      at: event.at,
      icon: 'arrowForward' as const,
      title:
        index === 0
          ? t('timeline.referral', { partner: referral.partnerName })
          : t('timeline.referralStatus', { partner: referral.partnerName, status: t(`referralStatuses.${event.status}`) }),
      detail: index === 0 ? t(`needs.${referral.service}`) : (event.reason ?? undefined),
      by: event.by,
    })),
  );

/** Edits made together (one save) are one event. */
const edits: TimelineSource = ({ changes }, t) => {
  const saves = new Map<string, { at: string; by: string | null; fields: string[] }>();
  for (const change of changes) {
    const key = `${change.changedAt}|${change.changedBy ?? ''}`;
    const save = saves.get(key) ?? { at: change.changedAt, by: change.changedBy, fields: [] };
    save.fields.push(t(`visitorFields.${change.field}`));
    saves.set(key, save);
  }
  return [...saves.values()].map((save) => ({
    key: `edit-${save.at}-${save.by ?? ''}`,
    at: save.at,
    icon: 'edit',
    title: t('timeline.edited'),
    detail: save.fields.join(t('common.listSeparator')),
    by: save.by,
  }));
};

export const TIMELINE_SOURCES: TimelineSource[] = [registration, consents, intakes, referrals, edits];

/** Everything that happened, newest first. */
export function timelineOf(profile: VisitorProfile, t: TFunction, sources = TIMELINE_SOURCES, extra: readonly TimelineEvent[] = []): TimelineEvent[] {
  return [...sources.flatMap((source) => source(profile, t)), ...extra].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.key.localeCompare(b.key)));
}

/**
 * Her listening appointments, loaded beside the profile (`appointments.ofVisitor`): the day,
 * the place and the status, never a note nor what the session was about.
 */
export function appointmentEvents(appointments: readonly AppointmentView[], t: TFunction): TimelineEvent[] {
  return appointments.map((appointment) => ({
    key: `appointment-${appointment.id}`,
    at: appointment.startsAt,
    wall: appointment.startsWall,
    icon: 'calendarCheck',
    title: t('timeline.appointment', { place: appointment.placeName }),
    detail:
      appointment.status === 'cancelled' && appointment.lateCancellation
        ? t('appointments.statuses.cancelledLate')
        : t(`appointments.statuses.${appointment.status}`),
  }));
}

/**
 * Her workshops, loaded beside the profile (`activities.ofVisitor`): each enrolment, each
 * withdrawal, and each session's mark, at the moments main read on the desk's clock.
 */
export function activityEvents(enrolments: readonly VisitorActivityView[], t: TFunction): TimelineEvent[] {
  return enrolments.flatMap((e): TimelineEvent[] => [
    { key: `enrolment-${e.enrolmentId}`, at: e.enrolledAt, wall: e.enrolledAtWall, icon: 'users', title: t('timeline.enrolled', { title: e.title }) },
    ...(e.withdrawnAt && e.withdrawnAtWall
      ? [{ key: `withdrawal-${e.enrolmentId}`, at: e.withdrawnAt, wall: e.withdrawnAtWall, icon: 'x' as const, title: t('timeline.withdrawn', { title: e.title }) }]
      : []),
    ...e.attendance.map((a) => ({
      key: `attendance-${a.sessionId}`,
      at: a.startsAt,
      wall: a.startsWall,
      icon: 'check' as const,
      title: t('timeline.attended', { title: e.title }),
      detail: t(`activities.attendance.${a.status}`),
    })),
  ]);
}
