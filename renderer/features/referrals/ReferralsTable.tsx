import { ActionIcon, Badge, Button, Group, Menu, Paper, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REFERRAL_TRANSITIONS, type ReferralStatus, type ReferralView } from '../../../shared/domain/referrals';
import { DANGER_TEXT } from '../../app/theme';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';

export const STATUS_COLOR: Record<ReferralStatus, string> = {
  proposed: 'gray',
  sent: 'blue',
  accepted: 'teal',
  done: 'green',
  refused: 'red',
  cancelled: 'gray',
};

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant={status === 'cancelled' ? 'outline' : 'light'} color={STATUS_COLOR[status]} data-testid="referral-status">
      {t(`referralStatuses.${status}`)}
    </Badge>
  );
}

interface Props {
  referrals: ReferralView[];
  /** Shows the visitor's code (the follow-up list), or not (her own profile). */
  withVisitor?: boolean;
  /** Today on the desk's calendar: follow-ups on or before it are due. */
  /** Main's today, or null until it has answered: nothing is marked due until then. */
  today: string | null;
  /** No status change nor slip (an anonymised record). */
  readOnly?: boolean;
  onStatus(referral: ReferralView, status: ReferralStatus): void;
  onSlip(referral: ReferralView): void;
  testId?: string;
}

/** Referrals with their status; only the changes the current status allows are offered. */
export function ReferralsTable({ referrals, withVisitor, today, readOnly, onStatus, onSlip, testId }: Props) {
  const { t } = useTranslation();
  const format = useDeskFormat();
  return (
    <Paper withBorder radius="lg">
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              {withVisitor ? <Table.Th>{t('referrals.table.visitor')}</Table.Th> : null}
              <Table.Th>{t('referrals.table.partner')}</Table.Th>
              <Table.Th>{t('referrals.table.service')}</Table.Th>
              <Table.Th>{t('referrals.table.referredOn')}</Table.Th>
              <Table.Th>{t('referrals.table.followUpOn')}</Table.Th>
              <Table.Th>{t('referrals.table.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('referrals.table.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {referrals.map((referral) => {
              const next = REFERRAL_TRANSITIONS[referral.status];
              const due = today !== null && referral.followUpOn !== null && referral.followUpOn <= today && next.length > 0;
              return (
                <Table.Tr key={referral.id} data-testid="referral-row">
                  {withVisitor ? (
                    <Table.Td>
                      <Link to={`/visitors/${referral.visitorId}?tab=referrals`} className="guichet-vcode" dir="ltr">
                        {referral.visitorCode}
                      </Link>
                    </Table.Td>
                  ) : null}
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      <bdi>{referral.partnerName}</bdi>
                    </Text>
                    {referral.consentOverridden ? (
                      <Badge size="xs" color="orange" variant="light" tt="none" mt={4}>
                        {t('referrals.consentOverridden')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`needs.${referral.service}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {format.day(referral.referredOn)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {referral.followUpOn ? (
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {format.day(referral.followUpOn)}
                        </Text>
                        {due && today !== null ? (
                          <Badge size="xs" color={referral.followUpOn < today ? 'red' : 'orange'} variant="light">
                            {t(referral.followUpOn < today ? 'referrals.overdue' : 'referrals.dueToday')}
                          </Badge>
                        ) : null}
                      </Group>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('referrals.noFollowUp')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <ReferralStatusBadge status={referral.status} />
                      {referral.statusReason ? (
                        <Text size="xs" c="dimmed" maw={240} dir="auto">
                          {referral.statusReason}
                        </Text>
                      ) : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td ta="end">
                    {readOnly ? null : (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label={t('referrals.printSlip')}>
                          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('referrals.printSlipFor', { partner: referral.partnerName })} onClick={() => onSlip(referral)}>
                            <Icon name="printer" />
                          </ActionIcon>
                        </Tooltip>
                        {next.length > 0 ? (
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <Button
                                size="xs"
                                variant="default"
                                rightSection={<Icon name="dots" size={14} />}
                                aria-label={t('referrals.changeStatusFor', { partner: referral.partnerName })}
                              >
                                {t('referrals.changeStatus')}
                              </Button>
                            </Menu.Target>
                            <Menu.Dropdown>
                              {next.map((status) => (
                                <Menu.Item key={status} c={status === 'refused' || status === 'cancelled' ? DANGER_TEXT : undefined} onClick={() => onStatus(referral, status)}>
                                  {t(`referralStatusActions.${status}`)}
                                </Menu.Item>
                              ))}
                            </Menu.Dropdown>
                          </Menu>
                        ) : null}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
