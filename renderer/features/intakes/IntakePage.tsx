import { Alert, Button, Center, Checkbox, Fieldset, Group, Loader, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import type { VisitorProfile } from '../../../shared/contract/visitors';
import { NEEDS, ORIENTATIONS, TEXT_MAX, URGENCIES, VULNERABILITIES, type Need, type ViolenceType, type Vulnerability } from '../../../shared/domain/visitors';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Form } from '../../ui/Form';
import { useFormErrors } from '../../ui/form';
import { todayIn } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { notify } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { DraftOffer } from '../drafts/DraftOffer';
import { intakeForm } from '../../../shared/domain/drafts';
import { useDraft } from '../drafts/useDraft';
import { DisclosureTree } from './DisclosureTree';

type Urgency = (typeof URGENCIES)[number];
type Orientation = (typeof ORIENTATIONS)[number];

interface IntakeValues {
  visitDate: string;
  needs: Need[];
  urgency: Urgency | null;
  vulnerabilities: Vulnerability[];
  disclosed: boolean;
  /** The answers given so far in the decision tree, in its order. */
  answers: boolean[];
  /** The type confirmed after the answers' summary. */
  violenceType: ViolenceType | null;
  orientation: Orientation | null;
  deskNotes: string;
}

function emptyIntake(today: string): IntakeValues {
  return { visitDate: today, needs: [], urgency: null, vulnerabilities: [], disclosed: false, answers: [], violenceType: null, orientation: null, deskNotes: '' };
}

const SHOWN_ERRORS = ['visitDate', 'needs', 'urgency', 'vulnerabilities', 'orientation', 'deskNotes', 'violence.type', 'violence.disclosed'];

/** The intake of one visit: needs, urgency, vulnerabilities, a disclosure if there is one, the orientation. */
export function IntakePage() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { timeZone } = useSession();
  const visitorId = Number(useParams().id);
  const today = todayIn(timeZone);
  const [profile, setProfile] = useState<VisitorProfile | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [values, setValues] = useState<IntakeValues>(() => emptyIntake(today));
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(SHOWN_ERRORS);
  const restore = useCallback((stored: IntakeValues) => setValues((current) => ({ ...current, ...stored })), []);
  const draft = useDraft<IntakeValues>(profile ? intakeForm(visitorId) : null, profile?.visitor.code ?? null, restore);
  const { save } = draft;
  const [pristine] = useState(() => JSON.stringify(emptyIntake(today)));

  useEffect(() => {
    void api.visitors.get({ id: visitorId }).then((result) => {
      if (!result.ok) return setLoadError(errorMessage(t, result.error));
      setProfile(result.value);
    });
  }, [api, visitorId, t]);

  useEffect(() => {
    if (JSON.stringify(values) !== pristine) save(values);
  }, [values, save, pristine]);

  if (loadError) return <ErrorAlert message={loadError} />;
  if (!profile || !draft.ready) {
    return (
      <Center p="xl">
        <Loader aria-hidden="true" />
      </Center>
    );
  }
  if (profile.visitor.anonymised) return <Navigate to={`/visitors/${visitorId}`} replace />;

  const set = (patch: Partial<IntakeValues>) => setValues((current) => ({ ...current, ...patch }));
  const type = values.disclosed ? values.violenceType : null;
  const notesAllowed = profile.consents.dataProcessing?.granted === true;
  const profilePath = `/visitors/${visitorId}`;

  const submit = async () => {
    errors.clear();
    setBusy(true);
    const result = await api.intakes.record({
      visitorId,
      visitDate: values.visitDate,
      needs: values.needs,
      urgency: values.urgency as Urgency,
      orientation: values.orientation as Orientation,
      deskNotes: notesAllowed && values.deskNotes.trim() ? values.deskNotes : null,
      vulnerabilities: values.vulnerabilities,
      violence: { disclosed: values.disclosed, type },
    });
    setBusy(false);
    if (!result.ok) return errors.fail(result.error);
    await draft.finish();
    notify(t, 'success', t('intakes.saved', { code: profile.visitor.code }));
    navigate(`${profilePath}?tab=intakes`);
  };

  const abandon = async () => {
    await draft.finish();
    navigate(profilePath);
  };

  return (
    <Stack maw={1040} gap={0}>
      <PageHeader
        title={t('intakes.formTitle', { code: profile.visitor.code })}
        description={t('intakes.formIntro')}
        actions={
          <Button variant="subtle" color="gray" leftSection={<Icon name="arrowBack" size={18} />} onClick={() => navigate(profilePath)}>
            {t('intakes.backToProfile')}
          </Button>
        }
      />
      {draft.offer ? <DraftOffer updatedAt={draft.offer.updatedAt} onResume={draft.resume} onDiscard={() => void draft.discard()} /> : null}
      <Form errors={errors} onSubmit={submit} testId="intake-form">
        <Stack gap="lg">
          <Fieldset legend={t('intakes.sections.visit')} radius="lg">
            <Stack gap="md">
              <TextInput
                type="date"
                label={t('intakes.visitDate')}
                value={values.visitDate}
                onChange={(event) => set({ visitDate: event.currentTarget.value })}
                error={errors.field('visitDate')}
                max={today}
                w={220}
                autoFocus={!draft.offer}
              />
              <Checkbox.Group
                label={t('intakes.needsLabel')}
                value={values.needs}
                onChange={(next) => set({ needs: next as Need[] })}
                error={errors.field('needs')}
              >
                <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" mt="xs">
                  {NEEDS.map((need) => (
                    <Checkbox key={need} value={need} label={t(`needs.${need}`)} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              <Radio.Group
                label={t('intakes.urgency')}
                value={values.urgency ?? ''}
                onChange={(next) => set({ urgency: next as Urgency })}
                error={errors.field('urgency')}
                withAsterisk
              >
                <Group gap="lg" mt={6}>
                  {URGENCIES.map((urgency) => (
                    <Radio key={urgency} value={urgency} label={t(`urgencies.${urgency}`)} />
                  ))}
                </Group>
              </Radio.Group>
              <Checkbox.Group
                label={t('intakes.vulnerabilitiesLabel')}
                value={values.vulnerabilities}
                onChange={(next) => set({ vulnerabilities: next as Vulnerability[] })}
                error={errors.field('vulnerabilities')}
              >
                <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" mt="xs">
                  {VULNERABILITIES.map((flag) => (
                    <Checkbox key={flag} value={flag} label={t(`vulnerabilities.${flag}`)} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('intakes.sections.disclosure')} radius="lg">
            <Stack gap="md">
              <Radio.Group
                label={t('disclosure.question')}
                description={t('disclosure.questionHint')}
                value={values.disclosed ? 'yes' : 'no'}
                onChange={(next) => {
                  const disclosed = next === 'yes';
                  set({ disclosed, answers: [], violenceType: null, orientation: disclosed ? 'listeningUnit' : values.orientation });
                }}
              >
                <Group gap="lg" mt={6}>
                  <Radio value="no" label={t('disclosure.no')} />
                  <Radio value="yes" label={t('disclosure.yes')} />
                </Group>
              </Radio.Group>
              {values.disclosed ? (
                <DisclosureTree
                  answers={values.answers}
                  type={values.violenceType}
                  onChange={(answers, violenceType) => set({ answers, violenceType })}
                  error={errors.field('violence.type')}
                />
              ) : null}
            </Stack>
          </Fieldset>

          <Fieldset legend={t('intakes.sections.orientation')} radius="lg">
            <Stack gap="md">
              <Select
                label={t('intakes.orientationLabel')}
                data={ORIENTATIONS.map((value) => ({ value, label: t(`orientations.${value}`) }))}
                value={values.disclosed ? 'listeningUnit' : values.orientation}
                onChange={(next) => set({ orientation: next as Orientation | null })}
                error={errors.field('orientation')}
                disabled={values.disclosed}
                description={values.disclosed ? t('disclosure.orientationFixed') : undefined}
                searchable
                selectFirstOptionOnChange
                nothingFoundMessage={t('common.nothingFound')}
                withAsterisk
                maw={420}
              />
              <Textarea
                label={t('intakes.deskNotes')}
                description={notesAllowed ? t('intakes.deskNotesHint') : t('intakes.deskNotesNeedConsent')}
                value={values.deskNotes}
                onChange={(event) => set({ deskNotes: event.currentTarget.value })}
                error={errors.field('deskNotes')}
                disabled={!notesAllowed}
                autosize
                minRows={3}
                maxRows={12}
              />
              {values.deskNotes.length > TEXT_MAX ? (
                <Text size="xs" c="red.9">
                  {t('intakes.notesTooLong', { length: values.deskNotes.length, max: TEXT_MAX })}
                </Text>
              ) : null}
            </Stack>
          </Fieldset>

          {values.disclosed && type ? (
            <Alert color="indigo" variant="light" icon={<Icon name="shield" />}>
              {t('disclosure.confidentiality')}
            </Alert>
          ) : null}
          <ErrorAlert message={errors.alert} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => void abandon()}>
              {t('intakes.abandon')}
            </Button>
            <Button type="submit" loading={busy} leftSection={<Icon name="check" size={18} />}>
              {t('intakes.submit')}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Stack>
  );
}
