import { ActionIcon, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eventFieldsSchema } from '../../../shared/contract/events';
import { EVENT_KINDS, HEADCOUNT_CATEGORIES, type EventParticipantView, type EventView } from '../../../shared/domain/activities';
import type { PlaceView } from '../../../shared/domain/listening';
import type { VisitorListItem } from '../../../shared/domain/visitor-views';
import { useApi } from '../../app/api';
import { DayField } from '../../ui/date-fields';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { NumberField, SelectField, TextareaField, TextField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { Icon } from '../../ui/icons';
import { RecordFormActions, RecordFormModal, type RecordTarget } from '../../ui/RecordFormModal';
import { visitorChoiceLabel } from '../appointments/VisitorPicker';

interface Props {
  target: RecordTarget<EventView>;
  onClose(): void;
  onSaved(event: EventView): void;
}

export function EventModal({ target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const [places, setPlaces] = useState<PlaceView[] | null>(null);
  useEffect(() => {
    if (target === null) return;
    void api.places.list({}).then((result) => result.ok && setPlaces(result.value));
  }, [api, target]);
  return (
    <RecordFormModal target={target} onClose={onClose} size="lg" titles={{ create: t('events.form.createTitle'), edit: t('events.form.editTitle') }}>
      {(editing) => (places ? <EventForm editing={editing} places={places} onClose={onClose} onSaved={onSaved} /> : null)}
    </RecordFormModal>
  );
}

/** An event's day, kind and place, its headcounts by category, and the registered visitors who came; the total as it is typed. */
function EventForm({ editing, places, onClose, onSaved }: { editing: EventView | null; places: PlaceView[]; onClose(): void; onSaved(event: EventView): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const values = {
    kind: editing?.kind ?? 'multiActorDay',
    title: editing?.title ?? '',
    day: editing?.day ?? '',
    placeId: editing?.placeId ?? null,
    location: editing?.location ?? null,
    notes: editing?.notes ?? null,
    headcounts: editing?.headcounts ?? { associations: 0, publicInstitutions: 0, migrantCommunities: 0, academics: 0, other: 0 },
    participantIds: editing?.participants.map((p) => p.visitorId) ?? [],
  };
  // One schema for both: an edit sends the same fields with the event's id.
  const form = useContractForm(eventFieldsSchema, { defaultValues: values });
  const [participants, setParticipants] = useState<EventParticipantView[]>(editing?.participants ?? []);
  const { watch, setValue } = form;
  const counts = watch('headcounts');
  const placeId = watch('placeId');
  const total = HEADCOUNT_CATEGORIES.reduce((sum, c) => sum + (Number(counts?.[c]) || 0), 0) + participants.length;
  const submit = form.submitTo((input) => (editing ? api.events.update({ ...input, id: editing.id }) : api.events.create(input)), onSaved);
  const setPeople = (next: EventParticipantView[]) => {
    setParticipants(next);
    setValue('participantIds', next.map((p) => p.visitorId));
  };

  return (
    <Form form={form} onSubmit={submit} testId="event-form">
      <Stack gap="md">
        <SelectField
          name="kind"
          control={form.control}
          label={t('events.form.kind')}
          withAsterisk
          data={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))}
          allowDeselect={false}
          data-autofocus
        />
        <TextField name="title" control={form.control} label={t('events.form.title')} withAsterisk maxLength={160} />
        <DayField name="day" control={form.control} label={t('events.form.day')} withAsterisk w={240} />
        <Group grow align="flex-start">
          <SelectField
            name="placeId"
            control={form.control}
            numeric
            clearable
            label={t('events.form.place')}
            placeholder={t('events.form.elsewhere')}
            data={places.map((p) => ({ value: String(p.id), label: p.name }))}
            clearButtonProps={{ 'aria-label': t('common.clear') }}
          />
          {placeId === null || placeId === undefined ? (
            <TextField name="location" control={form.control} blankAs={null} label={t('events.form.location')} description={t('events.form.locationHint')} maxLength={200} />
          ) : null}
        </Group>
        <Paper withBorder radius="md" p="md">
          <Text fw={600} mb="xs" id="headcounts-title">
            {t('events.form.headcounts')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" role="group" aria-labelledby="headcounts-title">
            {HEADCOUNT_CATEGORIES.map((c) => (
              <NumberField key={c} name={`headcounts.${c}`} control={form.control} blankAs={undefined} label={t(`events.categories.${c}`)} min={0} allowDecimal={false} clampBehavior="none" />
            ))}
          </SimpleGrid>
        </Paper>
        <ParticipantsField participants={participants} onChange={setPeople} />
        <Text fw={700} data-testid="event-form-total" aria-live="polite">
          {t('events.form.total', { count: total })}
        </Text>
        <TextareaField name="notes" control={form.control} blankAs={null} label={t('events.form.notes')} autosize minRows={2} maxRows={5} />
        <ErrorAlert message={form.alert} />
        <RecordFormActions editing={editing !== null} createLabel={t('events.form.create')} busy={form.busy} onCancel={onClose} />
      </Stack>
    </Form>
  );
}

/** Registered visitors who took part, each found as the referral dialog finds her (code, name, alias, phone). */
function ParticipantsField({ participants, onChange }: { participants: EventParticipantView[]; onChange(next: EventParticipantView[]): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 200);
  const [found, setFound] = useState<VisitorListItem[]>([]);
  useEffect(() => {
    if (query.trim().length < 2) return;
    let current = true;
    void api.visitors.search({ query, limit: 20 }).then((result) => {
      if (current && result.ok && result.value.status === 'ok') setFound(result.value.items.filter((v) => !v.anonymised));
    });
    return () => {
      current = false;
    };
  }, [api, query]);
  const chosen = new Set(participants.map((p) => p.visitorId));
  return (
    <Stack gap="xs">
      <Select
        label={t('events.form.participants')}
        description={t('events.form.participantsHint')}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        data={found.filter((v) => !chosen.has(v.id)).map((v) => ({ value: String(v.id), label: visitorChoiceLabel(v) }))}
        value={null}
        onChange={(next) => {
          const visitor = found.find((v) => String(v.id) === next);
          if (!visitor) return;
          onChange([...participants, { visitorId: visitor.id, visitorCode: visitor.code, visitorLabel: visitorChoiceLabel(visitor) }]);
          setSearch('');
        }}
        nothingFoundMessage={query.trim().length >= 2 ? t('common.nothingFound') : t('events.form.typeToSearch')}
        data-testid="event-participant-search"
      />
      {participants.length > 0 ? (
        <Group gap="xs" data-testid="event-participants">
          {participants.map((p) => (
            <Group key={p.visitorId} gap={4} wrap="nowrap" className="event-participant">
              <Text size="sm" fw={600}>
                <bdi>{p.visitorLabel}</bdi>
              </Text>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('events.form.removeParticipant', { visitor: p.visitorLabel })} onClick={() => onChange(participants.filter((q) => q.visitorId !== p.visitorId))}>
                <Icon name="x" size={14} />
              </ActionIcon>
            </Group>
          ))}
        </Group>
      ) : null}
    </Stack>
  );
}
