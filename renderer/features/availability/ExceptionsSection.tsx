import { Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvailabilityException, AvailabilityOwner, PlaceView } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { notify } from '../../ui/notify';
import { ExceptionForm } from './ExceptionForm';

const KIND_COLOR = { leave: 'orange', differentHours: 'indigo', placeClosed: 'red', publicHoliday: 'grape' } as const;

interface Props {
  owner: AvailabilityOwner;
  exceptions: AvailabilityException[];
  places: PlaceView[];
  /** Closed places and public holidays: administrators add and remove them. */
  deskWide: boolean;
  /** The list changed: it is read again (a closed place or a holiday concerns more than this page's owner). */
  onChanged(): void;
}

/** The days that differ from the weekly plan, earliest first, and the form that adds one. */
export function ExceptionsSection({ owner, exceptions, places, deskWide, onChanged }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const [removing, setRemoving] = useState<number | null>(null);
  const placeName = (id: number | null) => places.find((p) => p.id === id)?.name ?? null;
  const sorted = [...exceptions].sort((a, b) => a.day.localeCompare(b.day) || a.id - b.id);

  const remove = async (exception: AvailabilityException) => {
    setRemoving(exception.id);
    const result = await api.availability.removeException({ id: exception.id });
    setRemoving(null);
    if (!result.ok) return notify(t, 'error', errorMessage(t, result.error));
    notify(t, 'success', t('availability.exceptions.removed', { day: format.day(exception.day) }));
    onChanged();
  };

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="availability-exceptions">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h4" id="availability-exceptions">
            {t('availability.exceptions.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('availability.exceptions.hint')}
          </Text>
        </Stack>
        {sorted.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="exceptions-empty">
            {t('availability.exceptions.empty')}
          </Text>
        ) : (
          <Table verticalSpacing="xs" horizontalSpacing="sm" data-testid="exceptions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('availability.exceptions.day')}</Table.Th>
                <Table.Th>{t('availability.exceptions.kind')}</Table.Th>
                <Table.Th>{t('availability.exceptions.details')}</Table.Th>
                <Table.Th>{t('availability.exceptions.note')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('availability.exceptions.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((exception) => {
                const everyone = exception.userId === null && exception.interpreterId === null;
                const place = placeName(exception.placeId);
                return (
                  <Table.Tr key={exception.id} data-testid="exception-row" data-kind={exception.kind}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.day(exception.day)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={KIND_COLOR[exception.kind]} tt="none">
                        {t(`availability.exceptionKinds.${exception.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="sm" wrap="nowrap">
                        {exception.starts && exception.ends ? (
                          <Text size="sm" dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                            {`${exception.starts}–${exception.ends}`}
                          </Text>
                        ) : null}
                        <Text size="sm">{place ? <bdi>{place}</bdi> : everyone ? t('availability.exceptions.everyPlace') : null}</Text>
                      </Group>
                    </Table.Td>
                    <Table.Td maw={320}>
                      {exception.note ? (
                        <Text size="sm">
                          <bdi>{exception.note}</bdi>
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td ta="end">
                      {!everyone || deskWide ? (
                        <Button
                          variant="subtle"
                          color="gray"
                          size="xs"
                          leftSection={<Icon name="x" size={16} />}
                          loading={removing === exception.id}
                          aria-label={t('availability.exceptions.removeOne', { day: format.day(exception.day) })}
                          onClick={() => void remove(exception)}
                        >
                          {t('availability.exceptions.remove')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        <Title order={3} size="h5">
          {t('availability.exceptions.new')}
        </Title>
        <ExceptionForm
          owner={owner}
          places={places}
          deskWide={deskWide}
          onAdded={() => {
            notify(t, 'success', t('availability.exceptions.added'));
            onChanged();
          }}
        />
      </Stack>
    </Paper>
  );
}
