import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/i18n';
import { useApi } from '../../app/api';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { notify } from '../../ui/notify';

interface Props {
  opened: boolean;
  /** Set when offered right after disabling this person's account. */
  departed?: string | null;
  onClose(): void;
}

/**
 * Rotates the data key, after saying what it does. Offered when an account is disabled
 * (a copy of the vault made before still holds her slot) and from the settings.
 */
export function RotateKeyModal({ opened, departed = null, onClose }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const rotate = async () => {
    setBusy(true);
    setError(null);
    const result = await api.keys.rotate({});
    setBusy(false);
    if (!result.ok) return setError(errorMessage(t, result.error));
    notify(t, 'success', t('keys.done'));
    onClose();
  };

  return (
    <ConfirmModal
      opened={opened}
      title={t('keys.title')}
      message={departed ? t('keys.afterDisable', { name: departed }) : t('keys.confirmMessage')}
      confirmLabel={t('keys.rotate')}
      busy={busy}
      error={error}
      onConfirm={() => void rotate()}
      onClose={() => {
        if (busy) return;
        setError(null);
        onClose();
      }}
    />
  );
}
