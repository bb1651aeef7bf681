import { Anchor, Stack, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mayCall } from '../../../shared/contract/access';
import type { AppointmentView } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { AppointmentList } from './AppointmentList';
import { useDeskClock } from '../../app/useDeskClock';
import { QuickActions } from './DayPages';

/**
 * Today's appointments on the home page: a psychologist's own, or the whole desk's for the
 * desk staff, with the arrivals to mark. Nothing for whoever may not change a status.
 */
export function HomeToday() {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useSession();
  const own = mayCall(user, 'appointments.myDay') && !user.roles.includes('desk');
  const shown = mayCall(user, 'appointments.setStatus');
  const today = useDeskClock()?.today ?? null;
  const [appointments, setAppointments] = useState<AppointmentView[] | null>(null);
  useEffect(() => {
    if (!shown || today === null) return;
    let current = true;
    const call = own ? api.appointments.myDay({ day: today }) : api.appointments.range({ from: today, to: today });
    void call.then((result) => {
      if (current && result.ok) setAppointments(result.value);
    });
    return () => {
      current = false;
    };
  }, [api, own, shown, today]);
  const changed = useCallback((next: AppointmentView) => setAppointments((list) => list?.map((a) => (a.id === next.id ? next : a)) ?? null), []);
  if (!shown) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="home-today" data-testid="home-today">
      <Title order={2} size="h4" id="home-today">
        {t(own ? 'appointments.home.mine' : 'appointments.home.desk')}
      </Title>
      {appointments ? (
        <AppointmentList appointments={appointments} caption={t('appointments.today.caption')} actions={(a) => <QuickActions appointment={a} onChanged={changed} />} />
      ) : null}
      <Anchor component={Link} to={own ? '/my-day' : '/today'} size="sm" w="fit-content">
        {t(own ? 'appointments.home.openMine' : 'appointments.home.openDesk')}
      </Anchor>
    </Stack>
  );
}
