import { Button, Group, Stack, Text } from '@mantine/core';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SESSION_KIND_KEYS } from '../../../shared/domain/listening';
import { NOTE_MAX_LENGTH, RISK_LEVELS, noteBodySchema, noteDraftKey, type NoteBody, type NoteView } from '../../../shared/domain/notes';
import type { Result } from '../../../shared/errors';
import { DraftOffer } from '../drafts/DraftOffer';
import { useDraft } from '../drafts/useDraft';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CheckboxField, SelectField, TextareaField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { useNoteDraftStore } from './note-drafts';

export interface NoteTarget {
  visitorId?: number;
  appointmentId?: number;
  noteId?: number;
}

const EMPTY: NoteBody = { text: '', sessionKind: null, followUpPlanned: false, riskLevel: 'none' };

/**
 * The note as she writes it: free text and the structured fields, every one sealed by
 * main. What she types is kept as a sealed draft a moment after each change and before
 * a lock, and offered back when she comes back to the same note.
 */
export function NoteForm({
  target,
  initial,
  disabled,
  send,
  onSaved,
}: {
  target: NoteTarget;
  initial: NoteBody | null;
  disabled: boolean;
  send(body: NoteBody): Promise<Result<NoteView>>;
  onSaved(note: NoteView): void;
}) {
  const { t, i18n } = useTranslation();
  const store = useNoteDraftStore();
  const form = useContractForm(noteBodySchema, { defaultValues: initial ?? EMPTY });
  const draft = useDraft(form, disabled ? null : noteDraftKey(target), null, store);
  const text = useWatch({ control: form.control, name: 'text' }) ?? '';
  const length = [...text].length;
  const submit = form.submitTo(send, async (note) => {
    await draft.finish();
    onSaved(note);
  });

  return (
    <>
      {draft.offer ? <DraftOffer updatedAt={draft.offer.updatedAt} onResume={draft.resume} onDiscard={() => void draft.discard()} /> : null}
      <Form form={form} onSubmit={submit} testId="note-form">
        <Stack gap="md">
          <TextareaField
            control={form.control}
            name="text"
            label={t('notes.form.text')}
            description={t('notes.form.textHint')}
            autosize
            minRows={10}
            maxRows={24}
            withAsterisk
            disabled={disabled}
            data-autofocus
            dir="auto"
          />
          <Text size="xs" c={length > NOTE_MAX_LENGTH ? 'red' : 'dimmed'} aria-live="polite" data-testid="note-length">
            {t('notes.form.length', { count: length, max: new Intl.NumberFormat(`${i18n.language}-u-nu-latn`).format(NOTE_MAX_LENGTH) })}
          </Text>
          <Group grow align="flex-start">
            <SelectField
              control={form.control}
              name="sessionKind"
              label={t('notes.form.sessionKind')}
              data={SESSION_KIND_KEYS.map((value) => ({ value, label: t(`notes.sessionKinds.${value}`) }))}
              clearable
              disabled={disabled}
            />
            <SelectField
              control={form.control}
              name="riskLevel"
              label={t('notes.form.riskLevel')}
              data={RISK_LEVELS.map((value) => ({ value, label: t(`notes.riskLevels.${value}`) }))}
              allowDeselect={false}
              disabled={disabled}
            />
          </Group>
          <CheckboxField control={form.control} name="followUpPlanned" label={t('notes.form.followUpPlanned')} disabled={disabled} />
          <ErrorAlert message={form.alert} />
          <Group>
            <Button type="submit" loading={form.busy} disabled={disabled}>
              {target.noteId ? t('common.save') : t('notes.form.create')}
            </Button>
          </Group>
        </Stack>
      </Form>
    </>
  );
}
