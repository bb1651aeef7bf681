import { Button, Group, Skeleton, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { contract } from '../../../shared/contract';
import { REGISTRATION_FORM } from '../../../shared/domain/drafts';
import type { DuplicateCandidate } from '../../../shared/domain/visitor-views';
import type { Result } from '../../../shared/errors';
import { useApi } from '../../app/api';
import { useDeskClock } from '../../app/useDeskClock';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LeaveFormActions } from '../../ui/LeaveFormActions';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { Icon } from '../../ui/icons';
import { notify } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { DraftOffer } from '../drafts/DraftOffer';
import { useDraft } from '../drafts/useDraft';
import { ConsentFields, NO_CONSENTS } from './ConsentFields';
import { DuplicatesModal } from './DuplicatesModal';
import { EMPTY_FIELDS, WITHOUT_IDENTIFYING } from './identity';
import { IdentityFields } from './IdentityFields';

type Registered = { id: number; code: string } | null;

/** Registers a visitor (`visitors.register`): consents first, then what she agrees to tell; a duplicate check before saving. */
export function RegistrationPage() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  // Ages and the birth date's limit from main's today, not the browser's (their zone data may differ).
  const today = useDeskClock()?.today ?? null;
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[] | null>(null);
  const form = useContractForm(contract['visitors.register'].input, { defaultValues: { consents: NO_CONSENTS, fields: EMPTY_FIELDS } });
  const draft = useDraft(form, REGISTRATION_FORM, null);
  const consented = useWatch({ control: form.control, name: 'consents.dataProcessing' });
  const { watch, setValue } = form;

  // Consent withdrawn before saving: what it covered is not kept, not even on screen.
  useEffect(() => {
    const subscription = watch((values, { name }) => {
      if (name !== 'consents.dataProcessing' || values.consents?.dataProcessing) return;
      for (const [field, empty] of WITHOUT_IDENTIFYING) setValue(field, empty);
    });
    return () => subscription.unsubscribe();
  }, [watch, setValue]);

  const done = async (registered: Registered) => {
    if (!registered) return;
    await draft.finish();
    notify(t, 'success', t('registration.saved', { code: registered.code }));
    navigate(`/visitors/${registered.id}`);
  };
  const registerAnyway = form.submitTo(async (input): Promise<Result<Registered>> => {
    const result = await api.visitors.register(input);
    setDuplicates(null);
    return result;
  }, done);
  // People already known who look alike are shown first; she may still register.
  const submit = form.submitTo(async (input): Promise<Result<Registered>> => {
    const check = await api.visitors.checkDuplicates({ fields: input.fields });
    if (!check.ok) return check;
    if (check.value.length > 0) {
      setDuplicates(check.value);
      return { ok: true, value: null };
    }
    return api.visitors.register(input);
  }, done);

  const abandon = async () => {
    await draft.finish();
    navigate('/visitors');
  };

  return (
    <Stack maw={1040} gap={0}>
      <PageHeader
        title={t('registration.title')}
        description={t('registration.intro')}
        actions={
          <LeaveFormActions
            backLabel={t('visitors.backToList')}
            onBack={() => navigate('/visitors')}
            abandonLabel={t('registration.abandon')}
            question={{ title: t('registration.abandonConfirm.title'), message: t('registration.abandonConfirm.message'), confirmLabel: t('registration.abandonConfirm.confirm') }}
            onAbandon={abandon}
            testId="registration-abandon"
          />
        }
      />
      {draft.offer ? <DraftOffer updatedAt={draft.offer.updatedAt} onResume={draft.resume} onDiscard={() => void draft.discard()} /> : null}
      {draft.ready && today ? (
        <Form form={form} onSubmit={submit} testId="registration-form">
          <Stack gap="lg">
            <ConsentFields autoFocus={!draft.offer} />
            <IdentityFields consented={consented} today={today} />
            <ErrorAlert message={form.alert} />
            <Group justify="flex-end">
              <Button type="submit" loading={form.busy} leftSection={<Icon name="userPlus" size={18} />}>
                {t('registration.submit')}
              </Button>
            </Group>
          </Stack>
        </Form>
      ) : (
        <Stack gap="md" aria-hidden="true">
          <Skeleton height={180} radius="lg" />
          <Skeleton height={320} radius="lg" />
        </Stack>
      )}
      <DuplicatesModal
        candidates={duplicates}
        busy={form.busy}
        onOpen={(id) => {
          void draft.finish().then(() => navigate(`/visitors/${id}`));
        }}
        onRegisterAnyway={() => void registerAnyway()}
        onClose={() => setDuplicates(null)}
      />
    </Stack>
  );
}
