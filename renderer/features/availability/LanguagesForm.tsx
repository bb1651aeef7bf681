import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import type { PsychologistView } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { notify } from '../../ui/notify';
import { SpokenLanguagesField } from './SpokenLanguagesField';

const languagesSchema = contract['availability.setLanguages'].input;

/** The languages a psychologist speaks herself: a visitor who speaks one of them needs no interpreter with her. */
export function LanguagesForm({ psychologist, onSaved }: { psychologist: PsychologistView; onSaved(view: PsychologistView): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useContractForm(languagesSchema, { defaultValues: { userId: psychologist.id, languages: psychologist.languages } });
  const submit = form.submitTo(
    (values) => api.availability.setLanguages(values),
    (saved) => {
      form.reset({ userId: saved.id, languages: saved.languages });
      notify(t, 'success', t('availability.languages.saved'));
      onSaved(saved);
    },
  );

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="availability-languages">
      <Form form={form} onSubmit={submit} testId="languages-form">
        <Stack gap="md">
          <Stack gap={2}>
            <Title order={2} size="h4" id="availability-languages">
              {t('availability.languages.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('availability.languages.hint')}
            </Text>
          </Stack>
          <SpokenLanguagesField control={form.control} name="languages" label={t('availability.languages.label')} maw={620} />
          <ErrorAlert message={form.alert} />
          <Group>
            <Button type="submit" variant="default" loading={form.busy}>
              {t('availability.languages.save')}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
