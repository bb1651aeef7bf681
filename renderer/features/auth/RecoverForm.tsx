import { Anchor, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../shared/contract';
import type { SessionUser } from '../../../shared/domain/accounts';
import { useApi } from '../../app/api';
import { AuthHeading } from '../../ui/AuthHeading';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoginField, RecoveryKeyField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { Icon } from '../../ui/icons';
import { useLoginFailure } from '../../ui/LoginFailure';
import { NewPasswordFields } from '../../ui/NewPasswordFields';

/** `auth.recover`, and the new password typed twice. */
const recoverSchema = contract['auth.recover'].input
  .extend({ confirm: z.string() })
  .refine((values) => values.newPassword === values.confirm, { error: 'confirm.mismatch', path: ['confirm'] });

/** Break-glass: the organisation's recovery key gives an administrator a new password. */
export function RecoverForm({ onBack, onRecovered }: { onBack(): void; onRecovered(user: SessionUser): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useContractForm(recoverSchema, { defaultValues: { recoveryKey: '', login: '', newPassword: '', confirm: '' } });
  const throttled = form.failure?.error.code === 'auth.throttled' ? form.failure : null;
  const failure = useLoginFailure(throttled?.error ?? null, throttled?.at ?? null);
  const submit = form.submitTo(({ confirm: _confirm, ...input }) => api.auth.recover(input), onRecovered);

  return (
    <Form form={form} onSubmit={submit}>
      <Stack gap="md">
        <AuthHeading title={t('recover.title')} intro={t('recover.intro')} />
        <RecoveryKeyField control={form.control} name="recoveryKey" label={t('recover.key')} description={t('recover.keyHint')} autoFocus />
        <LoginField control={form.control} name="login" label={t('recover.login')} autoComplete="username" />
        <NewPasswordFields name="newPassword" />
        {throttled ? failure.message : <ErrorAlert message={form.alert} />}
        <Button type="submit" size="md" loading={form.busy} disabled={failure.waiting} fullWidth>
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
