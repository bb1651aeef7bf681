import { Alert, Button, Modal, SimpleGrid, Stack } from '@mantine/core';
import { useEffect, useState, type BaseSyntheticEvent } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { addDays } from '../../../shared/domain/calendar';
import { mayOverrideReferralConsent } from '../../../shared/domain/policy';
import type { PartnerView, ReferralView } from '../../../shared/domain/referrals';
import { NEEDS } from '../../../shared/domain/visitors';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { errorMessage } from '../../app/i18n';
import { DayField } from '../../ui/date-fields';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SelectField, TextareaField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { DESCRIPTION_BELOW, useContractForm } from '../../ui/form';
import { Icon } from '../../ui/icons';
import { ModalActions } from '../../ui/ModalActions';

interface Props {
  opened: boolean;
  visitorId: number;
  visitorCode: string;
  /** The visitor's current consent to referrals. */
  consented: boolean;
  /** Main's today on the desk's calendar (null until it has answered): the form opens on it. */
  today: string | null;
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
      {props.opened && props.today ? <ReferralForm {...props} today={props.today} /> : null}
    </Modal>
  );
}

/** `referrals.create` for the visitor whose profile is open. */
const referralSchema = contract['referrals.create'].input.omit({ visitorId: true });

/**
 * A referral to a partner. Without the visitor's consent to referrals the desk is
 * told why it cannot be made; a psychologist or an administrator may override it
 * with a reason, which is audited.
 */
function ReferralForm({ visitorId, consented, today, onClose, onCreated }: Props & { today: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useSession();
  const mayOverride = mayOverrideReferralConsent(user.roles);
  const [partners, setPartners] = useState<PartnerView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const blocked = !consented && !mayOverride;
  const form = useContractForm(referralSchema, {
    defaultValues: { partnerId: undefined, service: undefined, referredOn: today, followUpOn: addDays(today, 7), consentOverrideReason: null },
  });
  const { watch, getValues, setValue } = form;
  const partnerId = useWatch({ control: form.control, name: 'partnerId' });

  useEffect(() => {
    void api.partners.list({}).then((result) => {
      if (!result.ok) return setLoadError(errorMessage(t, result.error));
      setPartners(result.value);
    });
  }, [api, t]);

  // A partner chosen: its first service, unless the one chosen is among its services.
  useEffect(() => {
    const subscription = watch((values, { name }) => {
      if (name !== 'partnerId') return;
      const chosen = partners?.find((p) => p.id === values.partnerId);
      const service = getValues('service');
      if (chosen && (!service || !chosen.services.includes(service))) setValue('service', chosen.services[0] ?? service);
    });
    return () => subscription.unsubscribe();
  }, [watch, getValues, setValue, partners]);

  const partner = partners?.find((p) => p.id === partnerId) ?? null;
  const services = partner ? [...partner.services, ...NEEDS.filter((need) => !partner.services.includes(need))] : NEEDS;
  const send = form.submitTo((values) => api.referrals.create({ ...values, visitorId }), onCreated);
  const submit = async (event?: BaseSyntheticEvent) => {
    if (!blocked) return send(event);
    event?.preventDefault();
  };

  return (
    <Form form={form} onSubmit={submit} testId="referral-form">
      <Stack gap="md">
        {!consented ? (
          <Alert color={blocked ? 'red' : 'orange'} variant="light" icon={<Icon name="alert" />} title={t('referrals.form.noConsentTitle')} data-testid="referral-no-consent">
            {blocked ? t('referrals.form.noConsentDesk') : t('referrals.form.noConsentOverride')}
          </Alert>
        ) : null}
        <ErrorAlert message={loadError} />
        <SelectField
          control={form.control}
          name="partnerId"
          numeric
          label={t('referrals.form.partner')}
          data={(partners ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          searchable
          selectFirstOptionOnChange
          nothingFoundMessage={t('common.nothingFound')}
          disabled={blocked}
          data-autofocus
          withAsterisk
        />
        <SelectField
          control={form.control}
          name="service"
          label={t('referrals.form.service')}
          data={services.map((need) => ({ value: need, label: t(`needs.${need}`) }))}
          searchable
          selectFirstOptionOnChange
          nothingFoundMessage={t('common.nothingFound')}
          disabled={blocked}
          withAsterisk
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DayField control={form.control} name="referredOn" label={t('referrals.form.referredOn')} maxDate={today} disabled={blocked} inputWrapperOrder={DESCRIPTION_BELOW} />
          <DayField
            control={form.control}
            name="followUpOn"
            label={t('referrals.form.followUpOn')}
            description={t('referrals.form.followUpHint')}
            inputWrapperOrder={DESCRIPTION_BELOW}
            clearable
            disabled={blocked}
          />
        </SimpleGrid>
        {!consented && mayOverride ? (
          <TextareaField
            control={form.control}
            name="consentOverrideReason"
            blankAs={null}
            label={t('referrals.form.overrideReason')}
            description={t('referrals.form.overrideReasonHint')}
            autosize
            minRows={2}
            withAsterisk
          />
        ) : null}
        <ErrorAlert message={form.alert} />
        <ModalActions onCancel={onClose}>
          <Button type="submit" loading={form.busy} disabled={blocked} leftSection={<Icon name="arrowForward" size={18} />}>
            {t('referrals.form.submit')}
          </Button>
        </ModalActions>
      </Stack>
    </Form>
  );
}
