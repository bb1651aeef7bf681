import { ActionIcon, Button, Group, Paper, Radio, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useFieldArray, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { childFieldsSchema } from '../../../shared/contract/children';
import { ADULT_RELATIONS, MAX_CHILD_AGE_YEARS, type AdultRelation, type ChildView } from '../../../shared/domain/childcare';
import { formatPhone } from '../../../shared/domain/phone';
import { SEXES } from '../../../shared/domain/visitors';
import { useApi } from '../../app/api';
import { DayField } from '../../ui/date-fields';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { NumberField, RadioGroupField, SelectField, TextareaField, TextField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { Icon } from '../../ui/icons';
import { RecordFormActions, RecordFormModal, type RecordTarget } from '../../ui/RecordFormModal';

type ChildInput = z.input<typeof childFieldsSchema>;
type ChildOutput = z.output<typeof childFieldsSchema>;

/** A new adult's relation before it is chosen, typed as the schema's: the schema answers `required` for it. */
const NO_RELATION = undefined as unknown as AdultRelation;

interface Props {
  motherId: number;
  target: RecordTarget<ChildView>;
  onClose(): void;
  onSaved(child: ChildView): void;
}

/** A child of hers, added or edited: the contract's own schema checks it as she types. */
export function ChildFormModal({ motherId, target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <RecordFormModal target={target} onClose={onClose} titles={{ create: t('children.form.createTitle'), edit: t('children.form.editTitle') }} size="xl">
      {(editing) => <ChildForm motherId={motherId} editing={editing} onClose={onClose} onSaved={onSaved} />}
    </RecordFormModal>
  );
}

function ChildForm({ motherId, editing, onClose, onSaved }: { motherId: number; editing: ChildView | null; onClose(): void; onSaved(child: ChildView): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useContractForm(childFieldsSchema, {
    defaultValues: {
      firstName: editing?.firstName ?? null,
      birthDate: editing?.birthDate ?? null,
      ageYears: editing?.ageYears ?? null,
      sex: editing?.sex,
      allergies: editing?.allergies ?? null,
      careNotes: editing?.careNotes ?? null,
      adults: editing?.adults.map((a) => ({ id: a.id, name: a.name, relation: a.relation, phone: a.phone ? formatPhone(a.phone) : null })) ?? [],
    },
  });
  // A birth date when known; else the age the mother gives. Switching clears the other.
  const [ageBy, setAgeBy] = useState<'birthDate' | 'age'>(editing && editing.birthDate === null ? 'age' : 'birthDate');
  const switchAge = (next: string) => {
    setAgeBy(next === 'age' ? 'age' : 'birthDate');
    form.setValue(next === 'age' ? 'birthDate' : 'ageYears', null);
  };
  const submit = form.submitTo((child) => (editing ? api.children.update({ id: editing.id, child }) : api.children.add({ motherId, child })), onSaved);

  return (
    <Form form={form} onSubmit={submit} testId="child-form">
      <Stack gap="md">
        <TextField control={form.control} name="firstName" blankAs={null} label={t('children.form.firstName')} description={t('children.form.firstNameHint')} maxLength={80} dir="auto" data-autofocus maw={360} />
        <Stack gap={6}>
          <Text size="sm" fw={500} id="child-age-by">
            {t('children.form.ageBy')}
          </Text>
          <SegmentedControl
            aria-labelledby="child-age-by"
            value={ageBy}
            onChange={switchAge}
            data={[
              { value: 'birthDate', label: t('children.form.byBirthDate') },
              { value: 'age', label: t('children.form.byAge') },
            ]}
            w="fit-content"
          />
          {ageBy === 'birthDate' ? (
            <DayField control={form.control} name="birthDate" label={t('children.form.birthDate')} withAsterisk maw={240} />
          ) : (
            <NumberField control={form.control} name="ageYears" blankAs={null} label={t('children.form.ageYears')} description={t('children.form.ageYearsHint')} withAsterisk min={0} max={MAX_CHILD_AGE_YEARS} allowDecimal={false} maw={240} />
          )}
        </Stack>
        <RadioGroupField control={form.control} name="sex" label={t('children.form.sex')} withAsterisk>
          <Group gap="lg" mt="xs">
            {SEXES.map((sex) => (
              <Radio key={sex} value={sex} label={t(`sexes.${sex}`)} />
            ))}
          </Group>
        </RadioGroupField>
        <TextareaField control={form.control} name="allergies" blankAs={null} label={t('children.form.allergies')} description={t('children.form.allergiesHint')} autosize minRows={2} dir="auto" />
        <TextareaField control={form.control} name="careNotes" blankAs={null} label={t('children.form.careNotes')} description={t('children.form.careNotesHint')} autosize minRows={2} dir="auto" />
        <AdultsFields control={form.control} />
        <ErrorAlert message={form.alert} />
        <RecordFormActions editing={editing !== null} createLabel={t('children.form.create')} busy={form.busy} onCancel={onClose} />
      </Stack>
    </Form>
  );
}

/** Who besides her mother may collect her: each with a name, a relation and a phone. Her mother is implied. */
function AdultsFields({ control }: { control: Control<ChildInput, unknown, ChildOutput> }) {
  const { t } = useTranslation();
  // `key`: an adult already saved carries an `id` of its own.
  const { fields, append, remove } = useFieldArray({ control, name: 'adults', keyName: 'key' });
  const add = useRef<HTMLButtonElement>(null);
  const relations = ADULT_RELATIONS.map((relation) => ({ value: relation, label: t(`children.values.relations.${relation}`) }));
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="child-adults">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={3} size="h5" id="child-adults">
            {t('children.adults.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('children.adults.motherImplied')}
          </Text>
        </Stack>
        {fields.map((adult, index) => (
          <Group key={adult.key} gap="sm" align="flex-start" wrap="nowrap" data-testid="adult-row">
            <TextField control={control} name={`adults.${index}.name`} label={t('children.adults.name', { number: index + 1 })} withAsterisk maxLength={120} dir="auto" flex={1} />
            <SelectField control={control} name={`adults.${index}.relation`} label={t('children.adults.relation')} withAsterisk data={relations} w={180} />
            <TextField control={control} name={`adults.${index}.phone`} blankAs={null} label={t('children.adults.phone')} type="tel" dir="ltr" maxLength={40} w={170} />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              mt={26}
              aria-label={t('children.adults.remove', { number: index + 1 })}
              onClick={() => {
                remove(index);
                add.current?.focus();
              }}
            >
              <Icon name="x" />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button ref={add} variant="light" leftSection={<Icon name="plus" size={18} />} onClick={() => append({ id: null, name: '', relation: NO_RELATION, phone: null }, { focusName: `adults.${fields.length}.name` })}>
            {t('children.adults.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
