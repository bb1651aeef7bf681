import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { useApi } from '../../app/api';
import { useDesk, useSession } from '../../app/desk';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { NewPasswordFields } from '../../ui/NewPasswordFields';
import { usePasswordChange } from './usePasswordChange';
import { PageHeader } from '../../ui/PageHeader';
import { PasswordField } from '../../ui/fields';
import { notify } from '../../ui/notify';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';

function ChangePasswordForm() {
  const { t } = useTranslation();
  const { form, submit } = usePasswordChange(() => notify(t, 'success', t('account.passwordChanged')));

  return (
    <Form form={form} onSubmit={submit}>
      <Stack gap="md">
        <PasswordField control={form.control} name="currentPassword" label={t('account.currentPassword')} autoComplete="current-password" />
        <NewPasswordFields name="newPassword" />
        <ErrorAlert message={form.alert} />
        <Group>
          <Button type="submit" loading={form.busy}>
            {t('account.changePassword')}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}

/** Her language, saved as soon as she picks it: `account.setLanguage`, a form of one field. */
function LanguageForm() {
  const { t } = useTranslation();
  const api = useApi();
  const { refresh, language } = useDesk();
  const form = useContractForm(contract['account.setLanguage'].input, { defaultValues: { language } });
  const submit = form.submitTo(
    (values) => api.account.setLanguage(values),
    async (_user, { language: saved }) => {
      await refresh();
      notify(t, 'success', t('account.languageSaved', { lng: saved }));
    },
    () => form.setValue('language', language),
  );
  return (
    <Form form={form} onSubmit={submit}>
      <Controller
        control={form.control}
        name="language"
        render={({ field }) => (
          <LanguageSwitch
            value={field.value}
            onChange={(next) => {
              field.onChange(next);
              void submit();
            }}
          />
        )}
      />
      {form.alert ? (
        <Stack mt="sm">
          <ErrorAlert message={form.alert} />
        </Stack>
      ) : null}
    </Form>
  );
}

/** Her own account: who she is here, her language, her password. */
export function AccountPage() {
  const { t } = useTranslation();
  const { user } = useSession();

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
            <LanguageForm />
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
