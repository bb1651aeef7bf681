import { Badge, Button, Center, Loader, Stack, Tabs } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { VisitorProfile } from '../../../shared/contract/visitors';
import { mayCall } from '../../../shared/contract/access';
import type { ReferralView } from '../../../shared/domain/referrals';
import type { ConsentState } from '../../../shared/domain/visitor-views';
import type { ConsentKind } from '../../../shared/domain/visitors';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { errorMessage } from '../../app/i18n';
import { worksAtDesk } from '../../app/navigation';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Icon } from '../../ui/icons';
import { notify } from '../../ui/notify';
import { ChangesSection } from './ChangesSection';
import { ChildrenSection } from '../children/ChildrenSection';
import { ConsentsSection } from './ConsentsSection';
import { IdentitySection } from './IdentitySection';
import { IntakesSection } from '../intakes/IntakesSection';
import { ProfileHeader } from './ProfileHeader';
import { ReferralsSection } from '../referrals/ReferralsSection';
import { TimelineSection } from './TimelineSection';

const TABS = ['identity', 'consents', 'children', 'intakes', 'referrals', 'changes', 'timeline'] as const;
type Tab = (typeof TABS)[number];

/** A visitor's file: opening it is an audited read. Everything about her, by section. */
export function ProfilePage() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { user } = useSession();
  const { id } = useParams();
  const visitorId = Number(id);
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'identity';
  const [profile, setProfile] = useState<VisitorProfile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [referralOpened, setReferralOpened] = useState(false);
  const [anonymising, setAnonymising] = useState(false);
  const [anonymiseError, setAnonymiseError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await api.visitors.get({ id: visitorId });
    if (!result.ok) return setError(errorMessage(t, result.error));
    setError(null);
    setProfile(result.value);
  }, [api, visitorId, t]);

  useEffect(() => {
    let current = true;
    void api.visitors.get({ id: visitorId }).then((result) => {
      if (!current) return;
      if (!result.ok) return setError(errorMessage(t, result.error));
      setProfile(result.value);
    });
    return () => {
      current = false;
    };
  }, [api, visitorId, t]);

  if (!Number.isInteger(visitorId) || visitorId <= 0 || (error && !profile)) {
    return (
      <Stack maw={720} gap="md">
        <ErrorAlert message={error ?? t('errors.visitors.notFound')} />
        <Button component={Link} to="/visitors" variant="default" leftSection={<Icon name="arrowBack" size={18} />} w="fit-content">
          {t('visitors.backToList')}
        </Button>
      </Stack>
    );
  }
  if (!profile) {
    return (
      <Center p="xl">
        <Loader aria-hidden="true" />
      </Center>
    );
  }

  const anonymised = profile.visitor.anonymised;
  const deskWork = worksAtDesk(user) && !anonymised;
  const mayAnonymise = mayCall(user, 'visitors.anonymise');

  const setTab = (next: string | null) => setParams(next && next !== 'identity' ? { tab: next } : {}, { replace: true });

  const consentsRecorded = (consents: ConsentState, kind: ConsentKind) => {
    // Without consent to data processing main has erased her identifying data: the whole profile changed.
    if (kind === 'dataProcessing' && consents.dataProcessing?.granted === false) return void load();
    const record = consents[kind];
    setProfile((current) =>
      current ? { ...current, consents, consentHistory: record ? [record, ...current.consentHistory] : current.consentHistory } : current,
    );
  };

  const referralChanged = (referral: ReferralView) =>
    setProfile((current) => {
      if (!current) return current;
      const known = current.referrals.some((r) => r.id === referral.id);
      return { ...current, referrals: known ? current.referrals.map((r) => (r.id === referral.id ? referral : r)) : [referral, ...current.referrals] };
    });

  const anonymise = async () => {
    setBusy(true);
    setAnonymiseError(null);
    const result = await api.visitors.anonymise({ id: profile.visitor.id });
    setBusy(false);
    if (!result.ok) {
      setAnonymiseError(errorMessage(t, result.error));
      // Someone else did it meanwhile: the profile shows it as it now is.
      if (result.error.code === 'visitors.alreadyAnonymised') await load();
      return;
    }
    setAnonymising(false);
    notify(t, 'success', t('anonymisation.done', { code: result.value.code }));
    await load();
  };

  const count = (n: number) =>
    n > 0 ? (
      <Badge size="sm" variant="light" circle>
        {n}
      </Badge>
    ) : null;

  return (
    <Stack maw={1200} gap={0}>
      <Button component={Link} to="/visitors" variant="subtle" color="gray" leftSection={<Icon name="arrowBack" size={18} />} w="fit-content" mb="sm" px={6}>
        {t('visitors.backToList')}
      </Button>
      <ProfileHeader
        profile={profile}
        actions={
          <>
            {deskWork ? (
              <Button leftSection={<Icon name="clipboard" size={18} />} onClick={() => navigate(`/visitors/${profile.visitor.id}/intake`)}>
                {t('intakes.new')}
              </Button>
            ) : null}
            {!anonymised && mayCall(user, 'appointments.book') ? (
              <Button variant="default" leftSection={<Icon name="calendarCheck" size={18} />} onClick={() => navigate(`/appointments/new?visitor=${profile.visitor.id}`)}>
                {t('appointments.book.fromProfile')}
              </Button>
            ) : null}
            {!anonymised ? (
              <Button
                variant="default"
                leftSection={<Icon name="arrowForward" size={18} />}
                onClick={() => {
                  setTab('referrals');
                  setReferralOpened(true);
                }}
              >
                {t('referrals.new')}
              </Button>
            ) : null}
            {mayCall(user, 'notes.listForVisitor') ? (
              <Button variant="default" leftSection={<Icon name="file" size={18} />} onClick={() => navigate(`/visitors/${profile.visitor.id}/notes`)}>
                {t('notes.openList')}
              </Button>
            ) : null}
            {mayAnonymise && !anonymised ? (
              <Button variant="light" color="red" leftSection={<Icon name="eraser" size={18} />} onClick={() => setAnonymising(true)}>
                {t('anonymisation.action')}
              </Button>
            ) : null}
          </>
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false} variant="outline" radius="md">
        <Tabs.List mb="lg">
          <Tabs.Tab value="identity">{t('profile.tabs.identity')}</Tabs.Tab>
          <Tabs.Tab value="consents">{t('profile.tabs.consents')}</Tabs.Tab>
          <Tabs.Tab value="children">{t('children.tab')}</Tabs.Tab>
          <Tabs.Tab value="intakes" rightSection={count(profile.intakes.length)}>
            {t('profile.tabs.intakes')}
          </Tabs.Tab>
          <Tabs.Tab value="referrals" rightSection={count(profile.referrals.length)}>
            {t('profile.tabs.referrals')}
          </Tabs.Tab>
          <Tabs.Tab value="changes" rightSection={count(profile.changes.length)}>
            {t('profile.tabs.changes')}
          </Tabs.Tab>
          <Tabs.Tab value="timeline">{t('profile.tabs.timeline')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="identity">
          <IdentitySection profile={profile} canEdit={deskWork} />
        </Tabs.Panel>
        <Tabs.Panel value="consents">
          <ConsentsSection profile={profile} canRecord={deskWork} onRecorded={consentsRecorded} />
        </Tabs.Panel>
        <Tabs.Panel value="children">
          <ChildrenSection profile={profile} canEdit={deskWork} />
        </Tabs.Panel>
        <Tabs.Panel value="intakes">
          <IntakesSection profile={profile} canRecord={deskWork} />
        </Tabs.Panel>
        <Tabs.Panel value="referrals">
          <ReferralsSection
            profile={profile}
            readOnly={anonymised}
            formOpened={referralOpened}
            onFormOpened={setReferralOpened}
            onChanged={referralChanged}
          />
        </Tabs.Panel>
        <Tabs.Panel value="changes">
          <ChangesSection changes={profile.changes} anonymised={anonymised} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <TimelineSection profile={profile} />
        </Tabs.Panel>
      </Tabs>
      <ConfirmModal
        opened={anonymising}
        title={t('anonymisation.confirmTitle', { code: profile.visitor.code })}
        message={t('anonymisation.confirmMessage')}
        confirmLabel={t('anonymisation.confirm')}
        danger
        busy={busy}
        error={anonymiseError}
        onConfirm={() => void anonymise()}
        onClose={() => setAnonymising(false)}
      />
    </Stack>
  );
}
