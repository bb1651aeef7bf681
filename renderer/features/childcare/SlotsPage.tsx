import { ActionIcon, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { Fragment, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addDays } from '../../../shared/domain/calendar';
import type { SlotView } from '../../../shared/domain/childcare';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { LIST_PAGE_WIDTH } from '../../ui/layout';
import { notify } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { useDeskClock } from '../../app/useDeskClock';
import { ageRangeLabel, slotPlace, slotTimes } from './labels';
import { OffersList } from './OffersList';
import { ActivitySlotsModal, SlotFormModal } from './SlotFormModal';
import { SlotBookings } from './SlotBookings';
import { useBoard } from './useBoard';
import { usePlaces } from './usePlaces';
import './childcare.css';

/** The childcare's slots, a day at a time (today by main's clock first), with their bookings and the offers waiting. */
export function SlotsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const places = usePlaces();
  const today = useDeskClock()?.today ?? null;
  const [chosenDay, setDay] = useState<string | null>(null);
  const day = chosenDay ?? today;
  const [slots, setSlots] = useState<SlotView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<number | null>(null);
  const [creating, setCreating] = useState<'slot' | 'activity' | null>(null);
  const { board, reload: reloadBoard } = useBoard();

  const load = useCallback(() => {
    if (day === null) return;
    void api.childcare.slots({ from: day, to: day }).then((result) => {
      if (!result.ok) return setError(errorMessage(t, result.error));
      setError(null);
      setSlots(result.value);
    });
  }, [api, day, t]);
  useEffect(load, [load]);
  const changed = useCallback(() => {
    load();
    reloadBoard();
  }, [load, reloadBoard]);

  const sorted = [...(slots ?? [])].sort((a, b) => a.startsWall.localeCompare(b.startsWall));
  return (
    <Stack maw={LIST_PAGE_WIDTH} gap="md">
      <PageHeader
        title={t('childcare.slots.title')}
        description={t('childcare.slots.description')}
        actions={
          <>
            <Button component={Link} to="/childcare/board" variant="default" leftSection={<Icon name="list" size={18} />}>
              {t('childcare.board.open')}
            </Button>
            <Button variant="default" leftSection={<Icon name="calendarCheck" size={18} />} onClick={() => setCreating('activity')}>
              {t('childcare.slots.forActivity')}
            </Button>
            <Button leftSection={<Icon name="plus" size={18} />} onClick={() => setCreating('slot')}>
              {t('childcare.slots.create')}
            </Button>
          </>
        }
      />
      {board ? <OffersList offers={board.offers} slots={[...board.slots, ...(slots ?? [])]} onChanged={changed} /> : null}
      <Group gap="sm" justify="space-between">
        <Group gap="xs">
          <ActionIcon variant="default" size="lg" aria-label={t('childcare.slots.previousDay')} onClick={() => day && setDay(addDays(day, -1))}>
            <Icon name="arrowBack" size={18} />
          </ActionIcon>
          <Text fw={650} size="lg" miw={160} ta="center" aria-live="polite" data-testid="slots-day">
            {day ? format.day(day) : null}
          </Text>
          <ActionIcon variant="default" size="lg" aria-label={t('childcare.slots.nextDay')} onClick={() => day && setDay(addDays(day, 1))}>
            <Icon name="arrowForward" size={18} />
          </ActionIcon>
          {day !== today ? (
            <Button variant="subtle" size="compact-sm" onClick={() => setDay(null)}>
              {t('childcare.slots.today')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <ErrorAlert message={error} />
      {slots && sorted.length === 0 ? (
        <Paper withBorder radius="lg" p="xl" data-testid="slots-empty">
          <Text c="dimmed" ta="center">
            {t('childcare.slots.empty')}
          </Text>
        </Paper>
      ) : null}
      {sorted.length > 0 ? (
        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="slots-table">
              <Table.Caption>{day ? t('childcare.slots.caption', { day: format.day(day) }) : null}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('childcare.slots.time')}</Table.Th>
                  <Table.Th>{t('childcare.slots.place')}</Table.Th>
                  <Table.Th>{t('childcare.slots.ages')}</Table.Th>
                  <Table.Th>{t('childcare.slots.capacity')}</Table.Th>
                  <Table.Th>{t('childcare.slots.booked')}</Table.Th>
                  <Table.Th>{t('childcare.slots.waitlisted')}</Table.Th>
                  <Table.Th>{t('childcare.bookings.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sorted.map((slot) => (
                  <Fragment key={slot.id}>
                    <Table.Tr data-testid="slot-row">
                      <Table.Td>
                        <Text size="sm" fw={600} className="guichet-nowrap">
                          <bdi dir="ltr">{slotTimes(slot)}</bdi>
                        </Text>
                        {slot.activityTitle ? (
                          <Text size="xs" c="dimmed">
                            <bdi>{slot.activityTitle}</bdi>
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          <bdi>{slotPlace(slot, places)}</bdi>
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{ageRangeLabel(t, slot)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{slot.capacity}</Text>
                        {slot.staffNeeded !== null ? (
                          <Text size="xs" c="dimmed">
                            {t('childcare.slots.staffNeeded', { count: slot.staffNeeded })}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" data-testid="slot-taken">
                          {t('childcare.slots.takenOf', { taken: slot.taken, capacity: slot.capacity })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" data-testid="slot-waitlisted">
                          {slot.waitlisted}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {slot.cancelled ? (
                          <Badge color="gray" variant="light" tt="none">
                            {t('childcare.slots.cancelled')}
                          </Badge>
                        ) : (
                          <Button
                            size="compact-sm"
                            variant={opened === slot.id ? 'filled' : 'light'}
                            aria-expanded={opened === slot.id}
                            aria-label={t('childcare.slots.bookingsOf', { time: slotTimes(slot) })}
                            onClick={() => setOpened(opened === slot.id ? null : slot.id)}
                          >
                            {t('childcare.slots.bookings')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                    {opened === slot.id ? (
                      <Table.Tr>
                        <Table.Td colSpan={7}>
                          <SlotBookings slot={slot} onChanged={changed} />
                        </Table.Td>
                      </Table.Tr>
                    ) : null}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      <SlotFormModal
        day={day ?? ''}
        places={places}
        opened={creating === 'slot' && day !== null}
        onClose={() => setCreating(null)}
        onSaved={(slot) => {
          setCreating(null);
          notify(t, 'success', t('childcare.slots.created'));
          setDay(slot.startsWall.slice(0, 10));
          load();
        }}
      />
      <ActivitySlotsModal
        places={places}
        opened={creating === 'activity'}
        onClose={() => setCreating(null)}
        onSaved={(made) => {
          setCreating(null);
          notify(t, 'success', t('childcare.slots.createdForActivity', { count: made.length }));
          if (made[0]) setDay(made[0].startsWall.slice(0, 10));
          load();
        }}
      />
    </Stack>
  );
}
