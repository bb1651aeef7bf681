import { Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlaceView } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Icon } from '../../ui/icons';
import { isolatedT } from '../../ui/isolated';
import { LIST_PAGE_WIDTH } from '../../ui/layout';
import { PageHeader } from '../../ui/PageHeader';
import { useWeekdayNames } from '../../ui/weekdays';
import { weekSummary } from './hours';

/** The places where sessions happen, their rooms and opening hours; administrators keep them. */
export function PlacesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { heading: days, inSentence: dayInSentence } = useWeekdayNames();
  const [places, setPlaces] = useState<PlaceView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api.places.list({ includeInactive: true }).then((result) => {
      if (!result.ok) return setError(errorMessage(t, result.error));
      setPlaces(result.value);
    });
  }, [api, t]);

  return (
    <Stack maw={LIST_PAGE_WIDTH} gap={0}>
      <PageHeader
        title={t('places.title')}
        description={t('places.intro')}
        actions={
          <Button component={Link} to="/places/new" leftSection={<Icon name="plus" size={18} />}>
            {t('places.create')}
          </Button>
        }
      />
      <ErrorAlert message={error} />
      {places === null ? (
        error ? null : (
          <Center p="xl">
            <Loader aria-hidden="true" />
          </Center>
        )
      ) : places.length === 0 ? (
        <Paper withBorder radius="lg" p="xl">
          <Text c="dimmed" ta="center">
            {t('places.empty')}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="places-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('places.table.name')}</Table.Th>
                  <Table.Th>{t('places.table.rooms')}</Table.Th>
                  <Table.Th>{t('places.table.hours')}</Table.Th>
                  <Table.Th>{t('places.table.status')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('places.table.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {places.map((place) => (
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
                      <Badge variant="light" color={place.active ? 'green' : 'gray'}>
                        {t(place.active ? 'places.active' : 'places.inactive')}
                      </Badge>
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
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
