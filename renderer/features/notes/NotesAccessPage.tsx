import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';
import { BreakGlassSection } from './BreakGlassSection';
import { ClosedNotesSection } from './ClosedNotesSection';

/** The administrators' side of private notes: break-glass, and reopening notes after a reset. Never a note's content. */
export function NotesAccessPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={1000} gap="xl">
      <PageHeader title={t('notesAccess.title')} description={t('notesAccess.description')} />
      <ClosedNotesSection />
      <BreakGlassSection />
    </Stack>
  );
}
