import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/accounts';
import { useApi } from '../../app/api';
import { useDesk, useSession } from '../../app/desk';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { NewPasswordFields } from '../../ui/NewPasswordFields';
import { usePasswordChange } from './usePasswordChange';
import { PageHeader } from '../../ui/PageHeader';
import { PasswordField } from '../../ui/PasswordField';
import { notify } from '../../ui/notify';
import { Form } from '../../ui/Form';

function ChangePasswordForm() {
  const { t } = useTranslation();
  const form = usePasswordChange(() => notify(t, 'success', t('account.passwordChanged')));
  const { errors } = form;

  return (
    <Form errors={errors} onSubmit={form.submit}>
      <Stack gap="md">
        <PasswordField
          label={t('account.currentPassword')}
          value={form.currentPassword}
          onChange={(event) => form.setCurrentPassword(event.currentTarget.value)}
          error={errors.field('currentPassword')}
          autoComplete="current-password"
        />
        <NewPasswordFields
          value={form.newPassword}
          confirm={form.confirm}
          onChange={form.setNewPassword}
          onConfirmChange={form.setConfirm}
          error={errors.field('newPassword')}
          confirmError={errors.field('confirm')}
        />
        <ErrorAlert message={errors.alert} />
        <Group>
          <Button type="submit" loading={form.busy}>
            {t('account.changePassword')}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}

/** Her own account: who she is here, her language, her password. */
export function AccountPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { refresh, language } = useDesk();
  const { user } = useSession();
  const [languageError, setLanguageError] = useState<string | null>(null);

  const chooseLanguage = async (next: Language) => {
    setLanguageError(null);
    const result = await api.account.setLanguage({ language: next });
    if (!result.ok) {
      setLanguageError(errorMessage(t, result.error));
      return;
    }
    await refresh();
    notify(t, 'success', t('account.languageSaved', { lng: next }));
  };

  return (
    <Stack maw={1100} gap={0}>
      <PageHeader title={t('account.title')} description={t('account.intro')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="lg">
          <Paper withBorder radius="lg" p="lg">
            <Title order={2} size="h4" mb="md">
              {t('account.profile')}
            </Title>
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" c="dimmed">
                  {t('account.name')}
                </Text>
                <Text fw={600}>{user.displayName}</Text>
              </Group>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" c="dimmed">
                  {t('account.login')}
                </Text>
                <Text fw={600} dir="ltr">
                  {user.login}
                </Text>
              </Group>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" c="dimmed">
                  {t('account.roles')}
                </Text>
                <Group gap={6}>
                  {user.roles.map((role) => (
                    <Badge key={role} variant="light">
                      {t(`roles.${role}`)}
                    </Badge>
                  ))}
                </Group>
              </Group>
            </Stack>
          </Paper>
          <Paper withBorder radius="lg" p="lg">
            <Title order={2} size="h4" mb={4}>
              {t('account.language')}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {t('account.languageIntro')}
            </Text>
            <LanguageSwitch value={language} onChange={(next) => void chooseLanguage(next)} />
            {languageError ? (
              <Stack mt="sm">
                <ErrorAlert message={languageError} />
              </Stack>
            ) : null}
          </Paper>
        </Stack>
        <Paper withBorder radius="lg" p="lg">
          <Title order={2} size="h4" mb={4}>
            {t('account.changePassword')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('account.changePasswordIntro')}
          </Text>
          <ChangePasswordForm />
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
