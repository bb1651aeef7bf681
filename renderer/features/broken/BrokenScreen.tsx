import { Alert, Button, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors';
import { errorMessage } from '../../app/i18n';
import { AuthLayout } from '../../ui/AuthLayout';
import { Icon } from '../../ui/icons';

/** What to do, by problem: most need the last backup; a newer database needs the newer app. */
function adviceFor(code: ErrorCode): 'update' | 'restore' | 'storage' | 'restart' {
  if (code === 'db.fromNewerVersion') return 'update';
  if (code === 'storage.writeFailed') return 'storage';
  if (code === 'data.inUse' || code === 'call.internal') return 'restart';
  return 'restore';
}

/**
 * The data folder cannot be opened. Says what was found and what to do; never
 * offers to start afresh, which would hide the real data behind an empty desk.
 */
export function BrokenScreen({ code, onRetry }: { code: ErrorCode; onRetry(): void }) {
  const { t } = useTranslation();
  const advice = adviceFor(code);
  return (
    <AuthLayout width={600}>
      <Stack gap="md" data-testid="broken-screen">
        <Title order={2} size="h3">
          {t('broken.title')}
        </Title>
        <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
          {errorMessage(t, { code })}
        </Alert>
        <Text fw={600}>{t('broken.whatToDo')}</Text>
        <List type="ordered" spacing="xs" size="sm">
          <List.Item>{t(`broken.advice.${advice}.first`)}</List.Item>
          <List.Item>{t(`broken.advice.${advice}.second`)}</List.Item>
          <List.Item>{t('broken.keepFiles')}</List.Item>
        </List>
        <Text size="sm" c="dimmed">
          {t('broken.noNewDesk')}
        </Text>
        <Button variant="default" onClick={onRetry} autoFocus>
          {t('broken.retry')}
        </Button>
      </Stack>
    </AuthLayout>
  );
}
