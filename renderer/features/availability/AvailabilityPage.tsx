import { Skeleton, Stack } from '@mantine/core';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvailabilityOwner, AvailabilityView, PlaceView, PsychologistView } from '../../../shared/domain/listening';
import { mayPlanFor } from '../../../shared/domain/policy';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { ExceptionsSection } from './ExceptionsSection';
import { LanguagesForm } from './LanguagesForm';
import { WeeklyPlanForm } from './WeeklyPlanForm';

interface Props {
  /** Kept the same object from render to render (memoised): a new one reads everything again. */
  owner: AvailabilityOwner;
  title: ReactNode;
  description: string;
  /** A psychologist's page also holds the languages she speaks; an interpreter's are in her record. */
  psychologist: PsychologistView | null;
  onLanguagesSaved?(view: PsychologistView): void;
}

/** Someone's hours: the weekly plan, the days that differ from it, and (a psychologist's) her languages. */
export function AvailabilityPage({ owner, title, description, psychologist, onLanguagesSaved }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useSession();
  const [view, setView] = useState<AvailabilityView | null>(null);
  const [places, setPlaces] = useState<PlaceView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    () =>
      api.availability.get({ owner }).then((result) => {
        if (!result.ok) return setError(errorMessage(t, result.error));
        setError(null);
        setView(result.value);
      }),
    [api, t, owner],
  );

  useEffect(() => {
    void load();
    void api.places.list({ includeInactive: false }).then((result) => {
      if (!result.ok) return setError(errorMessage(t, result.error));
      setPlaces(result.value);
    });
  }, [api, load, t]);

  return (
    <Stack maw={1120} gap={0}>
      <PageHeader title={title} description={description} />
      <ErrorAlert message={error} />
      {view && places ? (
        <Stack gap="lg">
          <WeeklyPlanForm owner={owner} plan={view.plan} places={places} onSaved={setView} />
          <ExceptionsSection owner={owner} exceptions={view.exceptions} places={places} deskWide={mayPlanFor(user, null)} onChanged={() => void load()} />
          {psychologist ? <LanguagesForm psychologist={psychologist} onSaved={(saved) => onLanguagesSaved?.(saved)} /> : null}
        </Stack>
      ) : error ? null : (
        <Stack gap="md" aria-hidden="true">
          <Skeleton height={320} />
          <Skeleton height={160} />
        </Stack>
      )}
    </Stack>
  );
}
