import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api';
import { useDesk, useSession } from '../../app/desk';
import { AuthLayout } from '../../ui/AuthLayout';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useFormErrors } from '../../ui/form';
import { Icon } from '../../ui/icons';
import { NewPasswordFields } from '../../ui/NewPasswordFields';
import { PasswordField } from '../../ui/PasswordField';
import { Form } from '../../ui/Form';

/** After a one-time password, the only thing she can do: choose her own. */
export function ForcedPasswordChange({ onSwitchUser }: { onSwitchUser(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { refresh } = useDesk();
  const { user } = useSession();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(['currentPassword', 'newPassword', 'confirm']);

  const submit = async () => {
    errors.clear();
    if (newPassword !== confirm) {
      errors.failField('confirm', 'confirm.mismatch');
      return;
    }
    setBusy(true);
    const result = await api.account.changePassword({ currentPassword, newPassword });
    setBusy(false);
    if (!result.ok) {
      errors.fail(result.error);
      return;
    }
    await refresh();
  };

  return (
    <AuthLayout width={500}>
      <Form errors={errors} onSubmit={submit}>
        <Stack gap="md">
          <div>
            <Title order={2} size="h3">
              {t('forcedChange.title', { name: user.displayName })}
            </Title>
            <Text c="dimmed" size="sm" mt={6}>
              {t('forcedChange.intro')}
            </Text>
          </div>
          <Alert color="indigo" variant="light" icon={<Icon name="key" />}>
            {t('forcedChange.private')}
          </Alert>
          <PasswordField
            label={t('forcedChange.current')}
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
            error={errors.field('currentPassword')}
            autoComplete="current-password"
            autoFocus
          />
          <NewPasswordFields
            value={newPassword}
            confirm={confirm}
            onChange={setNewPassword}
            onConfirmChange={setConfirm}
            error={errors.field('newPassword')}
            confirmError={errors.field('confirm')}
          />
          <ErrorAlert message={errors.alert} />
          <Button type="submit" size="md" loading={busy} fullWidth>
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
