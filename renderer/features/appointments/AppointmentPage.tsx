import './appointments.css';
import { Anchor, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { mayCall } from '../../../shared/contract/access';
import { DEFAULT_LANGUAGE } from '../../../shared/domain/accounts';
import { STATUS_TRANSITIONS, type AppointmentDetail, type AppointmentEventView, type AppointmentStatus } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { isolatedT } from '../../ui/isolated';
import { notify } from '../../ui/notify';
import { StatusBadge } from './AppointmentList';
import { CancelModal } from './CancelModal';
import { CardModal } from './CardModal';
import { appointmentKind, statusLabel, whereLabel } from './labels';
import { RescheduleModal } from './RescheduleModal';
import { wallDay, wallTime } from './wall';

/** The status moves a button makes at once; a cancellation asks who and why first. */
const QUICK: readonly AppointmentStatus[] = ['arrived', 'done', 'noShow', 'leftWithoutSession'];

function HistoryEntry({ event }: { event: AppointmentEventView }) {
  const { t } = useTranslation();
  const format = useDeskFormat();
  const title =
    event.kind === 'status' && event.fromStatus && event.toStatus
      ? t('appointments.history.status', { from: t(`appointments.statuses.${event.fromStatus}`), to: t(`appointments.statuses.${event.toStatus}`) })
      : event.kind === 'moved' && event.oldStartsWall
        ? t('appointments.history.moved', { from: `${format.day(wallDay(event.oldStartsWall))} ${wallTime(event.oldStartsWall)}` })
        : event.kind === 'reassigned'
          ? isolatedT(t, 'appointments.history.reassigned', { from: event.oldPsychologistName ?? '' }, ['from'])
          : t(`appointments.history.${event.kind}`);
  return (
    <Timeline.Item title={title}>
      {event.reason ? (
        <Text size="sm" dir="auto">
          {event.reason}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed" mt={4}>
        {isolatedT(t, 'timeline.atBy', { at: format.wallMoment(event.atWall), by: event.by }, ['by'])}
      </Text>
    </Timeline.Item>
  );
}

/** One appointment: what, when, where, its status and the moves it allows, its history. Never a note. */
export function AppointmentPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { id } = useParams();
  const appointmentId = Number(id);
  const { user } = useSession();
  const format = useDeskFormat();
  const [appointment, setAppointment] = useState<AppointmentDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<AppointmentStatus | null>(null);
  const [dialog, setDialog] = useState<'cancel' | 'cancelSeries' | 'reschedule' | 'card' | null>(null);

  const load = useCallback(async () => {
    const result = await api.appointments.get({ id: appointmentId });
    if (!result.ok) return setError(errorMessage(t, result.error));
    setError(null);
    setAppointment(result.value);
  }, [api, appointmentId, t]);

  useEffect(() => {
    let current = true;
    void api.appointments.get({ id: appointmentId }).then((result) => {
      if (!current) return;
      if (!result.ok) return setError(errorMessage(t, result.error));
      setAppointment(result.value);
    });
    return () => {
      current = false;
    };
  }, [api, appointmentId, t]);

  if (!appointment) {
    return error ? (
      <Stack maw={720}>
        <ErrorAlert message={error} />
      </Stack>
    ) : (
      <Center p="xl">
        <Loader aria-hidden="true" />
      </Center>
    );
  }

  const changes = mayCall(user, 'appointments.setStatus');
  const allowed = STATUS_TRANSITIONS[appointment.status];
  const psychologist = user.roles.includes('psychologist');
  const scheduled = appointment.status === 'scheduled';

  const move = async (status: AppointmentStatus) => {
    if (status === 'cancelled') return setDialog('cancel');
    setBusy(status);
    const result = await api.appointments.setStatus({ id: appointment.id, status });
    setBusy(null);
    if (!result.ok) return notify(t, 'error', errorMessage(t, result.error));
    notify(t, 'success', t('appointments.detail.statusChanged', { status: statusLabel(t, result.value) }));
    await load();
  };
  const closed = () => {
    setDialog(null);
    void load();
  };

  const facts: [string, React.ReactNode][] = [
    [t('appointments.list.visitor'), <Anchor component={Link} to={`/visitors/${appointment.visitorId}`}><bdi>{appointment.visitorLabel}</bdi></Anchor>],
    [t('appointments.list.psychologist'), <bdi>{appointment.psychologistName}</bdi>],
    [t('appointments.list.where'), <bdi>{whereLabel(appointment)}</bdi>],
    [t('appointments.list.kind'), appointmentKind(t, appointment)],
    [
      t('appointments.detail.interpreter'),
      appointment.interpreterLanguage
        ? `${t(`spokenLanguages.${appointment.interpreterLanguage}`)}${appointment.interpreterName ? ` · ${appointment.interpreterName}` : ''}`
        : t('appointments.detail.noInterpreter'),
    ],
  ];
  if (appointment.seriesId !== null) facts.push([t('appointments.detail.series'), t('appointments.detail.inSeries')]);
  if (appointment.overrideReason) facts.push([t('appointments.detail.override'), <span dir="auto">{appointment.overrideReason}</span>]);
  if (psychologist) facts.push([t('appointments.detail.noShows'), t('appointments.detail.noShowCount', { count: appointment.visitorNoShows })]);

  return (
    <Stack maw={1000} gap="md">
      <Button component={Link} to="/appointments" variant="subtle" color="gray" leftSection={<Icon name="arrowBack" size={18} />} w="fit-content" px={6}>
        {t('appointments.backToSchedule')}
      </Button>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} size="h2" tabIndex={-1}>
            {t('appointments.detail.title', { day: format.day(wallDay(appointment.startsWall)) })}{' '}
            <bdi dir="ltr">{`${wallTime(appointment.startsWall)}–${wallTime(appointment.endsWall)}`}</bdi>
          </Title>
          <Group gap="xs">
            <StatusBadge appointment={appointment} />
            {appointment.walkIn ? (
              <Text size="sm" c="dimmed">
                {t('appointments.detail.walkIn')}
              </Text>
            ) : null}
          </Group>
        </Stack>
        {mayCall(user, 'appointments.card') && scheduled ? (
          <Button variant="default" leftSection={<Icon name="printer" size={18} />} onClick={() => setDialog('card')}>
            {t('appointments.card.open')}
          </Button>
        ) : null}
      </Group>

      <Paper withBorder radius="lg" p="lg">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="sm" c="dimmed">
                {label}
              </Text>
              <Text component="dd" m={0} fw={500}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>

      {changes && (allowed.length > 0 || scheduled) ? (
        <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="appointment-actions">
          <Title order={2} size="h4" id="appointment-actions" mb="sm">
            {t('appointments.detail.actions')}
          </Title>
          <Group gap="sm">
            {allowed
              .filter((status) => QUICK.includes(status))
              .map((status) => (
                <Button key={status} variant={status === 'arrived' || status === 'done' ? 'filled' : 'light'} loading={busy === status} onClick={() => void move(status)}>
                  {t(`appointments.actions.${status}`)}
                </Button>
              ))}
            {scheduled ? (
              <Button variant="default" onClick={() => setDialog('reschedule')}>
                {t('appointments.actions.reschedule')}
              </Button>
            ) : null}
            {allowed.includes('cancelled') ? (
              <Button variant="light" color="red" onClick={() => setDialog('cancel')}>
                {t('appointments.actions.cancelled')}
              </Button>
            ) : null}
            {scheduled && appointment.seriesId !== null ? (
              <Button variant="subtle" color="red" onClick={() => setDialog('cancelSeries')}>
                {t('appointments.actions.cancelSeries')}
              </Button>
            ) : null}
          </Group>
        </Paper>
      ) : null}

      {psychologist && appointment.status === 'done' ? (
        <Button component={Link} to={`/notes/new?appointment=${appointment.id}`} leftSection={<Icon name="edit" size={18} />} w="fit-content">
          {t('appointments.detail.writeNote')}
        </Button>
      ) : null}

      <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="appointment-history">
        <Title order={2} size="h4" id="appointment-history" mb="sm">
          {t('appointments.detail.history')}
        </Title>
        <Timeline bulletSize={16} lineWidth={2} data-testid="appointment-history">
          {appointment.history.map((event, index) => (
            <HistoryEntry key={index} event={event} />
          ))}
        </Timeline>
      </Paper>

      <CancelModal appointment={appointment} series={false} opened={dialog === 'cancel'} onClose={() => setDialog(null)} onDone={closed} />
      <CancelModal appointment={appointment} series opened={dialog === 'cancelSeries'} onClose={() => setDialog(null)} onDone={closed} />
      <RescheduleModal appointment={appointment} opened={dialog === 'reschedule'} onClose={() => setDialog(null)} onDone={closed} />
      <CardModal appointmentId={dialog === 'card' ? appointment.id : null} initialLanguage={DEFAULT_LANGUAGE} onClose={() => setDialog(null)} />
    </Stack>
  );
}
