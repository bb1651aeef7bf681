import { Alert, Badge, Button, Center, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AuditPage as AuditPageData } from '../../../shared/contract/audit';
import { isoDate } from '../../../shared/contract/common';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, auditFilterSchema, type AuditEntry, type AuditOutcome, type AuditVerification } from '../../../shared/domain/audit';
import { endOfDayIn, startOfDayIn } from '../../../shared/domain/calendar';
import type { UserSummary } from '../../../shared/domain/accounts';
import type { Result } from '../../../shared/errors';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { DayField } from '../../ui/date-fields';
import { SelectField } from '../../ui/fields';
import { useContractForm } from '../../ui/form';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';
import { actionLabel, detailLabel, entityLabel } from './labels';

const PAGE_SIZE = 50;

/**
 * The filters of `audit.list`, with days instead of instants: the person picks days on the
 * desk's calendar, and the query asks from the first to the last instant of those days.
 */
const auditFiltersSchema = auditFilterSchema
  .pick({ action: true, userId: true, outcome: true })
  .extend({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, { error: 'dateRange.inverted', path: ['to'] });

const NO_FILTERS = { action: undefined, userId: undefined, outcome: undefined, from: undefined, to: undefined };

const OUTCOME_COLOR: Record<AuditOutcome, string> = { success: 'green', failure: 'red', refused: 'orange' };

/** Who did what, when: the hash-chained log, filtered, paged, and verifiable. */
export function AuditPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  // Filters apply as they are chosen: checked at each change (a typed day counts once it is whole).
  const filters = useContractForm(auditFiltersSchema, { defaultValues: NO_FILTERS, mode: 'onChange' });
  const chosen = useWatch({ control: filters.control });
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBeforeId, setNextBeforeId] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [reloads, setReloads] = useState(0);
  const { watch, trigger } = filters;

  // The range is checked again whichever of its ends moves.
  useEffect(() => {
    const subscription = watch((_values, { name }) => {
      if (name === 'from') void trigger('to');
    });
    return () => subscription.unsubscribe();
  }, [watch, trigger]);

  const query = useMemo(() => {
    const parsed = auditFiltersSchema.safeParse(chosen);
    if (!parsed.success) return null;
    const { from, to, ...rest } = parsed.data;
    return {
      ...rest,
      from: from ? startOfDayIn(from, format.timeZone) : undefined,
      to: to ? endOfDayIn(to, format.timeZone) : undefined,
      limit: PAGE_SIZE,
    };
  }, [chosen, format.timeZone]);

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
    if (!query) return;
    let current = true;
    void api.audit.list(query).then((result) => current && apply(result, false));
    return () => {
      current = false;
    };
  }, [api, query, reloads, apply]);

  const loadMore = async () => {
    if (nextBeforeId === null || !query) return;
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
          <SelectField
            control={filters.control}
            name="action"
            clearedAs={undefined}
            label={t('audit.filters.action')}
            placeholder={t('audit.filters.any')}
            data={AUDIT_ACTIONS.map((action) => ({ value: action, label: actionLabel(t, action) }))}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            searchable
            size="sm"
          />
          <SelectField
            control={filters.control}
            name="userId"
            numeric
            clearedAs={undefined}
            label={t('audit.filters.user')}
            placeholder={t('audit.filters.any')}
            data={users.map((user) => ({ value: String(user.id), label: `${user.displayName} (${user.login})` }))}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            searchable
            size="sm"
          />
          <SelectField
            control={filters.control}
            name="outcome"
            clearedAs={undefined}
            label={t('audit.filters.outcome')}
            placeholder={t('audit.filters.any')}
            data={AUDIT_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`audit.outcomes.${outcome}`) }))}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            size="sm"
          />
          <DayField control={filters.control} name="from" clearedAs={undefined} label={t('audit.filters.from')} clearable size="sm" />
          <DayField control={filters.control} name="to" clearedAs={undefined} label={t('audit.filters.to')} clearable size="sm" />
        </SimpleGrid>
        <Group justify="space-between" mt="sm">
          <Text size="xs" c="dimmed">
            {t('audit.timeZoneNote', { zone: format.timeZone })}
          </Text>
          <Button variant="subtle" size="xs" onClick={() => filters.reset(NO_FILTERS)} disabled={!filters.formState.isDirty}>
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
                        {format.instant(entry.at)}
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
