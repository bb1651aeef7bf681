import { Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/domain/accounts';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useFormErrors } from '../../ui/form';
import { Icon } from '../../ui/icons';
import { useLoginFailure } from '../../ui/LoginFailure';
import { NewPasswordFields } from '../../ui/NewPasswordFields';
import { Form } from '../../ui/Form';
import { AuthHeading } from '../../ui/AuthHeading';

/** Break-glass: the organisation's recovery key gives an administrator a new password. */
export function RecoverForm({ onBack, onRecovered }: { onBack(): void; onRecovered(user: SessionUser): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [login, setLogin] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(['recoveryKey', 'login', 'newPassword', 'confirm']);
  const throttled = errors.error?.code === 'auth.throttled' ? errors.error : null;
  const failure = useLoginFailure(throttled, errors.failedAt);

  const submit = async () => {
    errors.clear();
    if (newPassword !== confirm) {
      errors.failField('confirm', 'confirm.mismatch');
      return;
    }
    setBusy(true);
    const result = await api.auth.recover({ recoveryKey, login, newPassword });
    setBusy(false);
    if (!result.ok) {
      errors.fail(result.error);
      return;
    }
    onRecovered(result.value);
  };

  return (
    <Form errors={errors} onSubmit={submit}>
      <Stack gap="md">
        <AuthHeading title={t('recover.title')} intro={t('recover.intro')} />
        <TextInput
          label={t('recover.key')}
          description={t('recover.keyHint')}
          value={recoveryKey}
          onChange={(event) => setRecoveryKey(event.currentTarget.value)}
          error={errors.field('recoveryKey')}
          className="guichet-code-input"
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          autoFocus
        />
        <TextInput
          label={t('recover.login')}
          value={login}
          onChange={(event) => setLogin(event.currentTarget.value)}
          error={errors.field('login')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
        />
        <NewPasswordFields
          value={newPassword}
          confirm={confirm}
          onChange={setNewPassword}
          onConfirmChange={setConfirm}
          error={errors.field('newPassword')}
          confirmError={errors.field('confirm')}
        />
        {throttled ? failure.message : <ErrorAlert message={errors.alert} />}
        <Button type="submit" size="md" loading={busy} disabled={failure.waiting} fullWidth>
          {t('recover.submit')}
        </Button>
        <Group justify="center">
          <Anchor component="button" type="button" size="sm" onClick={onBack}>
            <Group gap={6} wrap="nowrap" component="span">
              <Icon name="arrowBack" size={16} />
              {t('recover.back')}
            </Group>
          </Anchor>
        </Group>
      </Stack>
    </Form>
  );
}
