import { Button, Divider, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/accounts';
import { useApi } from '../../app/api';
import { useDesk } from '../../app/desk';
import { AuthLayout } from '../../ui/AuthLayout';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useFormErrors } from '../../ui/form';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { NewPasswordFields } from '../../ui/NewPasswordFields';
import { Form } from '../../ui/Form';
import { AuthHeading } from '../../ui/AuthHeading';

/** First run: the organisation's administrator creates the first account. */
export function SetupScreen({ onCreated }: { onCreated(recoveryKey: string): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { language, refresh } = useDesk();
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(['login', 'displayName', 'password', 'language', 'confirm']);

  const chooseLanguage = async (next: Language) => {
    await api.app.setDeskLanguage({ language: next });
    await refresh();
  };

  const submit = async () => {
    errors.clear();
    if (password !== confirm) {
      errors.failField('confirm', 'confirm.mismatch');
      return;
    }
    setBusy(true);
    const result = await api.setup.create({ login, displayName, password, language });
    setBusy(false);
    if (!result.ok) {
      errors.fail(result.error);
      return;
    }
    setPassword('');
    setConfirm('');
    onCreated(result.value.recoveryKey);
    await refresh();
  };

  return (
    <AuthLayout width={520}>
      <Form errors={errors} onSubmit={submit}>
        <Stack gap="md">
          <AuthHeading title={t('setup.title')} intro={t('setup.intro')} />
          <Stack gap={6}>
            <Text size="sm" fw={500} id="setup-language-label">
              {t('setup.language')}
            </Text>
            <LanguageSwitch value={language} onChange={(next) => void chooseLanguage(next)} />
          </Stack>
          <Divider />
          <TextInput
            label={t('setup.displayName')}
            description={t('setup.displayNameHint')}
            value={displayName}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
            error={errors.field('displayName')}
            autoComplete="name"
            autoFocus
          />
          <TextInput
            label={t('setup.login')}
            description={t('setup.loginHint')}
            value={login}
            onChange={(event) => setLogin(event.currentTarget.value)}
            error={errors.field('login')}
            autoComplete="username"
            dir="ltr"
            autoCapitalize="none"
            spellCheck={false}
          />
          <NewPasswordFields
            label={t('setup.password')}
            confirmLabel={t('setup.confirm')}
            value={password}
            confirm={confirm}
            onChange={setPassword}
            onConfirmChange={setConfirm}
            error={errors.field('password')}
            confirmError={errors.field('confirm')}
          />
          <ErrorAlert message={errors.alert} />
          <Button type="submit" size="md" loading={busy} fullWidth>
            {t('setup.submit')}
          </Button>
        </Stack>
      </Form>
    </AuthLayout>
  );
}
