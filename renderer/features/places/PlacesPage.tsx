import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../app/api';
import { ActiveBadge } from '../../ui/ActiveBadge';
import { Icon } from '../../ui/icons';
import { isolatedT } from '../../ui/isolated';
import { ListPage, useListed } from '../../ui/ListPage';
import { useWeekdayNames } from '../../ui/weekdays';
import { weekSummary } from './hours';

/** The places where sessions happen, their rooms and opening hours; administrators keep them. */
export function PlacesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { heading: days, inSentence: dayInSentence } = useWeekdayNames();
  const { items: places, error } = useListed(useCallback(() => api.places.list({ includeInactive: true }), [api]));

  return (
    <ListPage
      title={t('places.title')}
      description={t('places.intro')}
      actions={
        <Button component={Link} to="/places/new" leftSection={<Icon name="plus" size={18} />}>
          {t('places.create')}
        </Button>
      }
      items={places}
      error={error}
      empty={{ text: t('places.empty') }}
      columns={{ headings: [t('places.table.name'), t('places.table.rooms'), t('places.table.hours'), t('places.table.status')], actions: t('places.table.actions') }}
      tableTestId="places-table"
      minWidth={860}
      row={(place) => (
        <Table.Tr key={place.id} data-testid="place-row">
          <Table.Td maw={320}>
            <Text size="sm" fw={600}>
              <bdi>{place.name}</bdi>
            </Text>
            {place.cardName && place.cardName !== place.name ? (
              <Text size="sm" c="dimmed">
                {isolatedT(t, 'places.onCard', { name: place.cardName }, ['name'])}
              </Text>
            ) : null}
            {place.address ? (
              <Group gap={4} wrap="nowrap" mt={2}>
                <Icon name="mapPin" size={14} />
                <Text size="sm" c="dimmed">
                  <bdi>{place.address}</bdi>
                </Text>
              </Group>
            ) : null}
          </Table.Td>
          <Table.Td maw={280}>
            <Group gap={4}>
              {place.rooms.map((room) => (
                <Badge key={room.id} size="sm" variant="outline" color={room.active ? 'indigo' : 'gray'} tt="none">
                  <bdi>{room.name}</bdi>
                  {room.active ? null : ` (${t('places.roomInactive')})`}
                </Badge>
              ))}
            </Group>
          </Table.Td>
          <Table.Td>
            {place.hours.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('places.noHours')}
              </Text>
            ) : (
              <Stack gap={2}>
                {weekSummary(place.hours).map((line) => (
                  <Text key={line.from} size="sm">
                    {line.from === line.to ? days[line.from] : t('places.dayRange', { from: days[line.from], to: dayInSentence[line.to] })}{' '}
                    <span dir="ltr">{line.periods}</span>
                  </Text>
                ))}
              </Stack>
            )}
          </Table.Td>
          <Table.Td>
            <ActiveBadge active={place.active} label={t(place.active ? 'places.active' : 'places.inactive')} />
          </Table.Td>
          <Table.Td ta="end">
            <Button
              component={Link}
              to={`/places/${place.id}`}
              variant="default"
              size="xs"
              leftSection={<Icon name="edit" size={16} />}
              aria-label={t('places.editPlace', { name: place.name })}
            >
              {t('places.edit')}
            </Button>
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}
