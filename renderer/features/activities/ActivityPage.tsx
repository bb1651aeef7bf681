import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mayCall } from '../../../shared/contract/access';
import type { ActivityDetail, ActivitySessionView } from '../../../shared/domain/activities';
import { errorMessage } from '../../app/i18n';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { notify } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import type { RecordTarget } from '../../ui/RecordFormModal';
import { ActivityModal } from './ActivityModal';
import { EnrolmentsSection } from './EnrolmentsSection';
import { activityKindLabel } from './labels';
import { CancelSessionModal, SessionTimeModal } from './SessionModals';

/** One workshop: what it is, its sessions (each moved or cancelled alone, each with its roll call) and who is enrolled. */
export function ActivityPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useSession();
  const format = useDeskFormat();
  const [activity, setActivity] = useState<ActivityDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<RecordTarget<ActivityDetail>>(null);
  const [timing, setTiming] = useState<RecordTarget<ActivitySessionView>>(null);
  const [cancelling, setCancelling] = useState<ActivitySessionView | null>(null);
  const manages = mayCall(user, 'activities.update');

  const reload = useCallback(
    () =>
      api.activities.get({ id }).then((result) => {
        if (!result.ok) return setError(errorMessage(t, result.error));
        setError(null);
        setActivity(result.value);
      }),
    [api, id, t],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  if (!activity) return <ErrorAlert message={error} />;
  const where = activity.roomName ? `${activity.placeName} · ${activity.roomName}` : activity.placeName;
  const saved = (message: string) => {
    notify(t, 'success', message);
    void reload();
  };

  return (
    <Stack maw={1100} gap="lg">
      <PageHeader
        title={<bdi>{activity.title}</bdi>}
        description={activity.description ?? undefined}
        actions={
          manages ? (
            <Button variant="default" leftSection={<Icon name="edit" size={18} />} onClick={() => setEditing(activity)}>
              {t('activities.edit')}
            </Button>
          ) : null
        }
      />
      <ErrorAlert message={error} />
      <Paper withBorder radius="lg" p="lg">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="lg" data-testid="activity-facts">
          <Fact label={t('activities.table.kind')} value={activityKindLabel(t, { key: activity.kindKey, name: activity.kindName })} />
          <Fact label={t('activities.table.facilitator')} value={activity.facilitator} />
          <Fact label={t('activities.table.place')} value={where} />
          <Fact label={t('activities.table.enrolled')} value={t('activities.enrolledOf', { enrolled: activity.enrolled, capacity: activity.capacity })} />
        </SimpleGrid>
      </Paper>

      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('activities.sessions.title')}
          </Title>
          {manages && activity.active ? (
            <Button variant="default" leftSection={<Icon name="plus" size={18} />} onClick={() => setTiming('new')}>
              {t('activities.sessions.add')}
            </Button>
          ) : null}
        </Group>
        <Paper withBorder radius="lg">
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="sessions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('activities.sessions.when')}</Table.Th>
                <Table.Th>{t('activities.sessions.state')}</Table.Th>
                <Table.Th>{t('activities.sessions.roll')}</Table.Th>
                <Table.Th>{t('activities.sessions.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {activity.sessions.map((session) => {
                const when = `${format.wallMoment(session.startsWall)} – ${session.endsWall.slice(11)}`;
                const live = session.cancelledAt === null;
                return (
                  <Table.Tr key={session.id} data-testid="session-row">
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {when}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {live ? (
                        session.moved ? (
                          <Badge variant="light" color="yellow">
                            {t('activities.sessions.moved')}
                          </Badge>
                        ) : (
                          <Text size="sm">{t('activities.sessions.planned')}</Text>
                        )
                      ) : (
                        <Stack gap={2}>
                          <Badge variant="light" color="gray">
                            {t('activities.sessions.cancelled')}
                          </Badge>
                          <Text size="xs" c="dimmed">
                            <bdi>{session.cancelReason}</bdi>
                          </Text>
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t('activities.sessions.marked', { marked: session.marked, enrolled: activity.enrolled })}</Text>
                    </Table.Td>
                    <Table.Td>
                      {live ? (
                        <Group gap="xs" wrap="nowrap">
                          <Button component={Link} to={`/activities/sessions/${session.id}/roll-call`} size="xs" leftSection={<Icon name="check" size={16} />} aria-label={t('activities.sessions.rollCallOf', { when })}>
                            {t('activities.sessions.rollCall')}
                          </Button>
                          {manages ? (
                            <>
                              <Button size="xs" variant="default" onClick={() => setTiming(session)} aria-label={t('activities.sessions.moveOf', { when })}>
                                {t('activities.sessions.move')}
                              </Button>
                              <Button size="xs" variant="subtle" color="red" onClick={() => setCancelling(session)} aria-label={t('activities.sessions.cancelOf', { when })}>
                                {t('activities.sessions.cancelShort')}
                              </Button>
                            </>
                          ) : null}
                        </Group>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      </Stack>

      <EnrolmentsSection activity={activity} manages={manages} onChanged={() => void reload()} />
      <Anchor component={Link} to="/activities" size="sm">
        {t('activities.backToList')}
      </Anchor>

      <ActivityModal
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={(next) => {
          setEditing(null);
          saved(t('activities.saved', { title: next.title }));
        }}
      />
      <SessionTimeModal
        activityId={activity.id}
        target={timing}
        onClose={() => setTiming(null)}
        onSaved={() => {
          setTiming(null);
          saved(t(timing === 'new' ? 'activities.sessions.added' : 'activities.sessions.movedDone'));
        }}
      />
      <CancelSessionModal
        session={cancelling}
        onClose={() => setCancelling(null)}
        onSaved={() => {
          setCancelling(null);
          saved(t('activities.sessions.cancelledDone'));
        }}
      />
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={600}>
        <bdi>{value}</bdi>
      </Text>
    </Stack>
  );
}
