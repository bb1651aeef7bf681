import { Button, Group } from '@mantine/core';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookingView } from '../../../shared/domain/childcare';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { notify } from '../../ui/notify';
import { PickupModal, type PickupTarget } from './PickupModal';
import { CheckedInModal } from './PickupSlip';

type Move = 'checkIn' | 'acceptOffer' | 'declineOffer' | 'cancel';

/** The moves a booking's status allows at the desk, from the childcare page and the board alike. */
const MOVES: Record<BookingView['status'], readonly (Move | 'pickUp')[]> = {
  booked: ['checkIn', 'cancel'],
  waitlisted: ['cancel'],
  offered: ['acceptOffer', 'declineOffer'],
  checkedIn: ['pickUp'],
  pickedUp: [],
  cancelled: [],
  declined: [],
  expired: [],
};

/**
 * A booking's buttons (check in, accept or decline an offer, cancel, hand over), each named
 * with the child it is for, and the dialogs they open: the code once checked in, the pick-up.
 * `changed` is told of every booking main answered with, to reload what shows it.
 */
export function useBookingDesk(changed: (booking: BookingView) => void) {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState<string | null>(null);
  const [checkedIn, setCheckedIn] = useState<{ booking: BookingView; label: string } | null>(null);
  const [pickingUp, setPickingUp] = useState<{ booking: PickupTarget; label: string } | null>(null);

  const move = useCallback(
    async (booking: BookingView, label: string, kind: Move) => {
      setBusy(`${booking.id}-${kind}`);
      const input = { bookingId: booking.id };
      const result =
        kind === 'checkIn'
          ? await api.childcare.checkIn(input)
          : kind === 'acceptOffer'
            ? await api.childcare.acceptOffer(input)
            : kind === 'declineOffer'
              ? await api.childcare.declineOffer(input)
              : await api.childcare.cancel({ ...input, reason: null });
      setBusy(null);
      if (!result.ok) return notify(t, 'error', errorMessage(t, result.error));
      if (kind === 'checkIn') setCheckedIn({ booking: result.value, label });
      else notify(t, 'success', t(`childcare.actions.done.${kind}`, { child: label }));
      changed(result.value);
    },
    [api, changed, t],
  );

  const actions = (booking: BookingView, label: string): ReactNode => {
    const allowed = MOVES[booking.status];
    if (allowed.length === 0) return null;
    return (
      <Group gap={6} wrap="nowrap">
        {allowed.map((kind) => (
          <Button
            key={kind}
            size="compact-sm"
            variant={kind === 'cancel' || kind === 'declineOffer' ? 'default' : 'light'}
            loading={busy === `${booking.id}-${kind}`}
            aria-label={t(`childcare.actions.for.${kind}`, { child: label })}
            onClick={() => (kind === 'pickUp' ? setPickingUp({ booking, label }) : void move(booking, label, kind))}
          >
            {t(`childcare.actions.${kind}`)}
          </Button>
        ))}
      </Group>
    );
  };

  const dialogs = (
    <>
      <CheckedInModal booking={checkedIn?.booking ?? null} childLabel={checkedIn?.label ?? ''} onClose={() => setCheckedIn(null)} />
      <PickupModal
        booking={pickingUp?.booking ?? null}
        childLabel={pickingUp?.label ?? ''}
        onClose={() => setPickingUp(null)}
        onPickedUp={(booking) => {
          notify(t, 'success', t('childcare.pickup.done', { child: pickingUp?.label ?? '' }));
          setPickingUp(null);
          changed(booking);
        }}
      />
    </>
  );
  const pickUp = (booking: PickupTarget, label: string) => setPickingUp({ booking, label });
  return { actions, dialogs, pickUp };
}
