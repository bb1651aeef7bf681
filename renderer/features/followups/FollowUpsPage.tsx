import { Center, Loader, Paper, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralView } from '../../../shared/domain/referrals';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDeskClock } from '../../app/useDeskClock';
import { useDeskFormat } from '../../ui/format';
import { notify } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ReferralStatusModal, type StatusChange } from '../referrals/ReferralStatusModal';
import { ReferralsTable } from '../referrals/ReferralsTable';
import { SlipModal } from '../referrals/SlipModal';
import { LIST_PAGE_WIDTH } from '../../ui/layout';

/** Referrals still waiting on someone whose follow-up date has come: the desk's calls of the day. */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useDeskFormat();
  // Main's today on the desk's calendar, not the browser's (whose zone data may differ by an hour).
  const today = useDeskClock()?.today ?? null;
  const [referrals, setReferrals] = useState<ReferralView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [change, setChange] = useState<StatusChange | null>(null);
  const [slipFor, setSlipFor] = useState<number | null>(null);

  const load = useCallback(
    () =>
      today === null
        ? Promise.resolve()
        : api.referrals.followUpsDue({ on: today }).then((result) => {
        if (!result.ok) return setError(errorMessage(t, result.error));
        setError(null);
        setReferrals(result.value);
      }),
    [api, today, t],
  );

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack maw={LIST_PAGE_WIDTH} gap={0}>
      <PageHeader title={t('followUps.title')} description={today ? t('followUps.intro', { date: format.day(today) }) : undefined} />
      <ErrorAlert message={error} />
      {referrals === null ? (
        error ? null : (
          <Center p="xl">
            <Loader aria-hidden="true" />
          </Center>
        )
      ) : referrals.length === 0 || today === null ? (
        <Paper withBorder radius="lg" p="xl" data-testid="follow-ups-empty">
          <Text c="dimmed" ta="center">
            {t('followUps.empty')}
          </Text>
        </Paper>
      ) : (
        <ReferralsTable
          referrals={referrals}
          withVisitor
          today={today}
          onStatus={(referral, status) => setChange({ referral, status })}
          onSlip={(referral) => setSlipFor(referral.id)}
          testId="follow-ups-table"
        />
      )}
      <ReferralStatusModal
        change={change}
        onClose={() => setChange(null)}
        onSaved={(referral) => {
          setChange(null);
          notify(t, 'success', t('referrals.statusSaved', { status: t(`referralStatuses.${referral.status}`) }));
          void load();
        }}
      />
      <SlipModal referralId={slipFor} onClose={() => setSlipFor(null)} />
    </Stack>
  );
}
