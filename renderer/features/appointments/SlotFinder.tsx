import { Button, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { slotQuerySchema } from '../../../shared/contract/appointments';
import type { FreeSlotView } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { wallDay, wallTime } from './wall';

export type SlotQuery = z.input<typeof slotQuerySchema>;

interface Props {
  /** What to look for; null until the visitor, the kind and the place are chosen. */
  query: SlotQuery | null;
  onPick(slot: FreeSlotView): void;
  picked: FreeSlotView | null;
  ref?: Ref<SlotFinderHandle>;
}

export interface SlotFinderHandle {
  /**
   * Looks again if slots are shown (a booking was refused because one was taken meanwhile),
   * so that the taken slot leaves the list; the focus stays where it is (on the refusal, read first).
   */
  findAgain(): void;
}

/**
 * The next free slots for this visitor, beside the booking form: a list of buttons that the
 * arrow keys walk (or Tab), Enter takes one and it fills the form.
 */
export function SlotFinder({ query, onPick, picked, ref }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const [slots, setSlots] = useState<FreeSlotView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useRef<HTMLUListElement>(null);

  const find = async (moveFocus = true) => {
    if (!query) return;
    setBusy(true);
    const result = await api.appointments.findSlots({ ...query, limit: 8 });
    setBusy(false);
    if (!result.ok) {
      setSlots(null);
      return setError(errorMessage(t, result.error));
    }
    setError(null);
    setSlots(result.value);
    // The keyboard goes to the first slot, so that the arrows can walk the list at once.
    if (moveFocus) requestAnimationFrame(() => list.current?.querySelector<HTMLButtonElement>('button')?.focus());
  };
  useImperativeHandle(ref, () => ({
    findAgain: () => {
      if (slots !== null) void find(false);
    },
  }));

  const walk = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next = event.key === 'ArrowDown' ? at + 1 : event.key === 'ArrowUp' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : null;
    if (next === null) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
  };

  const same = (a: FreeSlotView, b: FreeSlotView | null) => b !== null && a.startsAt === b.startsAt && a.psychologistId === b.psychologistId;

  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="slot-finder-title" data-testid="slot-finder">
      <Stack gap="sm">
        <Title order={2} size="h4" id="slot-finder-title">
          {t('appointments.slots.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {query ? t('appointments.slots.hint') : t('appointments.slots.needs')}
        </Text>
        <Button variant="light" onClick={() => void find()} disabled={!query} loading={busy} leftSection={<Icon name="search" size={18} />} w="fit-content">
          {t('appointments.slots.find')}
        </Button>
        <ErrorAlert message={error} />
        {slots !== null && slots.length === 0 ? (
          <Text size="sm" role="status">
            {t('appointments.slots.none')}
          </Text>
        ) : null}
        {slots && slots.length > 0 ? (
          <>
            <Text size="sm" role="status">
              {t('appointments.slots.found', { count: slots.length })}
            </Text>
            <ul ref={list} className="guichet-slots" aria-label={t('appointments.slots.title')} onKeyDown={walk} data-testid="slot-list">
              {slots.map((slot) => (
                <li key={`${slot.startsAt}-${slot.psychologistId}`}>
                  <UnstyledButton
                    className="guichet-slot"
                    aria-pressed={same(slot, picked)}
                    onClick={() => onPick(slot)}
                    data-testid="slot"
                  >
                    <Text component="span" display="block" fw={600} size="sm">
                      {format.day(wallDay(slot.startsWall))} · <bdi dir="ltr">{`${wallTime(slot.startsWall)}–${wallTime(slot.endsWall)}`}</bdi>
                    </Text>
                    <Text component="span" display="block" size="xs" c="dimmed">
                      <bdi>{slot.psychologistName}</bdi>
                      {slot.interpreterName ? (
                        <>
                          {' · '}
                          {t('appointments.slots.withInterpreter')} <bdi>{slot.interpreterName}</bdi>
                        </>
                      ) : null}
                    </Text>
                  </UnstyledButton>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
