import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import type { BreakGlassPreview, PsychologistOption } from '../../../shared/domain/notes';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SelectField, TextareaField, TextField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { Icon } from '../../ui/icons';
import { notify } from '../../ui/notify';

const lookupSchema = contract['notes.breakGlassPreview'].input;
const grantSchema = contract['notes.breakGlass'].input.omit({ visitorId: true });

/**
 * Break-glass: one named visitor's notes given to another psychologist, with the recovery
 * key and a written reason. The administrator sees who wrote how many notes, never a note.
 */
export function BreakGlassSection() {
  const { t } = useTranslation();
  const api = useApi();
  const [preview, setPreview] = useState<BreakGlassPreview | null>(null);
  const lookup = useContractForm(lookupSchema, { defaultValues: { visitorCode: '' } });
  const submitLookup = lookup.submitTo((values) => api.notes.breakGlassPreview(values), setPreview);

  return (
    <Paper withBorder radius="lg" p="lg">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('notesAccess.breakGlass.title')}
        </Title>
        <Alert color="orange" variant="light" icon={<Icon name="alert" />}>
          {t('notesAccess.breakGlass.explain')}
        </Alert>
        <Form form={lookup} onSubmit={submitLookup} testId="break-glass-lookup">
          <Group align="flex-end">
            <TextField control={lookup.control} name="visitorCode" label={t('notesAccess.breakGlass.visitorCode')} dir="ltr" withAsterisk w={260} />
            <Button type="submit" variant="default" loading={lookup.busy}>
              {t('notesAccess.breakGlass.lookUp')}
            </Button>
          </Group>
          <ErrorAlert message={lookup.alert} />
        </Form>
        {preview ? <GrantForm key={preview.visitorId} preview={preview} onDone={() => setPreview(null)} /> : null}
      </Stack>
    </Paper>
  );
}

function GrantForm({ preview, onDone }: { preview: BreakGlassPreview; onDone(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [psychologists, setPsychologists] = useState<PsychologistOption[]>([]);
  useEffect(() => {
    void api.notes.psychologists({}).then((result) => {
      if (result.ok) setPsychologists(result.value);
    });
  }, [api]);
  const form = useContractForm(grantSchema, { defaultValues: { recipientId: undefined, reason: '', recoveryKey: '' } });
  const submit = form.submitTo(
    (values) => api.notes.breakGlass({ ...values, visitorId: preview.visitorId }),
    (granted) => {
      notify(t, 'success', t('notesAccess.breakGlass.done', { count: granted.notes }));
      onDone();
    },
  );
  return (
    <Form form={form} onSubmit={submit} testId="break-glass-form">
      <Stack gap="md">
        <Text fw={600}>{t('notesAccess.breakGlass.authors', { code: preview.visitorCode })}</Text>
        {preview.authors.length === 0 ? (
          <Text size="sm">{t('notesAccess.breakGlass.noNotes')}</Text>
        ) : (
          <List size="sm" data-testid="break-glass-authors">
            {preview.authors.map((author) => (
              <List.Item key={author.id}>
                {t(author.active ? 'notesAccess.breakGlass.author' : 'notesAccess.breakGlass.authorDisabled', { name: author.displayName, count: author.notes })}
              </List.Item>
            ))}
          </List>
        )}
        <SelectField
          control={form.control}
          name="recipientId"
          numeric
          label={t('notesAccess.breakGlass.recipient')}
          data={psychologists.map((p) => ({ value: String(p.id), label: p.displayName }))}
          withAsterisk
          allowDeselect={false}
        />
        <TextareaField control={form.control} name="reason" label={t('notesAccess.breakGlass.reason')} description={t('notesAccess.breakGlass.reasonHint')} autosize minRows={3} withAsterisk />
        <TextField control={form.control} name="recoveryKey" label={t('notesAccess.recoveryKey')} autoComplete="off" spellCheck={false} dir="ltr" withAsterisk />
        <ErrorAlert message={form.alert} />
        <Group>
          <Button type="submit" loading={form.busy} disabled={preview.authors.length === 0}>
            {t('notesAccess.breakGlass.grant')}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
