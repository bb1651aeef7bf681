import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { mayCall } from '../../../shared/contract/access';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { isolatedT } from '../../ui/isolated';
import { useDriveOffer } from './useDriveOffer';

/** Where the backups' own page lives; it lists the drives itself, so nothing is offered there. */
const BACKUPS_PATH = '/backups';

/**
 * In an administrator's frame: when a drive that already holds this desk's backups is
 * plugged in, a backup is offered at once. "Back up now" starts it and opens the Backups
 * page, which shows its progress; Esc or "Not now" leaves it.
 */
export function DriveOffer() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { user } = useSession();
  const onBackupsPage = pathname === BACKUPS_PATH || pathname.startsWith(`${BACKUPS_PATH}/`);
  const { offer, dismiss } = useDriveOffer(mayCall(user, 'backups.drives') && mayCall(user, 'backups.create'), onBackupsPage);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setError(null);
    dismiss();
  };
  const backUpNow = async () => {
    if (!offer) return;
    setBusy(true);
    const result = await api.backups.create({ folder: offer.mountPoint });
    setBusy(false);
    if (!result.ok) return setError(errorMessage(t, result.error));
    close();
    void navigate(BACKUPS_PATH);
  };

  return (
    <Modal
      opened={offer !== null}
      onClose={close}
      title={t('backupReminders.offer.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="drive-offer"
    >
      <Stack gap="lg">
        <Text size="sm">{offer ? isolatedT(t, 'backupReminders.offer.message', { label: offer.label }, ['label']) : null}</Text>
        <ErrorAlert message={error} />
        <Group justify="flex-end">
          {/* The dialog may open while she is typing elsewhere: a stray Enter only puts it off. */}
          <Button variant="default" onClick={close} data-autofocus>
            {t('backupReminders.offer.notNow')}
          </Button>
          <Button onClick={() => void backUpNow()} loading={busy}>
            {t('backupReminders.offer.backUpNow')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
