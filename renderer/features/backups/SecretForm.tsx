import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { backupSecretSchema, type BackupJobView } from '../../../shared/domain/backups';
import type { ErrorInfo } from '../../../shared/errors';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoginField, PasswordField, RadioGroupField, RecoveryKeyField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';

const [byPassword, byRecoveryKey] = backupSecretSchema.options;

/** The contract's own union; the form holds the fields of both ways, and only the chosen one is sent. */
const secretFormSchema = z.discriminatedUnion('kind', [byPassword.extend({ recoveryKey: z.string() }), byRecoveryKey.extend({ login: z.string(), password: z.string() })]);

/** What the form keeps from one try to the next: never the password or the key. */
export interface SecretTry {
  kind: 'recovery' | 'password';
  login: string;
}

interface Props {
  path: string;
  initial: SecretTry;
  /** The reason the last try failed (a wrong key, a damaged file): said above the button. */
  failure: ErrorInfo | null;
  onStarted(job: BackupJobView, tried: SecretTry): void;
}

/** Who can open a backup: the recovery key, or an administrator's login and her password as it was then. */
export function SecretForm({ path, failure, initial, onStarted }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useContractForm(secretFormSchema, { defaultValues: { kind: initial.kind, recoveryKey: '', login: initial.login, password: '' } });
  const kind = form.watch('kind');
  // The keyboard starts in the first field of the way she chose, not after she switches ways.
  const focusFirst = !form.formState.dirtyFields.kind;
  const submit = form.submitTo(
    (values) =>
      api.backups.open({
        path,
        secret: values.kind === 'password' ? { kind: 'password', login: values.login, password: values.password } : { kind: 'recovery', recoveryKey: values.recoveryKey },
      }),
    (view, values) => onStarted(view, { kind: values.kind, login: values.login }),
  );

  return (
    <Form form={form} onSubmit={submit} testId="backup-secret-form">
      <Stack gap="md">
        <Text size="sm">{t('backups.whoCanOpen')}</Text>
        <RadioGroupField control={form.control} name="kind" label={t('backups.restore.openWith')}>
          <Group gap="lg" mt={6}>
            <Radio value="recovery" label={t('backups.restore.byRecoveryKey')} />
            <Radio value="password" label={t('backups.restore.byPassword')} />
          </Group>
        </RadioGroupField>
        {kind === 'recovery' ? (
          <RecoveryKeyField
            control={form.control}
            name="recoveryKey"
            label={t('backups.restore.recoveryKey')}
            description={t('backups.restore.recoveryKeyHint')}
            data-autofocus
            autoFocus={focusFirst}
          />
        ) : (
          <>
            <LoginField
              control={form.control}
              name="login"
              label={t('backups.restore.login')}
              description={t('backups.restore.loginHint')}
              autoComplete="off"
              autoFocus={focusFirst && initial.login === ''}
            />
            <PasswordField control={form.control} name="password" label={t('backups.restore.password')} autoComplete="off" autoFocus={focusFirst && initial.login !== ''} />
          </>
        )}
        <ErrorAlert message={failure ? errorMessage(t, failure) : form.alert} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.busy} data-testid="backup-open">
            {t('backups.restore.open')}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
