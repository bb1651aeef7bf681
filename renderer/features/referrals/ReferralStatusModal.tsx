import { Button, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { referralStepSchema } from '../../../shared/contract/referrals';
import { OPEN_REFERRAL_STATUSES, type ReferralStatus, type ReferralView } from '../../../shared/domain/referrals';
import { useApi } from '../../app/api';
import { DayField } from '../../ui/date-fields';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TextareaField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
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
  const stillOpen = OPEN_REFERRAL_STATUSES.includes(status);
  const refusal = status === 'refused';
  const form = useContractForm(referralStepSchema, {
    defaultValues: { status, reason: null, ...(stillOpen ? { followUpOn: referral.followUpOn } : {}) },
  });
  const submit = form.submitTo((step) => api.referrals.setStatus({ id: referral.id, ...step }), onSaved);

  return (
    <Form form={form} onSubmit={submit} testId="referral-status-form">
      <Stack gap="md">
        <Text size="sm">
          {t('referrals.status.intro', {
            partner: referral.partnerName,
            from: t(`referralStatuses.${referral.status}`),
            to: t(`referralStatuses.${status}`),
          })}
        </Text>
        <TextareaField
          control={form.control}
          name="reason"
          blankAs={null}
          label={refusal ? t('referrals.status.refusalReason') : t('referrals.status.comment')}
          description={refusal ? t('referrals.status.refusalReasonHint') : undefined}
          withAsterisk={refusal}
          autosize
          minRows={2}
          data-autofocus
        />
        {stillOpen ? <DayField control={form.control} name="followUpOn" label={t('referrals.form.followUpOn')} clearable w={240} /> : null}
        <ErrorAlert message={form.alert} />
        <ModalActions onCancel={onClose}>
          <Button type="submit" loading={form.busy} color={refusal || status === 'cancelled' ? 'red' : undefined}>
            {t(`referralStatusActions.${status}`)}
          </Button>
        </ModalActions>
      </Stack>
    </Form>
  );
}
