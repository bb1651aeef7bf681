import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NotesStatus } from '../../../shared/domain/notes';
import { Icon } from '../../ui/icons';
import { useNotesStatus } from './useNotesStatus';

/** Said plainly after a password reset: her notes are closed, and what opens them again. */
export function NotesClosedBanner({ status }: { status: NotesStatus | null }) {
  const { t } = useTranslation();
  if (!status || status.hasSecret) return null;
  return (
    <Alert color="orange" variant="light" icon={<Icon name="lock" />} title={t('notes.closed.title')} data-testid="notes-closed" mb="lg" role="status">
      <Text size="sm">{t('notes.closed.message', { switchUser: t('lock.switchUser'), link: t('login.recoveryLink'), screen: t('recover.title') })}</Text>
    </Alert>
  );
}

/** Above every page but the notes' own (which show the banner themselves): she learns it as soon as she logs in. */
export function NotesClosedNotice() {
  const status = useNotesStatus();
  return <NotesClosedBanner status={status} />;
}
