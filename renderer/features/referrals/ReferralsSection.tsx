import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitorProfile } from '../../../shared/contract/visitors';
import type { ReferralView } from '../../../shared/domain/referrals';
import { useDeskClock } from '../../app/useDeskClock';
import { Icon } from '../../ui/icons';
import { notify } from '../../ui/notify';
import { ReferralFormModal } from './ReferralFormModal';
import { ReferralStatusModal, type StatusChange } from './ReferralStatusModal';
import { ReferralsTable } from './ReferralsTable';
import { SlipModal } from './SlipModal';

interface Props {
  profile: VisitorProfile;
  readOnly: boolean;
  /** The "new referral" form, opened from here or from the profile's header. */
  formOpened: boolean;
  onFormOpened(opened: boolean): void;
  onChanged(referral: ReferralView): void;
}

export function ReferralsSection({ profile, readOnly, formOpened, onFormOpened, onChanged }: Props) {
  const { t } = useTranslation();
  // Main's today on the desk's calendar, not the browser's (whose zone data may differ by an hour).
  const today = useDeskClock()?.today ?? null;
  const [change, setChange] = useState<StatusChange | null>(null);
  const [slipFor, setSlipFor] = useState<number | null>(null);
  const { visitor, referrals } = profile;

  return (
    <Stack gap="md">
      {readOnly ? null : (
        <Group>
          <Button leftSection={<Icon name="arrowForward" size={18} />} onClick={() => onFormOpened(true)}>
            {t('referrals.new')}
          </Button>
        </Group>
      )}
      {referrals.length === 0 ? (
        <Paper withBorder radius="lg" p="xl">
          <Text c="dimmed" ta="center">
            {t('referrals.empty')}
          </Text>
        </Paper>
      ) : (
        <ReferralsTable
          referrals={referrals}
          today={today}
          readOnly={readOnly}
          onStatus={(referral, status) => setChange({ referral, status })}
          onSlip={(referral) => setSlipFor(referral.id)}
          testId="referrals-table"
        />
      )}
      <ReferralFormModal
        opened={formOpened}
        visitorId={visitor.id}
        visitorCode={visitor.code}
        today={today}
        consented={profile.consents.referrals?.granted === true}
        onClose={() => onFormOpened(false)}
        onCreated={(referral) => {
          onFormOpened(false);
          notify(t, 'success', t('referrals.created', { partner: referral.partnerName }));
          onChanged(referral);
        }}
      />
      <ReferralStatusModal
        change={change}
        onClose={() => setChange(null)}
        onSaved={(referral) => {
          setChange(null);
          notify(t, 'success', t('referrals.statusSaved', { status: t(`referralStatuses.${referral.status}`) }));
          onChanged(referral);
        }}
      />
      <SlipModal referralId={slipFor} onClose={() => setSlipFor(null)} />
    </Stack>
  );
}
