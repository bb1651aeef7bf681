import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDesk, useSession } from '../../app/desk';
import { AuthLayout } from '../../ui/AuthLayout';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Icon } from '../../ui/icons';
import { NewPasswordFields } from '../../ui/NewPasswordFields';
import { PasswordField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { usePasswordChange } from '../account/usePasswordChange';
import { AuthHeading } from '../../ui/AuthHeading';

/** After a one-time password, the only thing she can do: choose her own. */
export function ForcedPasswordChange({ onSwitchUser }: { onSwitchUser(): void }) {
  const { t } = useTranslation();
  const { refresh } = useDesk();
  const { user } = useSession();
  const { form, submit } = usePasswordChange(() => refresh());

  return (
    <AuthLayout width={500}>
      <Form form={form} onSubmit={submit}>
        <Stack gap="md">
          <AuthHeading title={t('forcedChange.title', { name: user.displayName })} intro={t('forcedChange.intro')} />
          <Alert color="indigo" variant="light" icon={<Icon name="key" />}>
            {t('forcedChange.private')}
          </Alert>
          <PasswordField control={form.control} name="currentPassword" label={t('forcedChange.current')} autoComplete="current-password" autoFocus />
          <NewPasswordFields name="newPassword" />
          <ErrorAlert message={form.alert} />
          <Button type="submit" size="md" loading={form.busy} fullWidth>
            {t('forcedChange.submit')}
          </Button>
          <Button variant="subtle" color="gray" onClick={onSwitchUser} leftSection={<Icon name="switchUser" size={18} />}>
            {t('forcedChange.leave')}
          </Button>
        </Stack>
      </Form>
    </AuthLayout>
  );
}
