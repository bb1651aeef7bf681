import { Anchor, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, SessionUser } from '../../../shared/domain/accounts';
import { useApi } from '../../app/api';
import { useDesk } from '../../app/desk';
import { AuthLayout } from '../../ui/AuthLayout';
import { Icon } from '../../ui/icons';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { LoginField, PasswordField } from '../../ui/fields';
import { RecoverForm } from './RecoverForm';
import { usePasswordLogin } from './usePasswordLogin';
import { Form } from '../../ui/Form';
import { AuthHeading } from '../../ui/AuthHeading';
import { RestoredNotice } from '../backups/RestoredNotice';

interface Props {
  previousLogin: string | null;
  onSignedIn(user: SessionUser, previousLogin: string | null): void;
}

/** Login with one's own login and password; the recovery key as break-glass. */
export function LoginScreen({ previousLogin, onSignedIn }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const { language, refresh } = useDesk();
  const [mode, setMode] = useState<'login' | 'recover'>('login');
  const { form, failure, submit } = usePasswordLogin('', (user) => onSignedIn(user, previousLogin));

  const chooseLanguage = async (next: Language) => {
    await api.app.setDeskLanguage({ language: next });
    await refresh();
  };

  const languageSwitch = <LanguageSwitch value={language} onChange={(next) => void chooseLanguage(next)} />;

  if (mode === 'recover') {
    return (
      <AuthLayout aside={languageSwitch} width={520}>
        <RecoverForm onBack={() => setMode('login')} onRecovered={(user) => onSignedIn(user, previousLogin)} />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout aside={languageSwitch}>
      <Form form={form} onSubmit={submit}>
        <Stack gap="md">
          <AuthHeading title={t('login.title')} intro={t('login.intro')} />
          <RestoredNotice />
          <LoginField control={form.control} name="login" label={t('login.login')} autoComplete="username" autoFocus />
          <PasswordField control={form.control} name="password" label={t('login.password')} autoComplete="current-password" />
          {failure.message}
          <Button type="submit" size="md" loading={form.busy} disabled={failure.waiting} fullWidth>
            {t('login.submit')}
          </Button>
          <Group justify="center">
            <Anchor component="button" type="button" size="sm" onClick={() => setMode('recover')}>
              <Group gap={6} wrap="nowrap" component="span">
                <Icon name="key" size={16} />
                {t('login.recoveryLink')}
              </Group>
            </Anchor>
          </Group>
        </Stack>
      </Form>
    </AuthLayout>
  );
}
