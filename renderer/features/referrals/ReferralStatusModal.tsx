import { Button, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_REFERRAL_STATUSES, type ReferralStatus, type ReferralView } from '../../../shared/domain/referrals';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Form } from '../../ui/Form';
import { useFormErrors } from '../../ui/form';
import { ModalActions } from '../../ui/ModalActions';

export interface StatusChange {
  referral: ReferralView;
  status: ReferralStatus;
}

interface Props {
  change: StatusChange | null;
  onClose(): void;
  onSaved(referral: ReferralView): void;
}

export function ReferralStatusModal({ change, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={change !== null}
      onClose={onClose}
      title={change ? t('referrals.status.title', { status: t(`referralStatuses.${change.status}`) }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {change ? <StatusForm key={`${change.referral.id}-${change.status}`} change={change} onClose={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

/** One step of a referral: a refusal needs its reason; an open referral keeps a follow-up date. */
function StatusForm({ change, onClose, onSaved }: { change: StatusChange; onClose(): void; onSaved(referral: ReferralView): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { referral, status } = change;
  const [reason, setReason] = useState('');
  const [followUpOn, setFollowUpOn] = useState(referral.followUpOn ?? '');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(['reason', 'followUpOn']);
  const stillOpen = OPEN_REFERRAL_STATUSES.includes(status);
  const refusal = status === 'refused';

  const submit = async () => {
    errors.clear();
    setBusy(true);
    const result = await api.referrals.setStatus({
      id: referral.id,
      status,
      reason: reason.trim() ? reason : null,
      followUpOn: stillOpen ? followUpOn || null : undefined,
    });
    setBusy(false);
    if (!result.ok) return errors.fail(result.error);
    onSaved(result.value);
  };

  return (
    <Form errors={errors} onSubmit={submit} testId="referral-status-form">
      <Stack gap="md">
        <Text size="sm">
          {t('referrals.status.intro', {
            partner: referral.partnerName,
            from: t(`referralStatuses.${referral.status}`),
            to: t(`referralStatuses.${status}`),
          })}
        </Text>
        <Textarea
          label={refusal ? t('referrals.status.refusalReason') : t('referrals.status.comment')}
          description={refusal ? t('referrals.status.refusalReasonHint') : undefined}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.field('reason')}
          withAsterisk={refusal}
          autosize
          minRows={2}
          data-autofocus
        />
        {stillOpen ? (
          <TextInput
            type="date"
            label={t('referrals.form.followUpOn')}
            value={followUpOn}
            onChange={(event) => setFollowUpOn(event.currentTarget.value)}
            error={errors.field('followUpOn')}
            w={220}
          />
        ) : null}
        <ErrorAlert message={errors.alert} />
        <ModalActions onCancel={onClose}>
          <Button type="submit" loading={busy} color={refusal || status === 'cancelled' ? 'red' : undefined}>
            {t(`referralStatusActions.${status}`)}
          </Button>
        </ModalActions>
      </Stack>
    </Form>
  );
}
