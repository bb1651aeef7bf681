import { Button, Center, Group, Loader, Stack } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import type { VisitorProfile } from '../../../shared/contract/visitors';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Form } from '../../ui/Form';
import { useFormErrors } from '../../ui/form';
import { todayIn } from '../../ui/format';
import { notify } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { fieldsFromIdentity, identityFromFields, IDENTITY_ERROR_FIELDS, type IdentityValues } from './identity';
import { IdentityFields } from './IdentityFields';

/** Corrects a visitor's identity; every changed field goes into the edit history. */
export function EditIdentityPage() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { timeZone } = useSession();
  const visitorId = Number(useParams().id);
  const [profile, setProfile] = useState<VisitorProfile | null>(null);
  const [values, setValues] = useState<IdentityValues | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(IDENTITY_ERROR_FIELDS);
  const currentYear = Number(todayIn(timeZone).slice(0, 4));

  useEffect(() => {
    void api.visitors.get({ id: visitorId }).then((result) => {
      if (!result.ok) return setLoadError(errorMessage(t, result.error));
      setProfile(result.value);
      setValues(identityFromFields(result.value.visitor.fields));
    });
  }, [api, visitorId, t]);

  const consented = profile?.consents.dataProcessing?.granted === true;
  const fields = useMemo(() => (values ? fieldsFromIdentity(values, consented) : null), [values, consented]);

  if (loadError) return <ErrorAlert message={loadError} />;
  if (!profile || !values || !fields) {
    return (
      <Center p="xl">
        <Loader aria-hidden="true" />
      </Center>
    );
  }
  if (profile.visitor.anonymised) return <Navigate to={`/visitors/${visitorId}`} replace />;

  const submit = async () => {
    errors.clear();
    setBusy(true);
    const result = await api.visitors.update({ id: visitorId, fields });
    setBusy(false);
    if (!result.ok) return errors.fail(result.error);
    notify(t, 'success', t('profile.saved', { code: result.value.code }));
    navigate(`/visitors/${visitorId}?tab=changes`);
  };

  return (
    <Stack maw={1040} gap={0}>
      <PageHeader title={t('profile.editTitle', { code: profile.visitor.code })} description={t('profile.editIntro')} />
      <Form errors={errors} onSubmit={submit} testId="identity-form">
        <Stack gap="lg">
          <IdentityFields
            values={values}
            onChange={(patch) => setValues((current) => (current ? { ...current, ...patch } : current))}
            errors={errors}
            consented={consented}
            currentYear={currentYear}
            autoFocus
          />
          <ErrorAlert message={errors.alert} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => navigate(`/visitors/${visitorId}`)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Stack>
  );
}
