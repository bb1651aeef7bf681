import { Badge, Button, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import type { ClosedNotesAccount } from '../../../shared/domain/notes';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TextField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { useDeskFormat } from '../../ui/format';
import { ModalActions } from '../../ui/ModalActions';
import { notify } from '../../ui/notify';

/** Psychologists whose notes are closed after a password reset, and their reopening with the recovery key. */
export function ClosedNotesSection() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  const [accounts, setAccounts] = useState<ClosedNotesAccount[]>([]);
  const [restoring, setRestoring] = useState<ClosedNotesAccount | null>(null);
  const [loaded, setLoaded] = useState(0);
  useEffect(() => {
    let current = true;
    void api.notes.closedAccounts({}).then((result) => {
      if (current && result.ok) setAccounts(result.value);
    });
    return () => {
      current = false;
    };
  }, [api, loaded]);

  return (
    <Paper withBorder radius="lg" p="lg">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('notesAccess.closed.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('notesAccess.closed.explain')}
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
                <Table.Th>{t('notesAccess.closed.state')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.map((account) => (
                <Table.Tr key={account.userId}>
                  <Table.Td>
                    <bdi>{account.displayName}</bdi>
                  </Table.Td>
                  <Table.Td>{format.instant(account.since)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={account.restorationWaiting ? 'teal' : account.needsOwnPassword ? 'gray' : 'orange'}>
                      {t(account.restorationWaiting ? 'notesAccess.closed.waiting' : account.needsOwnPassword ? 'notesAccess.closed.needsOwnPassword' : 'notesAccess.closed.closed')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" disabled={account.needsOwnPassword || account.restorationWaiting} onClick={() => setRestoring(account)}>
                      {t('notesAccess.closed.restore')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Modal
        opened={restoring !== null}
        onClose={() => setRestoring(null)}
        title={t('notesAccess.closed.restoreTitle', { name: restoring?.displayName ?? '' })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {restoring ? (
          <RestoreForm
            account={restoring}
            onClose={() => setRestoring(null)}
            onDone={() => {
              setRestoring(null);
              notify(t, 'success', t('notesAccess.closed.restored'));
              setLoaded((n) => n + 1);
            }}
          />
        ) : null}
      </Modal>
    </Paper>
  );
}

const restoreSchema = contract['notes.restoreSecret'].input.pick({ recoveryKey: true });

function RestoreForm({ account, onClose, onDone }: { account: ClosedNotesAccount; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useContractForm(restoreSchema, { defaultValues: { recoveryKey: '' } });
  const submit = form.submitTo((values) => api.notes.restoreSecret({ userId: account.userId, recoveryKey: values.recoveryKey }), onDone);
  return (
    <Form form={form} onSubmit={submit} testId="restore-form">
      <Stack gap="md">
        <Text size="sm">{t('notesAccess.closed.restoreExplain')}</Text>
        <TextField control={form.control} name="recoveryKey" label={t('notesAccess.recoveryKey')} autoComplete="off" spellCheck={false} dir="ltr" withAsterisk data-autofocus />
        <ErrorAlert message={form.alert} />
        <ModalActions onCancel={onClose}>
          <Button type="submit" loading={form.busy}>
            {t('notesAccess.closed.restore')}
          </Button>
        </ModalActions>
      </Stack>
    </Form>
  );
}
