import { Paper, Text, ThemeIcon, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VisitorProfile } from '../../../shared/contract/visitors';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { timelineOf } from './timeline';
import { isolatedT } from '../../ui/isolated';

export function TimelineSection({ profile }: { profile: VisitorProfile }) {
  const { t } = useTranslation();
  const format = useDeskFormat();
  const events = timelineOf(profile, t);
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
              {event.by ? isolatedT(t, 'timeline.atBy', { at: format.instant(event.at), by: event.by }, ['by']) : format.instant(event.at)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
