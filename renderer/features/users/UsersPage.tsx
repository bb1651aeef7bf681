import { ActionIcon, Badge, Button, Group, Menu, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserWithOneTimePassword } from '../../../shared/contract/users';
import type { UserSummary } from '../../../shared/domain/accounts';
import { mayChangeRolesOf } from '../../../shared/domain/policy';
import type { ErrorInfo, Result } from '../../../shared/errors';
import { useApi } from '../../app/api';
import { useDesk, useSession } from '../../app/desk';
import { errorMessage } from '../../app/i18n';
import { DANGER_TEXT } from '../../app/theme';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { RotateKeyModal } from '../keys/RotateKeyModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';
import { OneTimePasswordModal } from './OneTimePasswordModal';
import { UserFormModal } from './UserFormModal';
import { notify } from '../../ui/notify';
import { LIST_PAGE_WIDTH } from '../../ui/layout';

type Pending = { kind: 'disable' | 'reset'; user: UserSummary } | null;

/** Administrators manage who may open this desk, and with which roles. */
export function UsersPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { refresh } = useDesk();
  const { user: me } = useSession();
  const format = useDeskFormat();
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [form, setForm] = useState<'new' | UserSummary | null>(null);
  const [issued, setIssued] = useState<UserWithOneTimePassword | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [pendingError, setPendingError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Offered after a departure: her slot lives on in any copy of the vault made before.
  const [rotateAfter, setRotateAfter] = useState<string | null>(null);

  const apply = useCallback(
    (result: Result<UserSummary[]>) => {
      if (result.ok) {
        setUsers(result.value);
        setLoadError(null);
      } else {
        setLoadError(errorMessage(t, result.error));
      }
    },
    [t],
  );
  const load = useCallback(() => api.users.list({}).then(apply), [api, apply]);

  useEffect(() => {
    void api.users.list({}).then(apply);
  }, [api, apply]);

  const notifyError = (error: ErrorInfo) => notify(t, 'error', errorMessage(t, error));

  const enable = async (user: UserSummary) => {
    const result = await api.users.enable({ id: user.id });
    if (!result.ok) return notifyError(result.error);
    setIssued(result.value);
    await load();
  };

  const confirmPending = async () => {
    if (!pending) return;
    setBusy(true);
    setPendingError(null);
    const { kind, user } = pending;
    if (kind === 'disable') {
      const result = await api.users.disable({ id: user.id });
      setBusy(false);
      if (!result.ok) return setPendingError(errorMessage(t, result.error));
      notify(t, 'success', t('users.disabled', { name: user.displayName }));
      setRotateAfter(user.displayName);
    } else {
      const result = await api.users.resetPassword({ id: user.id });
      setBusy(false);
      if (!result.ok) return setPendingError(errorMessage(t, result.error));
      setIssued(result.value);
    }
    setPending(null);
    await load();
  };

  const openPending = (next: Pending) => {
    setPendingError(null);
    setPending(next);
  };

  return (
    <Stack maw={LIST_PAGE_WIDTH} gap={0}>
      <PageHeader
        title={t('users.title')}
        description={t('users.intro')}
        actions={
          <Button leftSection={<Icon name="plus" size={18} />} onClick={() => setForm('new')}>
            {t('users.create')}
          </Button>
        }
      />
      <ErrorAlert message={loadError} />
      <Paper withBorder radius="lg">
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.table.name')}</Table.Th>
                <Table.Th>{t('users.table.login')}</Table.Th>
                <Table.Th>{t('users.table.roles')}</Table.Th>
                <Table.Th>{t('users.table.status')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('users.table.lastLogin')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('users.table.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(users ?? []).map((user) => (
                <Table.Tr key={user.id} data-testid={`user-row-${user.login}`}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
                        <bdi>{user.displayName}</bdi>
                      </Text>
                      {user.id === me.id ? (
                        <Badge size="xs" variant="outline" color="gray" style={{ flex: 'none' }} tt="none">
                          {t('users.you')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" dir="auto">
                      {user.login}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {user.roles.map((role) => (
                        <Badge key={role} variant="light" color={role === 'admin' ? 'grape' : role === 'psychologist' ? 'teal' : 'indigo'}>
                          {t(`roles.${role}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge variant="light" color={user.status === 'active' ? 'green' : 'gray'} data-testid="user-status">
                        {t(`users.status.${user.status}`)}
                      </Badge>
                      {user.status === 'active' && user.mustChangePassword ? (
                        <Badge variant="light" color="orange">
                          {t('users.status.mustChangePassword')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{user.lastLoginAt ? format.instant(user.lastLoginAt) : t('users.neverLoggedIn')}</Text>
                  </Table.Td>
                  <Table.Td ta="end">
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('users.actionsFor', { name: user.displayName })}>
                          <Icon name="dots" />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => setForm(user)}>
                          {mayChangeRolesOf(me, user) ? t('users.actions.edit') : t('users.actions.editName')}
                        </Menu.Item>
                        {user.status === 'active' ? (
                          <Menu.Item onClick={() => openPending({ kind: 'reset', user })}>{t('users.actions.resetPassword')}</Menu.Item>
                        ) : null}
                        {user.status === 'active' && user.id !== me.id ? (
                          <Menu.Item c={DANGER_TEXT} onClick={() => openPending({ kind: 'disable', user })}>
                            {t('users.actions.disable')}
                          </Menu.Item>
                        ) : null}
                        {user.status === 'disabled' ? (
                          <Menu.Item onClick={() => void enable(user)}>{t('users.actions.enable')}</Menu.Item>
                        ) : null}
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <UserFormModal
        target={form}
        onClose={() => setForm(null)}
        onCreated={(created) => {
          setForm(null);
          setIssued(created);
          void load();
        }}
        onSaved={(saved) => {
          setForm(null);
          notify(t, 'success', t('users.saved', { name: saved.displayName }));
          void load();
          if (saved.id === me.id) void refresh();
        }}
      />
      <OneTimePasswordModal issued={issued} onClose={() => setIssued(null)} />
      <RotateKeyModal opened={rotateAfter !== null} departed={rotateAfter} onClose={() => setRotateAfter(null)} />
      <ConfirmModal
        opened={pending !== null}
        title={pending?.kind === 'disable' ? t('users.disableConfirm.title') : t('users.resetConfirm.title')}
        message={
          pending?.kind === 'disable'
            ? t('users.disableConfirm.message', { name: pending.user.displayName })
            : t('users.resetConfirm.message', { name: pending?.user.displayName ?? '' })
        }
        confirmLabel={pending?.kind === 'disable' ? t('users.actions.disable') : t('users.actions.resetPassword')}
        danger={pending?.kind === 'disable'}
        busy={busy}
        error={pendingError}
        onConfirm={() => void confirmPending()}
        onClose={() => setPending(null)}
      />
    </Stack>
  );
}
