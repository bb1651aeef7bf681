import { Alert, Button, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayOverrideReferralConsent } from '../../../shared/domain/policy';
import type { PartnerView, ReferralView } from '../../../shared/domain/referrals';
import { NEEDS, type Need } from '../../../shared/domain/visitors';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Form } from '../../ui/Form';
import { DESCRIPTION_BELOW, useFormErrors } from '../../ui/form';
import { addDays, todayIn } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { ModalActions } from '../../ui/ModalActions';

interface Props {
  opened: boolean;
  visitorId: number;
  visitorCode: string;
  /** The visitor's current consent to referrals. */
  consented: boolean;
  onClose(): void;
  onCreated(referral: ReferralView): void;
}

export function ReferralFormModal(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('referrals.form.title', { code: props.visitorCode })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {props.opened ? <ReferralForm {...props} /> : null}
    </Modal>
  );
}

/**
 * A referral to a partner. Without the visitor's consent to referrals the desk is
 * told why it cannot be made; a psychologist or an administrator may override it
 * with a reason, which is audited.
 */
function ReferralForm({ visitorId, consented, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const { user, timeZone } = useSession();
  const today = todayIn(timeZone);
  const mayOverride = mayOverrideReferralConsent(user.roles);
  const [partners, setPartners] = useState<PartnerView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [service, setService] = useState<Need | null>(null);
  const [referredOn, setReferredOn] = useState(today);
  const [followUpOn, setFollowUpOn] = useState(addDays(today, 7));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(['partnerId', 'service', 'referredOn', 'followUpOn', 'consentOverrideReason']);
  const blocked = !consented && !mayOverride;

  useEffect(() => {
    void api.partners.list({}).then((result) => {
      if (!result.ok) return setLoadError(errorMessage(t, result.error));
      setPartners(result.value);
    });
  }, [api, t]);

  const partner = partners?.find((p) => String(p.id) === partnerId) ?? null;
  const services = partner ? [...partner.services, ...NEEDS.filter((need) => !partner.services.includes(need))] : NEEDS;

  const submit = async () => {
    if (blocked) return;
    errors.clear();
    if (!partnerId || !service) {
      if (!partnerId) errors.failField('partnerId', 'required');
      if (!service) errors.failField('service', 'required');
      return;
    }
    setBusy(true);
    const result = await api.referrals.create({
      visitorId,
      partnerId: Number(partnerId),
      service,
      referredOn,
      followUpOn: followUpOn || null,
      consentOverrideReason: consented ? null : reason.trim() ? reason : null,
    });
    setBusy(false);
    if (!result.ok) return errors.fail(result.error);
    onCreated(result.value);
  };

  return (
    <Form errors={errors} onSubmit={submit} testId="referral-form">
      <Stack gap="md">
        {!consented ? (
          <Alert color={blocked ? 'red' : 'orange'} variant="light" icon={<Icon name="alert" />} title={t('referrals.form.noConsentTitle')} data-testid="referral-no-consent">
            {blocked ? t('referrals.form.noConsentDesk') : t('referrals.form.noConsentOverride')}
          </Alert>
        ) : null}
        <ErrorAlert message={loadError} />
        <Select
          label={t('referrals.form.partner')}
          data={(partners ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          value={partnerId}
          onChange={(next) => {
            setPartnerId(next);
            const chosen = partners?.find((p) => String(p.id) === next);
            if (chosen && (!service || !chosen.services.includes(service))) setService(chosen.services[0] ?? service);
          }}
          error={errors.field('partnerId')}
          searchable
          selectFirstOptionOnChange
          nothingFoundMessage={t('common.nothingFound')}
          disabled={blocked}
          data-autofocus
          withAsterisk
        />
        <Select
          label={t('referrals.form.service')}
          data={services.map((need) => ({ value: need, label: t(`needs.${need}`) }))}
          value={service}
          onChange={(next) => setService(next as Need | null)}
          error={errors.field('service')}
          searchable
          selectFirstOptionOnChange
          nothingFoundMessage={t('common.nothingFound')}
          disabled={blocked}
          withAsterisk
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('referrals.form.referredOn')}
            value={referredOn}
            onChange={(event) => setReferredOn(event.currentTarget.value)}
            error={errors.field('referredOn')}
            max={today}
            disabled={blocked}
          />
          <TextInput
            type="date"
            label={t('referrals.form.followUpOn')}
            description={t('referrals.form.followUpHint')}
            inputWrapperOrder={DESCRIPTION_BELOW}
            value={followUpOn}
            onChange={(event) => setFollowUpOn(event.currentTarget.value)}
            error={errors.field('followUpOn')}
            disabled={blocked}
          />
        </SimpleGrid>
        {!consented && mayOverride ? (
          <Textarea
            label={t('referrals.form.overrideReason')}
            description={t('referrals.form.overrideReasonHint')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.field('consentOverrideReason')}
            autosize
            minRows={2}
            withAsterisk
          />
        ) : null}
        <ErrorAlert message={errors.alert} />
        <ModalActions onCancel={onClose}>
          <Button type="submit" loading={busy} disabled={blocked} leftSection={<Icon name="arrowForward" size={18} />}>
            {t('referrals.form.submit')}
          </Button>
        </ModalActions>
      </Stack>
    </Form>
  );
}
