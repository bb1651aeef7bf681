import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BookingView, SlotView } from '../../../shared/domain/childcare';
import { useDeskFormat } from '../../ui/format';
import { wallDay } from '../appointments/wall';
import { slotTimes } from './labels';
import { BookedChildName, bookedChildLabel } from './SlotBookings';
import { useBookingDesk } from './useBookingDesk';

/**
 * Places freed and offered to the next family on the waitlist, until a time: the desk takes
 * the family's answer (accept, decline). An offer not answered in time passes to the next.
 */
export function OffersList({ offers, slots, onChanged, headingOrder = 2 }: { offers: BookingView[]; slots: SlotView[]; onChanged(): void; headingOrder?: 2 | 3 }) {
  const { t } = useTranslation();
  const format = useDeskFormat();
  const desk = useBookingDesk(onChanged);
  if (offers.length === 0) return null;
  const slotOf = (booking: BookingView) => slots.find((s) => s.id === booking.slotId);
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="childcare-offers" data-testid="childcare-offers" bg="orange.0">
      <Stack gap="sm">
        <Title order={headingOrder} size="h4" id="childcare-offers">
          {t('childcare.offers.title', { count: offers.length })}
        </Title>
        <Text size="sm">{t('childcare.offers.hint')}</Text>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('childcare.bookings.child')}</Table.Th>
              <Table.Th>{t('childcare.offers.slot')}</Table.Th>
              <Table.Th>{t('childcare.offers.untilHeading')}</Table.Th>
              <Table.Th>{t('childcare.bookings.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {offers.map((offer) => {
              const label = bookedChildLabel(t, offer);
              const slot = slotOf(offer);
              return (
                <Table.Tr key={offer.id} data-testid="offer-row">
                  <Table.Td>
                    <BookedChildName label={label} motherCode={offer.motherCode} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="guichet-nowrap">
                      {slot ? (
                        <>
                          {format.day(wallDay(slot.startsWall))} · <bdi dir="ltr">{slotTimes(slot)}</bdi>
                        </>
                      ) : null}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {offer.offeredUntilWall ? format.wallMoment(offer.offeredUntilWall) : null}
                    </Text>
                  </Table.Td>
                  <Table.Td>{desk.actions(offer, label)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
      {desk.dialogs}
    </Paper>
  );
}
