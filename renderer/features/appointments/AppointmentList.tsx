import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppointmentView } from '../../../shared/domain/listening';
import { useDeskFormat } from '../../ui/format';
import { appointmentKind, STATUS_COLOURS, statusLabel, whereLabel } from './labels';
import { wallDay, wallTime } from './wall';

interface Props {
  appointments: AppointmentView[];
  /** The day of each row too (a week, a list of tomorrow's and later). */
  withDay?: boolean;
  /** A column of actions for each row (mark an arrival). */
  actions?(appointment: AppointmentView): ReactNode;
  actionsLabel?: string;
  /** An extra column before the actions (the phone to call). */
  extra?: { label: string; cell(appointment: AppointmentView): ReactNode };
  caption: string;
  testId?: string;
}

/** The status as words in a badge; its colour only repeats them. */
export function StatusBadge({ appointment }: { appointment: Pick<AppointmentView, 'status' | 'lateCancellation'> }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[appointment.status]} variant="light" tt="none" data-testid="appointment-status">
      {statusLabel(t, appointment)}
    </Badge>
  );
}

/**
 * The same appointments as the calendar, as a plain table: what a screen reader reads and
 * Tab reaches, one link per appointment to its detail.
 */
export function AppointmentList({ appointments, withDay, actions, actionsLabel, extra, caption, testId }: Props) {
  const { t } = useTranslation();
  const format = useDeskFormat();
  const sorted = [...appointments].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  if (sorted.length === 0) {
    return (
      <Text c="dimmed" size="sm" data-testid={testId ? `${testId}-empty` : undefined}>
        {t('appointments.list.empty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid={testId}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('appointments.list.when')}</Table.Th>
            <Table.Th>{t('appointments.list.visitor')}</Table.Th>
            <Table.Th>{t('appointments.list.psychologist')}</Table.Th>
            <Table.Th>{t('appointments.list.where')}</Table.Th>
            <Table.Th>{t('appointments.list.kind')}</Table.Th>
            <Table.Th>{t('appointments.list.status')}</Table.Th>
            {extra ? <Table.Th>{extra.label}</Table.Th> : null}
            {actions ? <Table.Th>{actionsLabel ?? t('appointments.list.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((appointment) => (
            <Table.Tr key={appointment.id} data-testid="appointment-row">
              <Table.Td>
                <Text size="sm" className="guichet-nowrap">
                  {withDay ? `${format.day(wallDay(appointment.startsWall))} · ` : ''}
                  <bdi dir="ltr">{`${wallTime(appointment.startsWall)}–${wallTime(appointment.endsWall)}`}</bdi>
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/appointments/${appointment.id}`} size="sm" fw={600}>
                  <bdi>{appointment.visitorLabel}</bdi>
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <bdi>{appointment.psychologistName}</bdi>
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <bdi>{whereLabel(appointment)}</bdi>
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{appointmentKind(t, appointment)}</Text>
                {appointment.interpreterLanguage ? (
                  <Text size="xs" c="dimmed">
                    {t('appointments.list.interpreter', { language: t(`spokenLanguages.${appointment.interpreterLanguage}`) })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <StatusBadge appointment={appointment} />
              </Table.Td>
              {extra ? <Table.Td>{extra.cell(appointment)}</Table.Td> : null}
              {actions ? <Table.Td>{actions(appointment)}</Table.Td> : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
