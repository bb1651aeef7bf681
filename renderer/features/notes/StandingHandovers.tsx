import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StandingHandover } from '../../../shared/domain/notes';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { errorMessage } from '../../app/i18n';
import { useDeskFormat } from '../../ui/format';
import { notify } from '../../ui/notify';

/** Her handovers about this visitor that still stand, each with its end: a handover is never for good. */
export function StandingHandovers({ handovers, onEnded }: { handovers: StandingHandover[]; onEnded(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (handovers.length === 0) return null;
  const end = async (id: number) => {
    setBusy(id);
    const result = await api.notes.endHandover({ id });
    setBusy(null);
    if (!result.ok) return setError(errorMessage(t, result.error));
    setError(null);
    notify(t, 'success', t('notes.handover.ended'));
    onEnded();
  };
  return (
    <Paper withBorder radius="lg" p="md" mb="lg" data-testid="standing-handovers">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('notes.handover.standingTitle')}
        </Title>
        {handovers.map((handover) => (
          <Group key={handover.id} justify="space-between">
            <Text size="sm">
              {t('notes.handover.standingItem', { name: handover.recipient.displayName, date: format.instant(handover.since) })}
            </Text>
            <Button size="xs" variant="default" loading={busy === handover.id} onClick={() => void end(handover.id)}>
              {t('notes.handover.end')}
            </Button>
          </Group>
        ))}
        <ErrorAlert message={error} />
      </Stack>
    </Paper>
  );
}
