import { Anchor, Button, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VisitorListItem } from '../../../shared/domain/visitor-views';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { notify } from '../../ui/notify';
import { ListPage, useListed } from '../../ui/ListPage';
import { shortName, useCountryName } from '../visitors/labels';

/**
 * Retention: the visitors without activity for the months the settings give. Nothing
 * is anonymised by itself; each one needs an administrator's confirmation.
 */
export function AnonymisationPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const country = useCountryName();
  const [months, setMonths] = useState<number | null>(null);
  const [target, setTarget] = useState<VisitorListItem | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);

  const { items: candidates, error, reload } = useListed(useCallback(() => api.visitors.retentionCandidates({}), [api]));

  useEffect(() => {
    void api.settings.get({}).then((result) => result.ok && setMonths(result.value.retentionMonths));
  }, [api]);

  const anonymise = async () => {
    if (!target) return;
    setBusy(true);
    setConfirmError(null);
    const result = await api.visitors.anonymise({ id: target.id });
    setBusy(false);
    if (!result.ok) return setConfirmError(errorMessage(t, result.error));
    notify(t, 'success', t('anonymisation.done', { code: target.code }));
    setTarget(null);
    await reload();
  };

  return (
    <ListPage
      title={t('anonymisation.title')}
      description={months === null ? t('anonymisation.introNoMonths') : t('anonymisation.intro', { count: months })}
      items={candidates}
      error={error}
      empty={{ text: t('anonymisation.empty'), testId: 'anonymisation-empty' }}
      columns={{
        headings: [
          t('visitors.table.code'),
          t('visitors.table.person'),
          t('visitors.table.sex'),
          t('visitors.table.age'),
          t('visitors.table.nationality'),
          t('visitors.table.lastActivity'),
          t('anonymisation.table.action'),
        ],
      }}
      tableTestId="anonymisation-table"
      minWidth={860}
      highlightOnHover
      row={(visitor) => (
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
      )}
    >
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
    </ListPage>
  );
}
