import 'react-big-calendar/lib/css/react-big-calendar.css';
import './appointments.css';
import { Button, Center, Group, Loader, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { addDays, startOfWeek } from 'date-fns';
import { useEffect, useMemo, useState } from 'react';
import { Calendar, Views, type View } from 'react-big-calendar';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { mayCall } from '../../../shared/contract/access';
import type { AppointmentView, DeskClock } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { useDesk, useSession } from '../../app/desk';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { LIST_PAGE_WIDTH } from '../../ui/layout';
import { PageHeader } from '../../ui/PageHeader';
import { AppointmentList } from './AppointmentList';
import { BookAtTime } from './BookAtTime';
import { calendarMessages, FORMATS, localizer } from './calendar';
import { appointmentKind, eventSummary, statusLabel } from './labels';
import { bookingLink } from './prefill';
import { useListening } from './useListening';
import { useDeskClock } from '../../app/useDeskClock';
import { dayOfShown, shownAt, shownDay, wallFromShown } from './wall';

interface ScheduleEvent {
  appointment: AppointmentView;
  title: string;
  start: Date;
  end: Date;
  resourceId: number;
}

interface Resource {
  id: number;
  title: string;
}

type Columns = 'psychologist' | 'room';

/** The grid's hours, and the times the keyboard's booking offers. */
const FIRST_HOUR = 8;
const LAST_HOUR = 19;

/** What an appointment says on the grid: who, what, and its status in words. */
function EventContent({ event }: { event: ScheduleEvent }) {
  const { t } = useTranslation();
  return (
    <span className="guichet-event-content">
      <bdi className="guichet-event-visitor">{event.appointment.visitorLabel}</bdi>
      <span className="guichet-event-status">
        <span className={`guichet-event-marker guichet-event-marker-${event.appointment.status}`} aria-hidden="true" />
        {statusLabel(t, event.appointment)}
      </span>
      <span className="guichet-event-kind">{appointmentKind(t, event.appointment)}</span>
    </span>
  );
}

/** A day's name above its column: plain text (the library's own is an ARIA column header outside any row). */
function DayHeader({ label }: { label: string }) {
  return <span>{label}</span>;
}

/**
 * The listening unit's day and week, one column per psychologist or per room of a place, on
 * the desk's clock (main's: today and every time come from it). The grid is react-big-calendar
 * (its events are buttons: Tab, then Enter opens one); under it, the same appointments as a
 * plain list.
 */
export function SchedulePage() {
  const clock = useDeskClock();
  return clock ? (
    <Schedule clock={clock} />
  ) : (
    <Center p="xl">
      <Loader size="sm" aria-hidden="true" />
    </Center>
  );
}

function Schedule({ clock }: { clock: DeskClock }) {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { language } = useDesk();
  const { user } = useSession();
  const format = useDeskFormat();
  const lists = useListening();
  const [params, setParams] = useSearchParams();
  const today = clock.today;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(params.get('day') ?? '') ? (params.get('day') as string) : today;
  const view: View = params.get('view') === 'week' ? Views.WEEK : Views.DAY;
  const columns: Columns = params.get('columns') === 'room' ? 'room' : 'psychologist';
  const placeParam = Number(params.get('place'));
  const placeId = lists?.places.some((p) => p.id === placeParam) ? placeParam : (lists?.places[0]?.id ?? null);
  const [appointments, setAppointments] = useState<AppointmentView[]>([]);
  const [error, setError] = useState<string | null>(null);

  const shown = shownDay(day);
  const from = view === Views.WEEK ? dayOfShown(startOfWeek(shown, { weekStartsOn: 1 })) : day;
  const to = view === Views.WEEK ? dayOfShown(addDays(startOfWeek(shown, { weekStartsOn: 1 }), 6)) : day;

  useEffect(() => {
    if (placeId === null) return;
    let current = true;
    void api.appointments.range({ from, to, placeId }).then((result) => {
      if (!current) return;
      if (!result.ok) return setError(errorMessage(t, result.error));
      setError(null);
      setAppointments(result.value);
    });
    return () => {
      current = false;
    };
  }, [api, from, to, placeId, t]);

  const place = lists?.places.find((p) => p.id === placeId) ?? null;
  const resources: Resource[] = useMemo(() => {
    if (!lists || !place) return [];
    if (columns === 'room') {
      // A room taken out of use, or no room at all, keeps a column while appointments are there: none vanishes from the grid.
      const held = new Set(appointments.map((a) => a.roomId ?? 0));
      const rooms = place.rooms
        .filter((r) => r.active || held.has(r.id))
        .map((r) => ({ id: r.id, title: r.active ? r.name : t('scheduleBooking.rooms.inactive', { name: r.name }) }));
      return held.has(0) ? [...rooms, { id: 0, title: t('scheduleBooking.rooms.none') }] : rooms;
    }
    const active = lists.psychologists.map((p) => ({ id: p.id, title: p.displayName }));
    // A disabled psychologist keeps a column while she has appointments there: they wait for reassignment, never vanish.
    const disabled = new Map<number, Resource>();
    for (const a of appointments) {
      if (!active.some((p) => p.id === a.psychologistId)) disabled.set(a.psychologistId, { id: a.psychologistId, title: t('scheduleBooking.move.disabledPsychologist', { name: a.psychologistName }) });
    }
    return [...active, ...disabled.values()];
  }, [lists, place, columns, appointments, t]);

  const events: ScheduleEvent[] = useMemo(
    () =>
      appointments.map((appointment) => ({
        appointment,
        title: appointment.visitorLabel,
        start: shownAt(appointment.startsWall),
        end: shownAt(appointment.endsWall),
        resourceId: columns === 'room' ? (appointment.roomId ?? 0) : appointment.psychologistId,
      })),
    [appointments, columns],
  );

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  const step = (direction: -1 | 1) => set({ day: dayOfShown(addDays(shown, direction * (view === Views.WEEK ? 7 : 1))) });
  const open = (event: ScheduleEvent) => navigate(`/appointments/${event.appointment.id}`);
  const rtl = language === 'ar';
  const startHour = new Date(shown);
  startHour.setHours(FIRST_HOUR, 0, 0, 0);
  const endHour = new Date(shown);
  endHour.setHours(LAST_HOUR, 0, 0, 0);
  // Desk staff and psychologists book; an administrator reads the schedule only (the contract says so).
  const books = mayCall(user, 'appointments.book');
  const days = view === Views.WEEK ? Array.from({ length: 7 }, (_, i) => dayOfShown(addDays(shownDay(from), i))) : [day];
  const bookAt = (start: Date, resourceId: number | string | undefined) => {
    if (placeId === null) return;
    const column = typeof resourceId === 'number' ? resourceId : null;
    void navigate(
      bookingLink({
        placeId,
        startsAt: wallFromShown(start),
        psychologistId: columns === 'psychologist' ? column : null,
        roomId: columns === 'room' ? column : null,
      }),
    );
  };
  const heading = view === Views.WEEK ? t('appointments.schedule.weekOf', { from: format.day(from), to: format.day(to) }) : format.day(day);

  return (
    <Stack maw={LIST_PAGE_WIDTH} gap="md">
      <PageHeader
        title={t('appointments.schedule.title')}
        description={t('appointments.schedule.description')}
        actions={
          mayCall(user, 'appointments.book') ? (
            <Button component={Link} to="/appointments/new" leftSection={<Icon name="plus" size={18} />}>
              {t('appointments.book.open')}
            </Button>
          ) : null
        }
      />
      <Group gap="md" align="flex-end" wrap="wrap" className="no-print">
        <Select
          label={t('appointments.schedule.place')}
          data={(lists?.places ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          value={placeId === null ? null : String(placeId)}
          onChange={(value) => value && set({ place: value })}
          allowDeselect={false}
          w={260}
          data-testid="schedule-place"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="schedule-view-label">
            {t('appointments.schedule.view')}
          </Text>
          <SegmentedControl
            aria-labelledby="schedule-view-label"
            value={view}
            onChange={(value) => set({ view: value === Views.WEEK ? 'week' : null })}
            data={[
              { value: Views.DAY, label: t('appointments.schedule.day') },
              { value: Views.WEEK, label: t('appointments.schedule.week') },
            ]}
          />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="schedule-columns-label">
            {t('appointments.schedule.columns')}
          </Text>
          <SegmentedControl
            aria-labelledby="schedule-columns-label"
            value={columns}
            onChange={(value) => set({ columns: value === 'room' ? 'room' : null })}
            data={[
              { value: 'psychologist', label: t('appointments.schedule.byPsychologist') },
              { value: 'room', label: t('appointments.schedule.byRoom') },
            ]}
          />
        </Stack>
        <Group gap="xs">
          <Button variant="default" onClick={() => step(-1)} aria-label={t(view === Views.WEEK ? 'appointments.schedule.previousWeek' : 'appointments.schedule.previousDay')}>
            <Icon name="arrowBack" size={18} />
          </Button>
          <Button variant="default" onClick={() => set({ day: null })} disabled={day === today}>
            {t('appointments.schedule.today')}
          </Button>
          <Button variant="default" onClick={() => step(1)} aria-label={t(view === Views.WEEK ? 'appointments.schedule.nextWeek' : 'appointments.schedule.nextDay')}>
            <Icon name="arrowForward" size={18} />
          </Button>
        </Group>
      </Group>
      <ErrorAlert message={error} />
      <Title order={2} size="h4" data-testid="schedule-heading">
        {heading}
      </Title>
      {books && placeId !== null && resources.length > 0 ? (
        <BookAtTime
          key={`${from}-${columns}-${placeId}`}
          placeId={placeId}
          days={days}
          day={day}
          columns={columns === 'room' ? resources.filter((r) => place?.rooms.some((room) => room.id === r.id && room.active)) : resources.filter((r) => lists?.psychologists.some((p) => p.id === r.id))}
          columnKind={columns}
          fromHour={FIRST_HOUR}
          toHour={LAST_HOUR}
        />
      ) : null}
      <Paper withBorder radius="md" p="xs" className={view === Views.WEEK ? 'guichet-schedule guichet-schedule-week' : 'guichet-schedule'} data-testid="schedule-calendar">
        <Calendar<ScheduleEvent, Resource>
          localizer={localizer}
          culture={language}
          rtl={rtl}
          formats={FORMATS}
          messages={calendarMessages(t)}
          toolbar={false}
          events={events}
          resources={resources.length > 0 ? resources : undefined}
          resourceIdAccessor="id"
          resourceTitleAccessor="title"
          // The week reads day by day, each day split by psychologist (or room).
          resourceGroupingLayout={view === Views.WEEK}
          view={view}
          views={[Views.DAY, Views.WEEK]}
          onView={() => undefined}
          date={shown}
          onNavigate={(next) => set({ day: dayOfShown(next) })}
          getNow={() => shownAt(clock.now)}
          min={startHour}
          max={endHour}
          step={15}
          timeslots={4}
          components={{ event: EventContent, header: DayHeader }}
          // Cut short in a narrow column, an appointment still says all of itself on hover.
          tooltipAccessor={(event) => eventSummary(t, event.appointment)}
          selectable={books}
          onSelectSlot={(slot) => bookAt(slot.start, slot.resourceId)}
          eventPropGetter={(event) => ({ className: `guichet-event guichet-event-${event.appointment.status}` })}
          onSelectEvent={open}
          onKeyPressEvent={(event, e) => {
            // The library hands its keydown over as a plain SyntheticEvent.
            const key = (e as unknown as { key?: string }).key;
            if (key === 'Enter' || key === ' ') open(event);
          }}
          dayLayoutAlgorithm="no-overlap"
          style={{ height: 760 }}
        />
      </Paper>
      <AppointmentList appointments={appointments} withDay={view === Views.WEEK} caption={t('appointments.schedule.listCaption', { range: heading })} testId="schedule-list" />
    </Stack>
  );
}
