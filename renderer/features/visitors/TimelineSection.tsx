import { Paper, Text, ThemeIcon, Timeline } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayCall } from '../../../shared/contract/access';
import type { VisitorProfile } from '../../../shared/contract/visitors';
import type { VisitorActivityView } from '../../../shared/domain/activities';
import type { AppointmentView } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { activityEvents, appointmentEvents, TIMELINE_SOURCES, timelineOf, type TimelineEvent } from './timeline';
import { isolatedT } from '../../ui/isolated';

/** Her appointments, for whoever may read them (the contract decides). */
function useVisitorAppointments(visitorId: number): AppointmentView[] {
  const api = useApi();
  const { user } = useSession();
  const reads = mayCall(user, 'appointments.ofVisitor');
  const [appointments, setAppointments] = useState<AppointmentView[]>([]);
  useEffect(() => {
    if (!reads) return;
    let current = true;
    void api.appointments.ofVisitor({ visitorId }).then((result) => {
      if (current && result.ok) setAppointments(result.value);
    });
    return () => {
      current = false;
    };
  }, [api, reads, visitorId]);
  return appointments;
}

/** Her workshops and their roll calls, for whoever may read them. */
function useVisitorActivities(visitorId: number): VisitorActivityView[] {
  const api = useApi();
  const { user } = useSession();
  const reads = mayCall(user, 'activities.ofVisitor');
  const [enrolments, setEnrolments] = useState<VisitorActivityView[]>([]);
  useEffect(() => {
    if (!reads) return;
    let current = true;
    void api.activities.ofVisitor({ visitorId }).then((result) => {
      if (current && result.ok) setEnrolments(result.value);
    });
    return () => {
      current = false;
    };
  }, [api, reads, visitorId]);
  return enrolments;
}

export function TimelineSection({ profile }: { profile: VisitorProfile }) {
  const { t } = useTranslation();
  const format = useDeskFormat();
  const appointments = useVisitorAppointments(profile.visitor.id);
  const enrolments = useVisitorActivities(profile.visitor.id);
  const events = timelineOf(profile, t, TIMELINE_SOURCES, [...appointmentEvents(appointments, t), ...activityEvents(enrolments, t)]);
  const when = (event: TimelineEvent) => (event.wall ? format.wallMoment(event.wall) : format.instant(event.at));
  return (
    <Paper withBorder radius="lg" p="lg">
      <Timeline bulletSize={30} lineWidth={2} data-testid="timeline">
        {events.map((event) => (
          <Timeline.Item
            key={event.key}
            bullet={
              <ThemeIcon size={30} radius="xl" variant="light">
                <Icon name={event.icon} size={16} />
              </ThemeIcon>
            }
            title={event.title}
          >
            {event.detail ? (
              <Text size="sm" c="dimmed">
                {event.detail}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed" mt={4}>
              {event.by ? isolatedT(t, 'timeline.atBy', { at: when(event), by: event.by }, ['by']) : when(event)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
