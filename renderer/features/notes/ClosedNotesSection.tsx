import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClosedNotesAccount } from '../../../shared/domain/notes';
import { useApi } from '../../app/api';
import { useDeskFormat } from '../../ui/format';

/**
 * Psychologists whose notes are closed after a password reset, and how they reopen: only
 * with her present, at the login screen's recovery (no button here: an administrator
 * alone must never bring her secret back).
 */
export function ClosedNotesSection() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const [accounts, setAccounts] = useState<ClosedNotesAccount[]>([]);
  useEffect(() => {
    let current = true;
    void api.notes.closedAccounts({}).then((result) => {
      if (current && result.ok) setAccounts(result.value);
    });
    return () => {
      current = false;
    };
  }, [api]);

  return (
    <Paper withBorder radius="lg" p="lg">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('notesAccess.closed.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('notesAccess.closed.explain')}
        </Text>
        <Text size="sm" data-testid="closed-accounts-how-to">
          {t('notesAccess.closed.howTo', { switchUser: t('lock.switchUser'), link: t('login.recoveryLink'), screen: t('recover.title') })}
        </Text>
        {accounts.length === 0 ? (
          <Text size="sm" data-testid="closed-accounts-empty">
            {t('notesAccess.closed.none')}
          </Text>
        ) : (
          <Table data-testid="closed-accounts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('notesAccess.closed.person')}</Table.Th>
                <Table.Th>{t('notesAccess.closed.since')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.map((account) => (
                <Table.Tr key={account.userId}>
                  <Table.Td>
                    <bdi>{account.displayName}</bdi>
                  </Table.Td>
                  <Table.Td>{format.instant(account.since)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
