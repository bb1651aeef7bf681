import { Badge, Button, List, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitorProfile } from '../../../shared/contract/visitors';
import type { ConsentState } from '../../../shared/domain/visitor-views';
import { CONSENT_KINDS, type ConsentKind } from '../../../shared/domain/visitors';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDeskFormat } from '../../ui/format';
import { notify } from '../../ui/notify';
import { isolatedT } from '../../ui/isolated';

interface Props {
  profile: VisitorProfile;
  canRecord: boolean;
  onRecorded(consents: ConsentState, kind: ConsentKind): void;
}

/** Each consent as it stands (given or not, when, by whom), to record or withdraw; and its history. */
export function ConsentsSection({ profile, canRecord, onRecorded }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const [busy, setBusy] = useState<ConsentKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Withdrawing consent to data processing erases her identifying data for good: asked first.
  const [confirmingErasure, setConfirmingErasure] = useState(false);
  const [erasureError, setErasureError] = useState<string | null>(null);

  const record = async (kind: ConsentKind, granted: boolean) => {
    setBusy(kind);
    setError(null);
    setErasureError(null);
    const result = await api.consents.record({ visitorId: profile.visitor.id, kind, granted });
    setBusy(null);
    if (!result.ok) {
      const message = errorMessage(t, result.error);
      return confirmingErasure ? setErasureError(message) : setError(message);
    }
    setConfirmingErasure(false);
    notify(t, 'success', granted ? t('consents.recorded', { kind: t(`consentKinds.${kind}.label`) }) : t('consents.withdrawn', { kind: t(`consentKinds.${kind}.label`) }));
    onRecorded(result.value, kind);
  };

  const withdraw = (kind: ConsentKind) => {
    if (kind !== 'dataProcessing') return void record(kind, false);
    setErasureError(null);
    setConfirmingErasure(true);
  };

  return (
    <Stack gap="lg">
      <ErrorAlert message={error} />
      <Paper withBorder radius="lg">
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="consents-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('consents.table.kind')}</Table.Th>
                <Table.Th>{t('consents.table.state')}</Table.Th>
                <Table.Th>{t('consents.table.since')}</Table.Th>
                {canRecord ? <Table.Th>{t('consents.table.action')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {CONSENT_KINDS.map((kind) => {
                const current = profile.consents[kind];
                return (
                  <Table.Tr key={kind} data-testid={`consent-row-${kind}`}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {t(`consentKinds.${kind}.label`)}
                      </Text>
                      <Text size="xs" c="dimmed" maw={420}>
                        {t(`consentKinds.${kind}.short`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={current === null ? 'gray' : current.granted ? 'green' : 'orange'} data-testid="consent-state">
                        {t(current === null ? 'consents.state.none' : current.granted ? 'consents.state.granted' : 'consents.state.notGranted')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {current ? isolatedT(t, 'consents.recordedBy', { date: format.instant(current.recordedAt), by: current.recordedBy ?? '—' }, ['by']) : '—'}
                      </Text>
                    </Table.Td>
                    {canRecord ? (
                      <Table.Td>
                        {current?.granted ? (
                          <Button
                            size="xs"
                            variant="default"
                            loading={busy === kind}
                            onClick={() => withdraw(kind)}
                            aria-label={t('consents.withdrawFor', { kind: t(`consentKinds.${kind}.label`) })}
                          >
                            {t('consents.withdraw')}
                          </Button>
                        ) : (
                          <Button
                            size="xs"
                            variant="light"
                            loading={busy === kind}
                            onClick={() => void record(kind, true)}
                            aria-label={t('consents.recordFor', { kind: t(`consentKinds.${kind}.label`) })}
                          >
                            {t('consents.record')}
                          </Button>
                        )}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder radius="lg" p="lg">
        <Text fw={650} mb="sm">
          {t('consents.historyTitle')}
        </Text>
        {profile.consentHistory.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('consents.noHistory')}
          </Text>
        ) : (
          <Table verticalSpacing={6} data-testid="consent-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('consents.table.date')}</Table.Th>
                <Table.Th>{t('consents.table.kind')}</Table.Th>
                <Table.Th>{t('consents.table.state')}</Table.Th>
                <Table.Th>{t('consents.table.by')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {profile.consentHistory.map((record) => (
                <Table.Tr key={record.id}>
                  <Table.Td>
                    <Text size="sm">{format.instant(record.recordedAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`consentKinds.${record.kind}.label`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(record.granted ? 'consents.history.granted' : 'consents.history.notGranted')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" dir="ltr" span>
                      {record.recordedBy ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <ConfirmModal
        opened={confirmingErasure}
        title={t('consents.withdrawDataProcessing.title')}
        message={t('consents.withdrawDataProcessing.message', { code: profile.visitor.code })}
        confirmLabel={t('consents.withdrawDataProcessing.confirm')}
        danger
        busy={busy === 'dataProcessing'}
        error={erasureError}
        onConfirm={() => void record('dataProcessing', false)}
        onClose={() => setConfirmingErasure(false)}
      >
        <List size="sm" spacing={4} data-testid="erasure-list">
          <List.Item>{t('consents.withdrawDataProcessing.erasedNames')}</List.Item>
          <List.Item>{t('consents.withdrawDataProcessing.erasedSituation')}</List.Item>
          <List.Item>{t('consents.withdrawDataProcessing.erasedNotes')}</List.Item>
        </List>
        <Text size="sm">{t('consents.withdrawDataProcessing.kept')}</Text>
      </ConfirmModal>
    </Stack>
  );
}
