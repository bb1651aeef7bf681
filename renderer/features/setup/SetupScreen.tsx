import { Button, Divider, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../shared/contract';
import type { Language } from '../../../shared/domain/accounts';
import { useApi } from '../../app/api';
import { useDesk } from '../../app/desk';
import { AuthHeading } from '../../ui/AuthHeading';
import { AuthLayout } from '../../ui/AuthLayout';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoginField, TextField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { NewPasswordFields } from '../../ui/NewPasswordFields';
import { FirstRunRestore } from '../backups/FirstRunRestore';

/**
 * `setup.create` as the administrator fills it in: the language is the desk's (switched
 * above the form, at once), and the password is typed twice.
 */
const setupSchema = contract['setup.create'].input
  .omit({ language: true })
  .extend({ confirm: z.string() })
  .refine((values) => values.password === values.confirm, { error: 'confirm.mismatch', path: ['confirm'] });

/**
 * First run: a new desk (the organisation's name, for its slips, and its administrator's
 * account), or this desk's data brought back from a backup on a new machine.
 */
export function SetupScreen({ onCreated }: { onCreated(recoveryKey: string): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { language, refresh } = useDesk();
  const [choice, setChoice] = useState<'new' | 'restore'>('new');
  const form = useContractForm(setupSchema, { defaultValues: { organisationName: '', login: '', displayName: '', password: '', confirm: '' } });

  const chooseLanguage = async (next: Language) => {
    await api.app.setDeskLanguage({ language: next });
    await refresh();
  };

  const submit = form.submitTo(
    ({ confirm: _confirm, ...input }) => api.setup.create({ ...input, language }),
    async ({ recoveryKey }) => {
      form.reset({ ...form.getValues(), password: '', confirm: '' });
      onCreated(recoveryKey);
      await refresh();
    },
  );

  const languageChoice = (
    <Stack gap={6}>
      <Text size="sm" fw={500} id="setup-language-label">
        {t('setup.language')}
      </Text>
      <LanguageSwitch value={language} onChange={(next) => void chooseLanguage(next)} />
    </Stack>
  );

  return (
    <AuthLayout width={choice === 'restore' ? 760 : 520}>
      <Stack gap="md">
        <AuthHeading title={t('setup.title')} intro={choice === 'restore' ? t('backups.firstRun.intro') : t('setup.intro')} />
        <SegmentedControl
          fullWidth
          aria-label={t('backups.firstRun.choice')}
          value={choice}
          onChange={(next) => setChoice(next === 'restore' ? 'restore' : 'new')}
          data={[
            { value: 'new', label: t('backups.firstRun.newDesk') },
            { value: 'restore', label: t('backups.firstRun.restore') },
          ]}
          data-testid="setup-choice"
        />
        {languageChoice}
        <Divider />
        {choice === 'restore' ? (
          <FirstRunRestore />
        ) : (
          <Form form={form} onSubmit={submit}>
            <Stack gap="md">
              <TextField
                control={form.control}
                name="organisationName"
                label={t('setup.organisation')}
                description={t('setup.organisationHint')}
                autoComplete="organization"
                dir="auto"
                autoFocus
              />
              <TextField
                control={form.control}
                name="displayName"
                label={t('setup.displayName')}
                description={t('setup.displayNameHint')}
                autoComplete="name"
              />
              <LoginField control={form.control} name="login" label={t('setup.login')} description={t('setup.loginHint')} autoComplete="username" />
              <NewPasswordFields name="password" label={t('setup.password')} confirmLabel={t('setup.confirm')} />
              <ErrorAlert message={form.alert} />
              <Button type="submit" size="md" loading={form.busy} fullWidth>
                {t('setup.submit')}
              </Button>
            </Stack>
          </Form>
        )}
      </Stack>
    </AuthLayout>
  );
}
