import { Button, Group, Skeleton, Stack } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DuplicateCandidate } from '../../../shared/domain/visitor-views';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Form } from '../../ui/Form';
import { useFormErrors } from '../../ui/form';
import { todayIn } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { notify } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { DraftOffer } from '../drafts/DraftOffer';
import { REGISTRATION_FORM } from '../../../shared/domain/drafts';
import { useDraft } from '../drafts/useDraft';
import { ConsentFields, NO_CONSENTS, type Consents } from './ConsentFields';
import { DuplicatesModal } from './DuplicatesModal';
import { EMPTY_IDENTITY, fieldsFromIdentity, IDENTIFYING, IDENTITY_ERROR_FIELDS, type IdentityValues } from './identity';
import { IdentityFields } from './IdentityFields';

interface RegistrationValues {
  consents: Consents;
  identity: IdentityValues;
}

const EMPTY: RegistrationValues = { consents: NO_CONSENTS, identity: EMPTY_IDENTITY };
const EMPTY_JSON = JSON.stringify(EMPTY);

/** Registers a visitor: consents first, then what she agrees to tell; a duplicate check before saving. */
export function RegistrationPage() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { timeZone } = useSession();
  const [values, setValues] = useState<RegistrationValues>(EMPTY);
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[] | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(IDENTITY_ERROR_FIELDS);
  const currentYear = Number(todayIn(timeZone).slice(0, 4));
  const restore = useCallback((stored: RegistrationValues) => {
    setValues({ consents: { ...NO_CONSENTS, ...stored.consents }, identity: { ...EMPTY_IDENTITY, ...stored.identity } });
  }, []);
  const draft = useDraft<RegistrationValues>(REGISTRATION_FORM, null, restore);
  const { save } = draft;

  useEffect(() => {
    if (JSON.stringify(values) !== EMPTY_JSON) save(values);
  }, [values, save]);

  const consented = values.consents.dataProcessing;
  const fields = useMemo(() => fieldsFromIdentity(values.identity, consented), [values.identity, consented]);

  const setConsents = (consents: Consents) =>
    setValues((current) => {
      if (consents.dataProcessing || !current.consents.dataProcessing) return { ...current, consents };
      // Consent withdrawn before saving: what it covered is not kept, not even on screen.
      const cleared = Object.fromEntries(IDENTIFYING.map((key) => [key, EMPTY_IDENTITY[key]]));
      return { consents, identity: { ...current.identity, ...cleared } };
    });

  const register = async () => {
    setBusy(true);
    const result = await api.visitors.register({ fields, consents: values.consents });
    setBusy(false);
    setDuplicates(null);
    if (!result.ok) return errors.fail(result.error);
    await draft.finish();
    notify(t, 'success', t('registration.saved', { code: result.value.code }));
    navigate(`/visitors/${result.value.id}`);
  };

  const submit = async () => {
    errors.clear();
    setBusy(true);
    const check = await api.visitors.checkDuplicates({ fields });
    setBusy(false);
    if (!check.ok) return errors.fail(check.error);
    if (check.value.length > 0) return setDuplicates(check.value);
    await register();
  };

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
          <Button variant="subtle" color="gray" leftSection={<Icon name="arrowBack" size={18} />} onClick={() => navigate('/visitors')}>
            {t('visitors.backToList')}
          </Button>
        }
      />
      {draft.offer ? <DraftOffer updatedAt={draft.offer.updatedAt} onResume={draft.resume} onDiscard={() => void draft.discard()} /> : null}
      {draft.ready ? (
        <Form errors={errors} onSubmit={submit} testId="registration-form">
          <Stack gap="lg">
            <ConsentFields value={values.consents} onChange={setConsents} autoFocus={!draft.offer} />
            <IdentityFields
              values={values.identity}
              onChange={(patch) => setValues((current) => ({ ...current, identity: { ...current.identity, ...patch } }))}
              errors={errors}
              consented={consented}
              currentYear={currentYear}
            />
            <ErrorAlert message={errors.alert} />
            <Group justify="space-between">
              <Button variant="default" onClick={() => void abandon()}>
                {t('registration.abandon')}
              </Button>
              <Button type="submit" loading={busy} leftSection={<Icon name="userPlus" size={18} />}>
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
        busy={busy}
        onOpen={(id) => {
          void draft.finish().then(() => navigate(`/visitors/${id}`));
        }}
        onRegisterAnyway={() => void register()}
        onClose={() => setDuplicates(null)}
      />
    </Stack>
  );
}
