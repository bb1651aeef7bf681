import { Alert, Badge, Button, Center, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useNavigate, useParams, useSearchParams } from 'react-router';
import type { NoteView } from '../../../shared/domain/notes';
import type { ErrorInfo } from '../../../shared/errors';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { notify } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { NoteForm } from './NoteForm';
import { NotesClosedBanner } from './NotesClosedBanner';
import { useNotesStatus } from './useNotesStatus';

const positiveId = (value: string | null | undefined): number | undefined => (value && /^[1-9]\d{0,14}$/.test(value) ? Number(value) : undefined);

/** A psychologist's notes: a new one (for a visitor or an appointment), and one note. */
export function NotesSection() {
  return (
    <Routes>
      <Route path="new" element={<NewNotePage />} />
      <Route path=":id" element={<KeyedNotePage />} />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}

function KeyedNotePage() {
  const { id } = useParams();
  return <NotePage key={id} id={positiveId(id)} />;
}

function BackToVisitor({ visitorId }: { visitorId: number | undefined }) {
  const { t } = useTranslation();
  if (!visitorId) return null;
  return (
    <Button component={Link} to={`/visitors/${visitorId}/notes`} variant="subtle" color="gray" leftSection={<Icon name="arrowBack" size={18} />} w="fit-content" mb="sm" px={6}>
      {t('notes.backToList')}
    </Button>
  );
}

function NewNotePage() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const status = useNotesStatus();
  const [params] = useSearchParams();
  const visitorId = positiveId(params.get('visitor'));
  const appointmentId = positiveId(params.get('appointment'));
  if (!visitorId && !appointmentId) return <Navigate to="/" replace />;
  return (
    <Stack maw={900} gap={0}>
      <BackToVisitor visitorId={visitorId} />
      <PageHeader title={t('notes.newTitle')} description={appointmentId ? t('notes.forAppointment', { id: appointmentId }) : t('notes.newDescription')} />
      <NotesClosedBanner status={status} />
      {/* Shown once her notes are known to be open: a closed one could not be saved, nor its draft kept. */}
      {status?.hasSecret ? (
        <NoteForm
          target={{ visitorId, appointmentId }}
          initial={null}
          disabled={false}
          send={(body) => api.notes.create({ visitorId, appointmentId, body })}
          onSaved={(note) => {
            notify(t, 'success', t('notes.saved'));
            navigate(`/notes/${note.id}`, { replace: true });
          }}
        />
      ) : null}
    </Stack>
  );
}

function NotePage({ id }: { id: number | undefined }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const status = useNotesStatus();
  const [note, setNote] = useState<NoteView | null>(null);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  useEffect(() => {
    if (!id) return;
    let current = true;
    void api.notes.get({ id }).then((result) => {
      if (!current) return;
      if (result.ok) setNote(result.value);
      else setFailure(result.error);
    });
    return () => {
      current = false;
    };
  }, [api, id]);
  if (!id) return <Navigate to="/" replace />;
  if (failure) {
    return (
      <Stack maw={900}>
        <PageHeader title={t('notes.noteTitle')} />
        {failure.code === 'notes.closed' ? <NotesClosedBanner status={status} /> : <Alert color="red" role="alert">{errorMessage(t, failure)}</Alert>}
      </Stack>
    );
  }
  if (!note) {
    return (
      <Center h={200}>
        <Loader aria-hidden="true" />
      </Center>
    );
  }
  return (
    <Stack maw={900} gap={0}>
      <BackToVisitor visitorId={note.visitorId} />
      <PageHeader
        title={t('notes.noteTitle')}
        description={t('notes.written', { code: note.visitorCode, author: note.author.displayName, at: format.instant(note.createdAt) })}
        actions={note.mine ? null : <Badge variant="light">{t(`notes.access.${note.access}`)}</Badge>}
      />
      {note.mine ? (
        <NoteForm target={{ noteId: note.id }} initial={note.body} disabled={status?.hasSecret !== true} send={(body) => api.notes.update({ id: note.id, body })} onSaved={(saved) => {
          setNote(saved);
          notify(t, 'success', t('notes.saved'));
        }} />
      ) : (
        <SharedNote note={note} />
      )}
    </Stack>
  );
}

/** A note handed over or opened by break-glass: read only, its author named. */
function SharedNote({ note }: { note: NoteView }) {
  const { t } = useTranslation();
  const { body } = note;
  return (
    <Paper withBorder radius="lg" p="lg" data-testid="shared-note">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('notes.sharedBy', { author: note.author.displayName })}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }} dir="auto">
          {body.text}
        </Text>
        <Group gap="xs">
          {body.sessionKind ? <Badge variant="outline">{t(`notes.sessionKinds.${body.sessionKind}`)}</Badge> : null}
          <Badge variant="outline">{t('notes.riskBadge', { level: t(`notes.riskLevels.${body.riskLevel}`) })}</Badge>
          {body.followUpPlanned ? <Badge variant="outline">{t('notes.form.followUpPlanned')}</Badge> : null}
        </Group>
      </Stack>
    </Paper>
  );
}
