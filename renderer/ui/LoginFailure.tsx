import { Alert, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../shared/errors';
import { errorMessage } from '../app/i18n';
import { Icon } from './icons';
import { useCountdown } from './useCountdown';

/**
 * What went wrong with a login: wrong credentials (and the wait before the next
 * try, once the free attempts are used), or the throttle with a live countdown.
 * Tells the form whether it may submit again.
 */
export function useLoginFailure(error: ErrorInfo | null, failedAt: number | null): { waiting: boolean; message: ReactNode } {
  const { t } = useTranslation();
  const seconds = error?.params?.seconds;
  const total = typeof seconds === 'number' && seconds > 0 ? seconds : 0;
  const left = useCountdown(total > 0 && failedAt !== null ? failedAt + total * 1000 : null, total);

  if (!error) return { waiting: false, message: null };
  if (error.code === 'auth.throttled' && left === 0) return { waiting: false, message: null };
  const text = error.code === 'auth.throttled' ? t('errors.auth.throttled', { count: left }) : errorMessage(t, error);
  return {
    waiting: left > 0,
    message: (
      <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert" data-testid="login-error">
        <Text size="sm">{text}</Text>
        {error.code !== 'auth.throttled' && left > 0 ? (
          <Text size="sm" mt={4} data-testid="login-wait">
            {t('login.waitBeforeRetry', { count: left })}
          </Text>
        ) : null}
      </Alert>
    ),
  };
}
