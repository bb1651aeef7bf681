import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { mayCall } from '../../../shared/contract/access';
import type { ActivityView } from '../../../shared/domain/activities';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { ActiveBadge } from '../../ui/ActiveBadge';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { ListPage, useListed } from '../../ui/ListPage';
import { notify } from '../../ui/notify';
import type { RecordTarget } from '../../ui/RecordFormModal';
import { ActivityModal } from './ActivityModal';
import { activityKindLabel } from './labels';

/** Every workshop: its kind, who runs it, where, its next session and how full it is. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useSession();
  const navigate = useNavigate();
  const format = useDeskFormat();
  const [form, setForm] = useState<RecordTarget<ActivityView>>(null);
  const { items, error } = useListed(useCallback(() => api.activities.list({ includeInactive: true }), [api]));

  return (
    <ListPage
      title={t('activities.title')}
      description={t('activities.intro')}
      actions={
        mayCall(user, 'activities.create') ? (
          <Button leftSection={<Icon name="plus" size={18} />} onClick={() => setForm('new')}>
            {t('activities.create')}
          </Button>
        ) : null
      }
      items={items}
      error={error}
      empty={{ text: t('activities.empty'), testId: 'activities-empty' }}
      columns={{
        headings: [t('activities.table.title'), t('activities.table.kind'), t('activities.table.facilitator'), t('activities.table.place'), t('activities.table.next'), t('activities.table.enrolled')],
      }}
      tableTestId="activities-table"
      row={(activity) => (
        <Table.Tr key={activity.id} data-testid="activity-row">
          <Table.Td>
            <Group gap="xs" wrap="nowrap">
              <Anchor component={Link} to={`/activities/${activity.id}`} fw={600} size="sm">
                <bdi>{activity.title}</bdi>
              </Anchor>
              {activity.active ? null : <ActiveBadge active={false} label={t('activities.closed')} />}
            </Group>
          </Table.Td>
          <Table.Td>
            <Text size="sm">
              <bdi>{activityKindLabel(t, { key: activity.kindKey, name: activity.kindName })}</bdi>
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">
              <bdi>{activity.facilitator}</bdi>
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">
              <bdi>{activity.roomName ? `${activity.placeName} · ${activity.roomName}` : activity.placeName}</bdi>
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{activity.nextSessionWall ? format.wallMoment(activity.nextSessionWall) : t('activities.noNextSession')}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{t('activities.enrolledOf', { enrolled: activity.enrolled, capacity: activity.capacity })}</Text>
          </Table.Td>
        </Table.Tr>
      )}
    >
      <ActivityModal
        target={form}
        onClose={() => setForm(null)}
        onSaved={(activity) => {
          setForm(null);
          notify(t, 'success', t('activities.saved', { title: activity.title }));
          void navigate(`/activities/${activity.id}`);
        }}
      />
    </ListPage>
  );
}
