import { Alert, Badge, Button, Center, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AuditPage as AuditPageData } from '../../../shared/contract/audit';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditEntry, type AuditOutcome, type AuditVerification } from '../../../shared/domain/audit';
import type { UserSummary } from '../../../shared/domain/accounts';
import type { Result } from '../../../shared/errors';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDeskFormat, zonedDateToUtc } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';
import { actionLabel, detailLabel, entityLabel } from './labels';

const PAGE_SIZE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

interface Filters {
  action: string | null;
  userId: string | null;
  outcome: AuditOutcome | null;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { action: null, userId: null, outcome: null, from: '', to: '' };

const OUTCOME_COLOR: Record<AuditOutcome, string> = { success: 'green', failure: 'red', refused: 'orange' };

/** Who did what, when: the hash-chained log, filtered, paged, and verifiable. */
export function AuditPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBeforeId, setNextBeforeId] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [reloads, setReloads] = useState(0);

  const rangeInverted = filters.from !== '' && filters.to !== '' && filters.from > filters.to;

  const query = useMemo(
    () => ({
      action: filters.action ?? undefined,
      userId: filters.userId ? Number(filters.userId) : undefined,
      outcome: filters.outcome ?? undefined,
      from: filters.from ? zonedDateToUtc(filters.from, format.timeZone) : undefined,
      to: filters.to ? zonedDateToUtc(filters.to, format.timeZone, DAY_MS - 1) : undefined,
      limit: PAGE_SIZE,
    }),
    [filters, format.timeZone],
  );

  const apply = useCallback(
    (result: Result<AuditPageData>, append: boolean) => {
      setLoading(false);
      if (!result.ok) {
        setError(errorMessage(t, result.error));
        return;
      }
      setError(null);
      setEntries((current) => (append ? [...current, ...result.value.entries] : result.value.entries));
      setNextBeforeId(result.value.nextBeforeId);
    },
    [t],
  );

  useEffect(() => {
    if (rangeInverted) return;
    let current = true;
    void api.audit.list(query).then((result) => current && apply(result, false));
    return () => {
      current = false;
    };
  }, [api, query, rangeInverted, reloads, apply]);

  const loadMore = async () => {
    if (nextBeforeId === null) return;
    setLoading(true);
    apply(await api.audit.list({ ...query, beforeId: nextBeforeId }), true);
  };

  useEffect(() => {
    void api.users.list({}).then((result) => result.ok && setUsers(result.value));
  }, [api]);

  const loginOf = useMemo(() => new Map(users.map((user) => [String(user.id), user.login])), [users]);

  const verify = async () => {
    setVerifying(true);
    const result = await api.audit.verify({});
    setVerifying(false);
    if (!result.ok) {
      setError(errorMessage(t, result.error));
      return;
    }
    setVerification(result.value);
    // The verification itself is an audited act: show it.
    setReloads((count) => count + 1);
  };

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((current) => ({ ...current, [key]: value }));

  return (
    <Stack maw={1300} gap={0}>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.intro')}
        actions={
          <Button variant="default" leftSection={<Icon name="shield" size={18} />} loading={verifying} onClick={() => void verify()}>
            {t('audit.verify')}
          </Button>
        }
      />
      {verification ? (
        <Alert
          mb="lg"
          role="status"
          data-testid="audit-verification"
          color={verification.intact ? 'green' : 'red'}
          variant="light"
          icon={<Icon name={verification.intact ? 'check' : 'alert'} />}
          title={verification.intact ? t('audit.verification.intactTitle') : t('audit.verification.brokenTitle')}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setVerification(null)}
        >
          {verification.intact
            ? t('audit.verification.intact', { count: verification.entries })
            : t('audit.verification.broken', {
                id: verification.firstBrokenId ?? 0,
                problem: t(`audit.problems.${verification.problem ?? 'edited'}`),
              })}
        </Alert>
      ) : null}

      <Paper withBorder radius="lg" p="md" mb="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="md">
          <Select
            label={t('audit.filters.action')}
            placeholder={t('audit.filters.any')}
            data={AUDIT_ACTIONS.map((action) => ({ value: action, label: actionLabel(t, action) }))}
            value={filters.action}
            onChange={(value) => set('action', value)}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            searchable
            size="sm"
          />
          <Select
            label={t('audit.filters.user')}
            placeholder={t('audit.filters.any')}
            data={users.map((user) => ({ value: String(user.id), label: `${user.displayName} (${user.login})` }))}
            value={filters.userId}
            onChange={(value) => set('userId', value)}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            searchable
            size="sm"
          />
          <Select
            label={t('audit.filters.outcome')}
            placeholder={t('audit.filters.any')}
            data={AUDIT_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`audit.outcomes.${outcome}`) }))}
            value={filters.outcome}
            onChange={(value) => set('outcome', value as AuditOutcome | null)}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            size="sm"
          />
          <TextInput
            type="date"
            label={t('audit.filters.from')}
            value={filters.from}
            onChange={(event) => set('from', event.currentTarget.value)}
            size="sm"
          />
          <TextInput
            type="date"
            label={t('audit.filters.to')}
            value={filters.to}
            onChange={(event) => set('to', event.currentTarget.value)}
            error={rangeInverted ? t('fields.dateRange.inverted') : undefined}
            size="sm"
          />
        </SimpleGrid>
        <Group justify="space-between" mt="sm">
          <Text size="xs" c="dimmed">
            {t('audit.timeZoneNote', { zone: format.timeZone })}
          </Text>
          <Button variant="subtle" size="xs" onClick={() => setFilters(NO_FILTERS)} disabled={filters === NO_FILTERS}>
            {t('audit.filters.reset')}
          </Button>
        </Group>
      </Paper>

      <ErrorAlert message={error} />

      <Paper withBorder radius="lg">
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" horizontalSpacing="md" striped highlightOnHover data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.table.at')}</Table.Th>
                <Table.Th>{t('audit.table.user')}</Table.Th>
                <Table.Th>{t('audit.table.action')}</Table.Th>
                <Table.Th>{t('audit.table.entity')}</Table.Th>
                <Table.Th>{t('audit.table.outcome')}</Table.Th>
                <Table.Th>{t('audit.table.detail')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => {
                const entity = entityLabel(t, entry.entity);
                const subject = entry.entity === 'user' && entry.entityId ? loginOf.get(entry.entityId) : undefined;
                return (
                  <Table.Tr key={entry.id} data-action={entry.action} data-outcome={entry.outcome}>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {format.dateTime(entry.at)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {entry.userLogin ? (
                        <Text size="sm" dir="auto" span>
                          {entry.userLogin}
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed" span>
                          {t('audit.unknownUser')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {actionLabel(t, entry.action)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {entity ? (
                        <Text size="sm">
                          {entry.entityId
                            ? t('audit.entityWithId', { entity, id: subject ? `${subject} (#${entry.entityId})` : `#${entry.entityId}` })
                            : entity}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={OUTCOME_COLOR[entry.outcome]}>
                        {t(`audit.outcomes.${entry.outcome}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {detailLabel(t, entry.detail)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {!loading && entries.length === 0 ? (
          <Center p="xl">
            <Text c="dimmed">{t('audit.empty')}</Text>
          </Center>
        ) : null}
      </Paper>
      {nextBeforeId !== null ? (
        <Center mt="md">
          <Button variant="default" loading={loading} onClick={() => void loadMore()}>
            {t('audit.loadMore')}
          </Button>
        </Center>
      ) : null}
    </Stack>
  );
}
