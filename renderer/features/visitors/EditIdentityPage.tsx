import { Button, Center, Group, Loader, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { contract } from '../../../shared/contract';
import type { VisitorProfile } from '../../../shared/contract/visitors';
import { useApi } from '../../app/api';
import { useDeskClock } from '../../app/useDeskClock';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { notify } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { IdentityFields } from './IdentityFields';

/** `visitors.update` for the visitor whose page this is. */
const identitySchema = contract['visitors.update'].input.omit({ id: true });

/** Corrects a visitor's identity; every changed field goes into the edit history. */
export function EditIdentityPage() {
  const api = useApi();
  const { t } = useTranslation();
  const visitorId = Number(useParams().id);
  const [profile, setProfile] = useState<VisitorProfile | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Ages and the birth date's limit from main's today, not the browser's (their zone data may differ).
  const today = useDeskClock()?.today ?? null;

  useEffect(() => {
    void api.visitors.get({ id: visitorId }).then((result) => {
      if (!result.ok) return setLoadError(errorMessage(t, result.error));
      setProfile(result.value);
    });
  }, [api, visitorId, t]);

  if (loadError) return <ErrorAlert message={loadError} />;
  if (!profile || !today) {
    return (
      <Center p="xl">
        <Loader aria-hidden="true" />
      </Center>
    );
  }
  if (profile.visitor.anonymised) return <Navigate to={`/visitors/${visitorId}`} replace />;
  return <IdentityForm profile={profile} today={today} />;
}

/** Opens with what is recorded now. */
function IdentityForm({ profile, today }: { profile: VisitorProfile; today: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { id, code, fields } = profile.visitor;
  const form = useContractForm(identitySchema, { defaultValues: { fields } });
  const submit = form.submitTo(
    (values) => api.visitors.update({ id, ...values }),
    (visitor) => {
      notify(t, 'success', t('profile.saved', { code: visitor.code }));
      navigate(`/visitors/${id}?tab=changes`);
    },
  );

  return (
    <Stack maw={1040} gap={0}>
      <PageHeader title={t('profile.editTitle', { code })} description={t('profile.editIntro')} />
      <Form form={form} onSubmit={submit} testId="identity-form">
        <Stack gap="lg">
          <IdentityFields consented={profile.consents.dataProcessing?.granted === true} today={today} autoFocus />
          <ErrorAlert message={form.alert} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => navigate(`/visitors/${id}`)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Stack>
  );
}
