import { Button, Group, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { contract } from '../../../shared/contract';
import type { PlaceView } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CheckboxField, TextareaField, TextField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { notify } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { OpeningHoursFields } from './OpeningHoursFields';
import { RoomsFields } from './RoomsFields';
import { periodsOf } from './hours';
import { WEEKDAYS } from '../../../shared/domain/listening';

const placeSchema = contract['places.create'].input;

/** A place as the form holds it: its hours by weekday, earliest first. */
function valuesOf(place: PlaceView | null) {
  if (!place) return { name: '', cardName: null, address: null, active: true, rooms: [{ name: '', active: true }], hours: [] };
  return {
    name: place.name,
    cardName: place.cardName,
    address: place.address,
    active: place.active,
    rooms: place.rooms.map(({ id, name, active }) => ({ id, name, active })),
    hours: WEEKDAYS.flatMap((day) => periodsOf(place.hours, day, (p) => p.opens)),
  };
}

function PlaceForm({ place }: { place: PlaceView | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const form = useContractForm(placeSchema, { defaultValues: valuesOf(place) });
  const submit = form.submitTo(
    (values) => (place ? api.places.update({ id: place.id, ...values }) : api.places.create(values)),
    (saved) => {
      notify(t, 'success', t('places.saved', { name: saved.name }));
      navigate('/places');
    },
  );

  return (
    <Form form={form} onSubmit={submit} testId="place-form">
      <Stack gap="lg">
        <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="place-identity">
          <Stack gap="md">
            <Title order={2} size="h4" id="place-identity">
              {t('places.form.identity')}
            </Title>
            <TextField control={form.control} name="name" label={t('places.form.name')} withAsterisk maxLength={120} autoFocus={place === null} maw={560} />
            <TextField
              control={form.control}
              name="cardName"
              blankAs={null}
              label={t('places.form.cardName')}
              description={t('places.form.cardNameHint')}
              maxLength={120}
              maw={560}
            />
            <TextareaField control={form.control} name="address" blankAs={null} label={t('places.form.address')} autosize minRows={2} maw={560} />
            <CheckboxField control={form.control} name="active" label={t('places.form.active')} description={t('places.form.activeHint')} />
          </Stack>
        </Paper>
        <RoomsFields control={form.control} />
        <OpeningHoursFields control={form.control} />
        <ErrorAlert message={form.alert} />
        <Group>
          <Button type="submit" loading={form.busy}>
            {place ? t('common.save') : t('places.form.create')}
          </Button>
          <Button component={Link} to="/places" variant="default">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}

/** One place, new (`placeId` null) or as it is: its name, rooms and opening hours in one form. */
export function PlaceFormPage({ placeId }: { placeId: number | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const [place, setPlace] = useState<PlaceView | null | undefined>(placeId === null ? null : undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (placeId === null) return;
    void api.places.list({ includeInactive: true }).then((result) => {
      if (!result.ok) return setError(errorMessage(t, result.error));
      const found = result.value.find((p) => p.id === placeId);
      if (found) setPlace(found);
      else setError(t('places.notFound'));
    });
  }, [api, placeId, t]);

  return (
    <Stack maw={960} gap={0}>
      <PageHeader title={place ? place.name : t(placeId === null ? 'places.form.createTitle' : 'places.form.editTitle')} description={t('places.form.intro')} />
      <ErrorAlert message={error} />
      {place !== undefined ? (
        <PlaceForm place={place} />
      ) : error ? null : (
        <Stack gap="md" aria-hidden="true">
          <Skeleton height={56} width={420} />
          <Skeleton height={120} />
          <Skeleton height={240} />
        </Stack>
      )}
    </Stack>
  );
}
