import { Anchor, Button, Center, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VisitorListItem } from '../../../shared/domain/visitor-views';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { notify } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { shortName, useCountryName } from '../visitors/labels';
import { LIST_PAGE_WIDTH } from '../../ui/layout';

/**
 * Retention: the visitors without activity for the months the settings give. Nothing
 * is anonymised by itself; each one needs an administrator's confirmation.
 */
export function AnonymisationPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const country = useCountryName();
  const [candidates, setCandidates] = useState<VisitorListItem[] | null>(null);
  const [months, setMonths] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState<VisitorListItem | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);

  const load = useCallback(
    () =>
      api.visitors.retentionCandidates({}).then((result) => {
        if (!result.ok) return setError(errorMessage(t, result.error));
        setError(null);
        setCandidates(result.value);
      }),
    [api, t],
  );

  useEffect(() => {
    void load();
    void api.settings.get({}).then((result) => result.ok && setMonths(result.value.retentionMonths));
  }, [api, load]);

  const anonymise = async () => {
    if (!target) return;
    setBusy(true);
    setConfirmError(null);
    const result = await api.visitors.anonymise({ id: target.id });
    setBusy(false);
    if (!result.ok) return setConfirmError(errorMessage(t, result.error));
    notify(t, 'success', t('anonymisation.done', { code: target.code }));
    setTarget(null);
    await load();
  };

  return (
    <Stack maw={LIST_PAGE_WIDTH} gap={0}>
      <PageHeader title={t('anonymisation.title')} description={months === null ? t('anonymisation.introNoMonths') : t('anonymisation.intro', { count: months })} />
      <ErrorAlert message={error} />
      {candidates === null ? (
        error ? null : (
          <Center p="xl">
            <Loader aria-hidden="true" />
          </Center>
        )
      ) : candidates.length === 0 ? (
        <Paper withBorder radius="lg" p="xl" data-testid="anonymisation-empty">
          <Text c="dimmed" ta="center">
            {t('anonymisation.empty')}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="anonymisation-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('visitors.table.code')}</Table.Th>
                  <Table.Th>{t('visitors.table.person')}</Table.Th>
                  <Table.Th>{t('visitors.table.sex')}</Table.Th>
                  <Table.Th>{t('visitors.table.age')}</Table.Th>
                  <Table.Th>{t('visitors.table.nationality')}</Table.Th>
                  <Table.Th>{t('visitors.table.lastActivity')}</Table.Th>
                  <Table.Th>{t('anonymisation.table.action')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {candidates.map((visitor) => (
                  <Table.Tr key={visitor.id} data-testid="anonymisation-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/visitors/${visitor.id}`} className="guichet-vcode" dir="ltr">
                        {visitor.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        <bdi>{shortName(visitor) ?? t('visitors.noName')}</bdi>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`sexes.${visitor.sex}`)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{visitor.age === null ? '—' : t('visitors.age', { count: visitor.age })}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{country(visitor.nationality) ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{format.instant(visitor.lastActivityAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        leftSection={<Icon name="eraser" size={14} />}
                        onClick={() => {
                          setConfirmError(null);
                          setTarget(visitor);
                        }}
                        aria-label={t('anonymisation.actionFor', { code: visitor.code })}
                      >
                        {t('anonymisation.action')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <ConfirmModal
        opened={target !== null}
        title={t('anonymisation.confirmTitle', { code: target?.code ?? '' })}
        message={t('anonymisation.confirmMessage')}
        confirmLabel={t('anonymisation.confirm')}
        danger
        busy={busy}
        error={confirmError}
        onConfirm={() => void anonymise()}
        onClose={() => setTarget(null)}
      />
    </Stack>
  );
}
