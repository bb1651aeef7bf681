import { ActionIcon, Badge, Button, Center, Group, Loader, Menu, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayCall } from '../../../shared/contract/access';
import { formatPhone } from '../../../shared/domain/phone';
import type { PartnerView } from '../../../shared/domain/referrals';
import { useApi } from '../../app/api';
import { ActiveBadge } from '../../ui/ActiveBadge';
import { useSession } from '../../app/desk';
import { errorMessage } from '../../app/i18n';
import { DANGER_TEXT } from '../../app/theme';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Icon } from '../../ui/icons';
import { notify } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { PartnerFormModal } from './PartnerFormModal';
import { LIST_PAGE_WIDTH } from '../../ui/layout';

const KIND_COLOR = { hospital: 'red', publicService: 'blue', association: 'teal', community: 'grape' } as const;

/** The partners the desk refers people to; administrators keep the directory. */
export function PartnersPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useSession();
  // Who may add and edit partners also sees the inactive ones.
  const isAdmin = mayCall(user, 'partners.create');
  const [partners, setPartners] = useState<PartnerView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState<'new' | PartnerView | null>(null);
  const [deactivating, setDeactivating] = useState<PartnerView | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);

  const load = useCallback(
    () =>
      api.partners.list({ includeInactive: isAdmin }).then((result) => {
        if (!result.ok) return setError(errorMessage(t, result.error));
        setError(null);
        setPartners(result.value);
      }),
    [api, isAdmin, t],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const setActive = async (partner: PartnerView, active: boolean) => {
    setBusy(true);
    setConfirmError(null);
    const { id, name, kind, services, address, phone } = partner;
    const result = await api.partners.update({ id, name, kind, services, address, phone, active });
    setBusy(false);
    if (!result.ok) {
      if (active) notify(t, 'error', errorMessage(t, result.error));
      else setConfirmError(errorMessage(t, result.error));
      return;
    }
    setDeactivating(null);
    notify(t, 'success', t(active ? 'partners.reactivated' : 'partners.deactivated', { name: partner.name }));
    await load();
  };

  return (
    <Stack maw={LIST_PAGE_WIDTH} gap={0}>
      <PageHeader
        title={t('partners.title')}
        description={isAdmin ? t('partners.introAdmin') : t('partners.intro')}
        actions={
          isAdmin ? (
            <Button leftSection={<Icon name="plus" size={18} />} onClick={() => setForm('new')}>
              {t('partners.create')}
            </Button>
          ) : undefined
        }
      />
      <ErrorAlert message={error} />
      {partners === null ? (
        error ? null : (
          <Center p="xl">
            <Loader aria-hidden="true" />
          </Center>
        )
      ) : partners.length === 0 ? (
        <Paper withBorder radius="lg" p="xl">
          <Text c="dimmed" ta="center">
            {t('partners.empty')}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="partners-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('partners.table.name')}</Table.Th>
                  <Table.Th>{t('partners.table.kind')}</Table.Th>
                  <Table.Th>{t('partners.table.services')}</Table.Th>
                  <Table.Th>{t('partners.table.contact')}</Table.Th>
                  {isAdmin ? <Table.Th>{t('partners.table.status')}</Table.Th> : null}
                  {isAdmin ? (
                    <Table.Th>
                      <VisuallyHidden>{t('partners.table.actions')}</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {partners.map((partner) => (
                  <Table.Tr key={partner.id} data-testid="partner-row" data-active={partner.active}>
                    <Table.Td maw={320}>
                      <Text size="sm" fw={600}>
                        <bdi>{partner.name}</bdi>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={KIND_COLOR[partner.kind]} tt="none">
                        {t(`partnerKinds.${partner.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td maw={360}>
                      <Group gap={4}>
                        {partner.services.map((need) => (
                          <Badge key={need} size="sm" variant="outline" color="gray" tt="none">
                            {t(`needs.${need}`)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {partner.address ? (
                          <Group gap={4} wrap="nowrap">
                            <Icon name="mapPin" size={14} />
                            <Text size="sm">
                              <bdi>{partner.address}</bdi>
                            </Text>
                          </Group>
                        ) : null}
                        {partner.phone ? (
                          <Group gap={4} wrap="nowrap">
                            <Icon name="phone" size={14} />
                            <Text size="sm" dir="ltr" span>
                              {formatPhone(partner.phone)}
                            </Text>
                          </Group>
                        ) : null}
                      </Stack>
                    </Table.Td>
                    {isAdmin ? (
                      <Table.Td>
                        <ActiveBadge active={partner.active} label={t(partner.active ? 'partners.active' : 'partners.inactive')} />
                      </Table.Td>
                    ) : null}
                    {isAdmin ? (
                      <Table.Td ta="end">
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('partners.actionsFor', { name: partner.name })}>
                              <Icon name="dots" />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item onClick={() => setForm(partner)}>{t('partners.edit')}</Menu.Item>
                            {partner.active ? (
                              <Menu.Item
                                c={DANGER_TEXT}
                                onClick={() => {
                                  setConfirmError(null);
                                  setDeactivating(partner);
                                }}
                              >
                                {t('partners.deactivate')}
                              </Menu.Item>
                            ) : (
                              <Menu.Item onClick={() => void setActive(partner, true)}>{t('partners.reactivate')}</Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <PartnerFormModal
        target={form}
        onClose={() => setForm(null)}
        onSaved={(partner) => {
          setForm(null);
          notify(t, 'success', t('partners.saved', { name: partner.name }));
          void load();
        }}
      />
      <ConfirmModal
        opened={deactivating !== null}
        title={t('partners.deactivateConfirm.title')}
        message={t('partners.deactivateConfirm.message', { name: deactivating?.name ?? '' })}
        confirmLabel={t('partners.deactivate')}
        danger
        busy={busy}
        error={confirmError}
        onConfirm={() => deactivating && void setActive(deactivating, false)}
        onClose={() => setDeactivating(null)}
      />
    </Stack>
  );
}
