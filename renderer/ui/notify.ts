import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';

/** A short confirmation or error toast; its close button has a name. Cleared on every lock. */
export function notify(t: TFunction, kind: 'success' | 'error', message: string): void {
  notifications.show({
    color: kind === 'success' ? 'green' : 'red',
    message,
    autoClose: kind === 'success' ? 4000 : 8000,
    closeButtonProps: { 'aria-label': t('common.close') },
  });
}
