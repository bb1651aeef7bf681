import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BoardChild, BookingView, ChildcareBoard } from '../../../shared/domain/childcare';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { LIST_PAGE_WIDTH } from '../../ui/layout';
import { PageHeader } from '../../ui/PageHeader';
import { wallTime } from '../appointments/wall';
import { ageLabel } from '../children/labels';
import { AllergyNote } from './AllergyNote';
import { slotTimes } from './labels';
import { OffersList } from './OffersList';
import { BookedChildName, bookedChildLabel } from './SlotBookings';
import { useBoard } from './useBoard';
import { useBookingDesk } from './useBookingDesk';
import './childcare.css';

/**
 * The childcare board of the day: who is in and since when, her code beside her, allergies
 * at a glance (in words, an icon as a second cue), who may collect whom, and the children
 * still here after their slot ended, flagged in words first. A table, so that a screen
 * reader reads it row by row and Tab reaches every button; then who is expected, and the offers.
 */
export function BoardPage() {
  const { t } = useTranslation();
  const format = useDeskFormat();
  const { board, error, reload } = useBoard();
  const changed = useCallback(() => reload(), [reload]);
  const desk = useBookingDesk(changed);
  const overdue = board?.children.filter((c) => c.overdue).length ?? 0;
  return (
    <Stack maw={LIST_PAGE_WIDTH} gap="md">
      <PageHeader
        title={t('childcare.board.title')}
        description={board ? t('childcare.board.description', { day: format.day(board.day), count: board.children.length }) : undefined}
        actions={
          <Button component={Link} to="/childcare" variant="default" leftSection={<Icon name="calendarCheck" size={18} />}>
            {t('childcare.board.slots')}
          </Button>
        }
      />
      <ErrorAlert message={error} />
      {overdue > 0 ? (
        <Paper withBorder radius="md" p="sm" bg="red.0" role="status" data-testid="board-overdue">
          <Group gap="xs" wrap="nowrap">
            <Text c="red.8" component="span" lh={1}>
              <Icon name="clock" size={20} />
            </Text>
            <Text fw={700} c="red.9">
              {t('childcare.board.overdueCount', { count: overdue })}
            </Text>
          </Group>
        </Paper>
      ) : null}
      {board ? <InNow board={board} onPickUp={(child) => desk.pickUp({ id: child.bookingId, childId: child.childId }, child.childFirstName ?? t('childcare.unnamedChild'))} /> : null}
      {board ? <Expected board={board} actions={desk.actions} /> : null}
      {board ? <OffersList offers={board.offers} slots={board.slots} onChanged={changed} /> : null}
      {desk.dialogs}
    </Stack>
  );
}

function InNow({ board, onPickUp }: { board: ChildcareBoard; onPickUp(child: BoardChild): void }) {
  const { t } = useTranslation();
  const slotOf = (child: BoardChild) => board.slots.find((s) => s.id === child.slotId);
  return (
    <Paper withBorder radius="lg" component="section" aria-labelledby="board-in">
      <Stack gap={0}>
        <Title order={2} size="h4" id="board-in" p="md" pb="xs">
          {t('childcare.board.inNow', { count: board.children.length })}
        </Title>
        {board.children.length === 0 ? (
          <Text c="dimmed" px="md" pb="md" data-testid="board-empty">
            {t('childcare.board.nobody')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" horizontalSpacing="sm" data-testid="board-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('childcare.board.child')}</Table.Th>
                  <Table.Th>{t('childcare.board.code')}</Table.Th>
                  <Table.Th>{t('childcare.board.since')}</Table.Th>
                  <Table.Th>{t('childcare.board.allergies')}</Table.Th>
                  <Table.Th>{t('childcare.board.collectors')}</Table.Th>
                  <Table.Th>{t('childcare.bookings.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {board.children.map((child) => {
                  const slot = slotOf(child);
                  const label = child.childFirstName ?? t('childcare.unnamedChild');
                  return (
                    <Table.Tr key={child.bookingId} className={child.overdue ? 'guichet-board-late' : undefined} data-testid="board-row">
                      <Table.Td>
                        <Text fw={700}>
                          <bdi>{label}</bdi>
                        </Text>
                        <Text size="sm" c="dimmed">
                          {ageLabel(t, child.ageMonths)} · <bdi dir="ltr" className="guichet-nowrap">{child.motherCode}</bdi>
                          {child.motherName ? (
                            <>
                              {' · '}
                              <bdi>{child.motherName}</bdi>
                            </>
                          ) : null}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <span className="guichet-board-code" dir="ltr" data-testid="board-code">
                          {child.pickupCode}
                        </span>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" className="guichet-nowrap">
                          <bdi dir="ltr">{wallTime(child.checkedInWall)}</bdi>
                        </Text>
                        {slot ? (
                          <Text size="xs" c="dimmed" className="guichet-nowrap">
                            {t('childcare.board.slot', { time: slotTimes(slot) })}
                          </Text>
                        ) : null}
                        {child.overdue ? (
                          <Badge color="red" variant="filled" tt="none" mt={4} data-testid="board-late">
                            {t('childcare.board.overdue')}
                          </Badge>
                        ) : null}
                      </Table.Td>
                      <Table.Td maw={220}>
                        <AllergyNote allergies={child.allergies} />
                        {child.careNotes ? (
                          <Text size="xs" mt={4}>
                            <bdi>{child.careNotes}</bdi>
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={0}>
                          {child.collectors.map((c) => (
                            <Text size="sm" key={c.adultId ?? 'mother'}>
                              {c.kind === 'mother' ? (
                                t('children.adults.mother')
                              ) : (
                                <>
                                  <bdi>{c.name}</bdi>
                                  {c.relation ? ` · ${t(`children.values.relations.${c.relation}`)}` : ''}
                                </>
                              )}
                            </Text>
                          ))}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Button size="compact-sm" variant="light" aria-label={t('childcare.actions.for.pickUp', { child: label })} onClick={() => onPickUp(child)}>
                          {t('childcare.actions.pickUp')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

function Expected({ board, actions }: { board: ChildcareBoard; actions(booking: BookingView, label: string): ReactNode }) {
  const { t } = useTranslation();
  if (board.expected.length === 0) return null;
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="board-expected">
      <Stack gap="xs">
        <Title order={2} size="h4" id="board-expected">
          {t('childcare.board.expected', { count: board.expected.length })}
        </Title>
        <Table verticalSpacing="xs" data-testid="board-expected">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('childcare.board.child')}</Table.Th>
              <Table.Th>{t('childcare.board.slotHeading')}</Table.Th>
              <Table.Th>{t('childcare.bookings.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {board.expected.map((booking) => {
              const slot = board.slots.find((s) => s.id === booking.slotId);
              const label = bookedChildLabel(t, booking);
              return (
                <Table.Tr key={booking.id} data-testid="expected-row">
                  <Table.Td>
                    <BookedChildName label={label} motherCode={booking.motherCode} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{slot ? <bdi dir="ltr">{slotTimes(slot)}</bdi> : null}</Text>
                  </Table.Td>
                  <Table.Td>{actions(booking, label)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
