import { Alert, Button, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/domain/accounts';
import type { ErrorInfo } from '../../../shared/errors';
import { errorMessage } from '../../app/i18n';
import { AuthLayout } from '../../ui/AuthLayout';
import { PasswordField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { Icon } from '../../ui/icons';
import { usePasswordLogin } from './usePasswordLogin';

interface Props {
  login: string;
  onUnlocked(user: SessionUser, previousLogin: string | null): void;
  onSwitchUser(): void;
  /** Why the lock could not be written in the audit log (a full disk); the desk is locked all the same. */
  problem?: ErrorInfo | null;
}

/** The desk is locked for `login`: only her password opens it again. Nothing else is on screen. */
export function LockScreen({ login, onUnlocked, onSwitchUser, problem = null }: Props) {
  const { t } = useTranslation();
  const { form, failure, submit } = usePasswordLogin(login, (user) => onUnlocked(user, login));

  return (
    <AuthLayout width={420}>
      <Form form={form} onSubmit={submit} testId="lock-screen">
        <Stack gap="md">
          <Center>
            <span className="guichet-lock-icon" aria-hidden="true">
              <Icon name="lock" size={28} />
            </span>
          </Center>
          <div>
            <Title order={2} size="h3" ta="center">
              {t('lock.title')}
            </Title>
            <Text ta="center" fw={600} mt={4} dir="ltr" data-testid="lock-login">
              {login}
            </Text>
            <Text c="dimmed" size="sm" ta="center" mt={6}>
              {t('lock.intro')}
            </Text>
          </div>
          {problem && (
            <Alert color="orange" variant="light" icon={<Icon name="alert" />} title={t('lock.notRecorded')} data-testid="lock-problem">
              {errorMessage(t, problem)}
            </Alert>
          )}
          <PasswordField control={form.control} name="password" label={t('lock.password')} autoComplete="current-password" autoFocus />
          {failure.message}
          <Button type="submit" size="md" loading={form.busy} disabled={failure.waiting} fullWidth leftSection={<Icon name="lock" size={18} />}>
            {t('lock.unlock')}
          </Button>
          <Button variant="subtle" color="gray" onClick={onSwitchUser} leftSection={<Icon name="switchUser" size={18} />}>
            {t('lock.switchUser')}
          </Button>
        </Stack>
      </Form>
    </AuthLayout>
  );
}
