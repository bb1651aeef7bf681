import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useParams } from 'react-router';
import type { InterpreterView, PsychologistView } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { isolatedT } from '../../ui/isolated';
import { AvailabilityPage } from './AvailabilityPage';
import { TeamHoursPage } from './TeamHoursPage';

/** A psychologist's hours, as an administrator sets them. */
function PsychologistHours({ id }: { id: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const owner = useMemo(() => ({ userId: id }), [id]);
  const [psychologist, setPsychologist] = useState<PsychologistView | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.availability.psychologists({}).then((result) => {
      if (!result.ok) return setError(errorMessage(t, result.error));
      setPsychologist(result.value.find((p) => p.id === id) ?? null);
    });
  }, [api, id, t]);
  if (error) return <ErrorAlert message={error} />;
  if (psychologist === null) return <Navigate to="/availability" replace />;
  if (!psychologist) return null;
  return (
    <AvailabilityPage
      owner={owner}
      title={isolatedT(t, 'availability.of.title', { name: psychologist.displayName }, ['name'])}
      description={t('availability.of.psychologistIntro')}
      psychologist={psychologist}
      onLanguagesSaved={setPsychologist}
    />
  );
}

/** An interpreter's hours: her languages are in her record (Interpreters). */
function InterpreterHours({ id }: { id: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const owner = useMemo(() => ({ interpreterId: id }), [id]);
  const [interpreter, setInterpreter] = useState<InterpreterView | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.interpreters.list({ includeInactive: true }).then((result) => {
      if (!result.ok) return setError(errorMessage(t, result.error));
      setInterpreter(result.value.find((p) => p.id === id) ?? null);
    });
  }, [api, id, t]);
  if (error) return <ErrorAlert message={error} />;
  if (interpreter === null) return <Navigate to="/availability" replace />;
  if (!interpreter) return null;
  return <AvailabilityPage owner={owner} title={isolatedT(t, 'availability.of.title', { name: interpreter.name }, ['name'])} description={t('availability.of.interpreterIntro')} psychologist={null} />;
}

function Keyed({ kind }: { kind: 'psychologist' | 'interpreter' }) {
  const { id } = useParams();
  const number = Number(id);
  if (!Number.isInteger(number) || number <= 0) return <Navigate to="/availability" replace />;
  return kind === 'psychologist' ? <PsychologistHours key={number} id={number} /> : <InterpreterHours key={number} id={number} />;
}

/** Administrators' view of everyone's hours: the team, then one person's plan. */
export function AvailabilitySection() {
  return (
    <Routes>
      <Route index element={<TeamHoursPage />} />
      <Route path="psychologist/:id" element={<Keyed kind="psychologist" />} />
      <Route path="interpreter/:id" element={<Keyed kind="interpreter" />} />
      <Route path="*" element={<Navigate to="/availability" replace />} />
    </Routes>
  );
}
