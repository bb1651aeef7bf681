import './appointments.css';
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { statusChangeSchema } from '../../../shared/contract/appointments';
import { addDays } from '../../../shared/domain/calendar';
import { STATUS_TRANSITIONS, type AppointmentView, type ReminderCall } from '../../../shared/domain/listening';
import { formatPhone } from '../../../shared/domain/phone';
import type { Result } from '../../../shared/errors';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDeskFormat } from '../../ui/format';
import { LIST_PAGE_WIDTH } from '../../ui/layout';
import { notify } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { mayCall } from '../../../shared/contract/access';
import { AppointmentList } from './AppointmentList';
import { RescheduleModal } from './RescheduleModal';
import { useDeskClock } from '../../app/useDeskClock';
import { statusLabel } from './labels';

type QuickStatus = Extract<z.input<typeof statusChangeSchema>['status'], 'arrived' | 'done' | 'noShow'>;
const QUICK: readonly QuickStatus[] = ['arrived', 'done', 'noShow'];

/** The buttons of a row: the moves its status allows now, each named with the visitor it is for. */
export function QuickActions({ appointment, onChanged }: { appointment: AppointmentView; onChanged(next: AppointmentView): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState<QuickStatus | null>(null);
  const allowed = QUICK.filter((status) => STATUS_TRANSITIONS[appointment.status].includes(status));
  if (allowed.length === 0) return null;
  const move = async (status: QuickStatus) => {
    setBusy(status);
    const result = await api.appointments.setStatus({ id: appointment.id, status });
    setBusy(null);
    if (!result.ok) return notify(t, 'error', errorMessage(t, result.error));
    notify(t, 'success', t('appointments.detail.statusChanged', { status: statusLabel(t, result.value) }));
    onChanged(result.value);
  };
  return (
    <Group gap={6} wrap="nowrap">
      {allowed.map((status) => (
        <Button
          key={status}
          size="compact-sm"
          variant={status === 'noShow' ? 'default' : 'light'}
          loading={busy === status}
          onClick={() => void move(status)}
          aria-label={t(`appointments.actionsFor.${status}`, { visitor: appointment.visitorLabel })}
        >
          {t(`appointments.actions.${status}`)}
        </Button>
      ))}
    </Group>
  );
}

/** A list of the day loaded once `load` is known (and again on `reload`), whose rows change in place as their status does. */
function useDay(load: (() => Promise<Result<AppointmentView[]>>) | null) {
  const { t } = useTranslation();
  const [appointments, setAppointments] = useState<AppointmentView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!load) return;
    let current = true;
    void load().then((result) => {
      if (!current) return;
      if (!result.ok) return setError(errorMessage(t, result.error));
      setAppointments(result.value);
    });
    return () => {
      current = false;
    };
  }, [load, t, version]);
  const changed = useCallback((next: AppointmentView) => setAppointments((list) => list?.map((a) => (a.id === next.id ? next : a)) ?? null), []);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { appointments, error, changed, reload };
}

/** The desk's today: every appointment of the day at every place, arrivals marked from the keyboard. */
export function TodayPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const today = useDeskClock()?.today ?? null;
  const load = useMemo(() => (today === null ? null : () => api.appointments.range({ from: today, to: today })), [api, today]);
  const { appointments, error, changed } = useDay(load);
  return (
    <Stack maw={LIST_PAGE_WIDTH} gap="md">
      <PageHeader
        title={t('appointments.today.title')}
        description={today === null ? undefined : t('appointments.today.description', { day: format.day(today) })}
        actions={
          <Anchor component={Link} to="/calls" size="sm">
            {t('appointments.today.callsLink')}
          </Anchor>
        }
      />
      <ErrorAlert message={error} />
      {appointments ? (
        <AppointmentList
          appointments={appointments}
          caption={t('appointments.today.caption')}
          actions={(a) => <QuickActions appointment={a} onChanged={changed} />}
          testId="today-list"
        />
      ) : null}
    </Stack>
  );
}

/** A psychologist's own day. */
export function MyDayPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const today = useDeskClock()?.today ?? null;
  const load = useMemo(() => (today === null ? null : () => api.appointments.myDay({ day: today })), [api, today]);
  const { appointments, error, changed } = useDay(load);
  return (
    <Stack maw={LIST_PAGE_WIDTH} gap="md">
      <PageHeader title={t('appointments.myDay.title')} description={today === null ? undefined : format.day(today)} />
      <ErrorAlert message={error} />
      {appointments ? (
        <AppointmentList
          appointments={appointments}
          caption={t('appointments.myDay.caption')}
          actions={(a) => <QuickActions appointment={a} onChanged={changed} />}
          extra={{ label: t('appointments.detail.noShows'), cell: (a) => <Text size="sm">{a.visitorNoShows}</Text> }}
          testId="my-day-list"
        />
      ) : null}
    </Stack>
  );
}

/** Tomorrow's calls: only visitors who consented to phone contact, with the language to call in. */
export function CallsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const today = useDeskClock()?.today ?? null;
  const tomorrow = today === null ? null : addDays(today, 1);
  const [calls, setCalls] = useState<ReminderCall[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (tomorrow === null) return;
    let current = true;
    void api.appointments.reminders({ day: tomorrow }).then((result) => {
      if (!current) return;
      if (!result.ok) return setError(errorMessage(t, result.error));
      setCalls(result.value);
    });
    return () => {
      current = false;
    };
  }, [api, t, tomorrow]);
  const phoneOf = new Map((calls ?? []).map((c) => [c.appointment.id, c]));
  return (
    <Stack maw={LIST_PAGE_WIDTH} gap="md">
      <PageHeader title={t('appointments.calls.title')} description={tomorrow === null ? undefined : t('appointments.calls.description', { day: format.day(tomorrow) })} />
      <ErrorAlert message={error} />
      {calls ? (
        <AppointmentList
          appointments={calls.map((c) => c.appointment)}
          caption={t('appointments.calls.caption')}
          extra={{
            label: t('appointments.calls.phone'),
            cell: (a) => {
              const call = phoneOf.get(a.id);
              return call ? (
                <Text size="sm">
                  <bdi dir="ltr">{formatPhone(call.phone)}</bdi>
                  {call.language ? ` · ${t(`languageNames.${call.language}`)}` : ''}
                </Text>
              ) : null;
            },
          }}
          testId="calls-list"
        />
      ) : null}
    </Stack>
  );
}

/**
 * A disabled psychologist's appointments still to come: to give to someone else, never lost.
 * Desk staff and psychologists move one from its row; an administrator, who sees the list
 * but does not book, is told who does.
 */
export function ReassignPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useSession();
  const load = useCallback(() => api.appointments.toReassign({}), [api]);
  const { appointments, error, reload } = useDay(load);
  const [moving, setMoving] = useState<AppointmentView | null>(null);
  const moves = mayCall(user, 'appointments.reschedule');
  return (
    <Stack maw={LIST_PAGE_WIDTH} gap="md">
      <PageHeader title={t('appointments.reassign.title')} description={t('appointments.reassign.description')} />
      {!moves ? (
        <Text size="sm" c="dimmed" data-testid="reassign-who">
          {t('scheduleBooking.move.byDesk')}
        </Text>
      ) : null}
      <ErrorAlert message={error} />
      {appointments ? (
        <AppointmentList
          appointments={appointments}
          withDay
          caption={t('appointments.reassign.caption')}
          actions={
            moves
              ? (a) => (
                  <Button size="compact-sm" variant="light" onClick={() => setMoving(a)} aria-label={t('scheduleBooking.move.actionFor', { visitor: a.visitorLabel })}>
                    {t('appointments.actions.reschedule')}
                  </Button>
                )
              : undefined
          }
          testId="reassign-list"
        />
      ) : null}
      {moving ? (
        <RescheduleModal
          appointment={moving}
          opened
          onClose={() => setMoving(null)}
          onDone={() => {
            setMoving(null);
            notify(t, 'success', t('scheduleBooking.move.done'));
            // Moved to someone active, it leaves the list.
            reload();
          }}
        />
      ) : null}
    </Stack>
  );
}
