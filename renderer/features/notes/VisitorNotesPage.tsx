import { Anchor, Badge, Button, Center, Loader, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import type { VisitorNotes } from '../../../shared/domain/notes';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';
import { HandoverModal } from './HandoverModal';
import { StandingHandovers } from './StandingHandovers';
import { NotesClosedBanner } from './NotesClosedBanner';
import { useNotesStatus } from './useNotesStatus';

/** A visitor's notes this psychologist may read, with who wrote each; a new note, and the handover. */
export function VisitorNotesPage() {
  const { id } = useParams();
  const visitorId = id && /^[1-9]\d{0,14}$/.test(id) ? Number(id) : null;
  return visitorId ? <VisitorNotesList key={visitorId} visitorId={visitorId} /> : <Navigate to="/visitors" replace />;
}

function VisitorNotesList({ visitorId }: { visitorId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const status = useNotesStatus();
  const [notes, setNotes] = useState<VisitorNotes | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [handingOver, setHandingOver] = useState(false);
  const [loaded, setLoaded] = useState(0);
  useEffect(() => {
    let current = true;
    void api.notes.listForVisitor({ visitorId }).then((result) => {
      if (!current) return;
      if (result.ok) setNotes(result.value);
      else setError(errorMessage(t, result.error));
    });
    return () => {
      current = false;
    };
  }, [api, visitorId, t, loaded]);

  if (error) return <ErrorAlert message={error} />;
  if (!notes) {
    return (
      <Center h={200}>
        <Loader aria-hidden="true" />
      </Center>
    );
  }
  const mine = notes.notes.some((n) => n.mine);
  return (
    <Stack maw={1000} gap={0}>
      <Button component={Link} to={`/visitors/${visitorId}`} variant="subtle" color="gray" leftSection={<Icon name="arrowBack" size={18} />} w="fit-content" mb="sm" px={6}>
        {t('notes.backToProfile')}
      </Button>
      <PageHeader
        title={t('notes.listTitle', { code: notes.visitor.code })}
        description={t('notes.listDescription')}
        actions={
          // While her notes are closed (after a reset) she can neither write nor hand over: the banner says why.
          status?.hasSecret ? (
            <>
              <Button component={Link} to={`/notes/new?visitor=${visitorId}`} leftSection={<Icon name="plus" size={18} />}>
                {t('notes.new')}
              </Button>
              {mine ? (
                <Button variant="default" leftSection={<Icon name="switchUser" size={18} />} onClick={() => setHandingOver(true)}>
                  {t('notes.handover.action')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <NotesClosedBanner status={status} />
      <StandingHandovers handovers={notes.handovers} onEnded={() => setLoaded((n) => n + 1)} />
      {notes.notes.length === 0 ? (
        <Text c="dimmed" data-testid="notes-empty">
          {t('notes.empty')}
        </Text>
      ) : (
        <Table striped highlightOnHover data-testid="notes-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('notes.columns.date')}</Table.Th>
              <Table.Th>{t('notes.columns.author')}</Table.Th>
              <Table.Th>{t('notes.columns.access')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {notes.notes.map((note) => (
              <Table.Tr key={note.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/notes/${note.id}`}>
                    {format.instant(note.createdAt)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <bdi>{note.author.displayName}</bdi>
                </Table.Td>
                <Table.Td>
                  <Badge variant={note.mine ? 'light' : 'outline'}>{t(`notes.access.${note.access}`)}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <HandoverModal opened={handingOver} visitorId={visitorId} visitorCode={notes.visitor.code} onClose={() => {
          setHandingOver(false);
          setLoaded((n) => n + 1);
        }}
      />
    </Stack>
  );
}
