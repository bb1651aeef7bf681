import { Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VisitorChange } from '../../../shared/domain/visitor-views';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { useFieldValue } from './labels';

/** Who changed which field when, from what to what (values erased by an anonymisation or a withdrawal of consent say so). */
export function ChangesSection({ changes, anonymised }: { changes: VisitorChange[]; anonymised: boolean }) {
  const { t } = useTranslation();
  const format = useDeskFormat();
  const value = useFieldValue();
  if (changes.length === 0) {
    return (
      <Paper withBorder radius="lg" p="xl">
        <Text c="dimmed" ta="center">
          {t('changes.empty')}
        </Text>
      </Paper>
    );
  }
  // A change always has a value on one side: both gone means they were erased (a withdrawal of consent, an anonymisation).
  const shown = (change: VisitorChange, raw: unknown) =>
    (anonymised && raw === null) || (change.oldValue === null && change.newValue === null) ? t('changes.erased') : value(change.field, raw);
  return (
    <Paper withBorder radius="lg">
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" horizontalSpacing="md" striped data-testid="changes-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('changes.table.at')}</Table.Th>
              <Table.Th>{t('changes.table.by')}</Table.Th>
              <Table.Th>{t('changes.table.field')}</Table.Th>
              <Table.Th>{t('changes.table.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((change) => (
              <Table.Tr key={change.id} data-field={change.field}>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {format.instant(change.changedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" dir="auto" span>
                    {change.changedBy ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {t(`visitorFields.${change.field}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" component="div" className="guichet-change">
                    <del>
                      <bdi>{shown(change, change.oldValue)}</bdi>
                    </del>
                    <Icon name="arrowForward" size={14} />
                    <ins>
                      <bdi>{shown(change, change.newValue)}</bdi>
                    </ins>
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
