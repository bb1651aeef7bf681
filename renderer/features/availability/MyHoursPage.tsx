import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PsychologistView } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { AvailabilityPage } from './AvailabilityPage';

/** A psychologist's own hours, from her menu: nobody else's plan is offered here. */
export function MyHoursPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useSession();
  const owner = useMemo(() => ({ userId: user.id }), [user.id]);
  const [me, setMe] = useState<PsychologistView | null>(null);

  useEffect(() => {
    void api.availability.psychologists({}).then((result) => {
      if (result.ok) setMe(result.value.find((p) => p.id === user.id) ?? null);
    });
  }, [api, user.id]);

  return <AvailabilityPage owner={owner} title={t('availability.mine.title')} description={t('availability.mine.intro')} psychologist={me} onLanguagesSaved={setMe} />;
}
