import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookingView, SlotView } from '../../../shared/domain/childcare';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDeskFormat } from '../../ui/format';
import { wallTime } from '../appointments/wall';
import { Icon } from '../../ui/icons';
import { BookIntoSlotDialog } from './BookIntoSlotDialog';
import { BOOKING_COLOURS, bookingStatusLabel, slotTimes } from './labels';
import { useBookingDesk } from './useBookingDesk';

/** A booked child as lists name her: her first name, or plainly "a child" (no name was given). */
export function bookedChildLabel(t: TFunction, booking: Pick<BookingView, 'childFirstName'>): string {
  return booking.childFirstName ?? t('childcare.unnamedChild');
}

/** A booked child's name, and her mother's code beneath it: which family the desk calls about her. */
export function BookedChildName({ label, motherCode }: { label: string; motherCode: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" fw={600}>
        <bdi>{label}</bdi>
      </Text>
      <Text size="xs" c="dimmed">
        {t('childcare.motherCode')} <bdi dir="ltr">{motherCode}</bdi>
      </Text>
    </>
  );
}

/** Places taken first, then the waitlist in its order (first come, first served), then what ended. */
const ORDER: Record<BookingView['status'], number> = { checkedIn: 0, booked: 1, offered: 2, waitlisted: 3, pickedUp: 4, cancelled: 5, declined: 6, expired: 7 };

/** One slot's children: booked, present, offered a place, waiting; each with what the desk may do. */
export function SlotBookings({ slot, onChanged }: { slot: SlotView; onChanged(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const [bookings, setBookings] = useState<BookingView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () =>
      api.childcare.bookings({ slotId: slot.id }).then((result) => {
        if (!result.ok) return setError(errorMessage(t, result.error));
        setError(null);
        setBookings(result.value);
      }),
    [api, slot.id, t],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const changed = useCallback(() => {
    void load();
    onChanged();
  }, [load, onChanged]);
  const desk = useBookingDesk(changed);
  const [booking, setBooking] = useState(false);
  const sorted = [...(bookings ?? [])].sort((a, b) => ORDER[a.status] - ORDER[b.status] || (a.position ?? 0) - (b.position ?? 0) || a.requestedAt.localeCompare(b.requestedAt));
  const titleId = `slot-${slot.id}-bookings`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId} data-testid="slot-bookings">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5" id={titleId}>
            {t('childcare.bookings.title', { time: slotTimes(slot) })}
          </Title>
          <Button size="compact-sm" variant="light" leftSection={<Icon name="plus" size={16} />} onClick={() => setBooking(true)}>
            {t('childcare.bookIntoSlot.open')}
          </Button>
        </Group>
        <ErrorAlert message={error} />
        {bookings && bookings.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('childcare.bookings.empty')}
          </Text>
        ) : null}
        {sorted.length > 0 ? (
          <Table verticalSpacing="xs" data-testid="bookings-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('childcare.bookings.child')}</Table.Th>
                <Table.Th>{t('childcare.bookings.status')}</Table.Th>
                <Table.Th>{t('childcare.bookings.detail')}</Table.Th>
                <Table.Th>{t('childcare.bookings.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((booking) => {
                const label = bookedChildLabel(t, booking);
                return (
                  <Table.Tr key={booking.id} data-testid="booking-row">
                    <Table.Td>
                      <BookedChildName label={label} motherCode={booking.motherCode} />
                    </Table.Td>
                    <Table.Td>
                      <Badge color={BOOKING_COLOURS[booking.status]} variant="light" tt="none" data-testid="booking-status">
                        {bookingStatusLabel(t, booking)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {booking.status === 'offered' && booking.offeredUntilWall ? t('childcare.offers.until', { when: format.wallMoment(booking.offeredUntilWall) }) : null}
                        {booking.status === 'checkedIn' && booking.checkedInWall ? (
                          <>
                            {t('childcare.bookings.since', { time: wallTime(booking.checkedInWall) })} · <bdi dir="ltr" className="guichet-board-code">{booking.pickupCode}</bdi>
                          </>
                        ) : null}
                        {booking.status === 'pickedUp' && booking.pickedUpWall ? t('childcare.bookings.pickedUpAt', { time: wallTime(booking.pickedUpWall) }) : null}
                      </Text>
                    </Table.Td>
                    <Table.Td>{desk.actions(booking, label)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
      {desk.dialogs}
      <BookIntoSlotDialog slot={booking ? slot : null} onClose={() => setBooking(false)} onBooked={changed} />
    </Paper>
  );
}
