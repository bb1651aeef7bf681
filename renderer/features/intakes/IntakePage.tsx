import { Alert, Button, Center, Checkbox, Fieldset, Group, Loader, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { intakeInputSchema } from '../../../shared/contract/intakes';
import type { VisitorProfile } from '../../../shared/contract/visitors';
import { intakeForm } from '../../../shared/domain/drafts';
import { GBVIMS_TYPES, NEEDS, ORIENTATIONS, TEXT_MAX, URGENCIES, VULNERABILITIES } from '../../../shared/domain/visitors';
import { useApi } from '../../app/api';
import { errorMessage, fieldMessage } from '../../app/i18n';
import { useDeskClock } from '../../app/useDeskClock';
import { DayField } from '../../ui/date-fields';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LeaveFormActions } from '../../ui/LeaveFormActions';
import { CheckboxGroupField, RadioGroupField, SelectField, TextareaField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { Icon } from '../../ui/icons';
import { notify } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { DraftOffer } from '../drafts/DraftOffer';
import { useDraft } from '../drafts/useDraft';
import { DisclosureTree } from './DisclosureTree';

/**
 * `intakes.record` for the visitor whose page this is, and the answers given so far in the
 * GBVIMS decision tree (they give `violence.type`, and bring the tree back with a draft).
 */
const intakeSchema = intakeInputSchema.omit({ visitorId: true }).extend({ answers: z.array(z.boolean()).max(GBVIMS_TYPES.length) });

/** The intake of one visit: needs, urgency, vulnerabilities, a disclosure if there is one, the orientation. */
export function IntakePage() {
  const { t } = useTranslation();
  const api = useApi();
  const visitorId = Number(useParams().id);
  const [profile, setProfile] = useState<VisitorProfile | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // The visit is dated main's today on the desk's calendar, never the browser's (their zone data may differ).
  const today = useDeskClock()?.today ?? null;

  useEffect(() => {
    void api.visitors.get({ id: visitorId }).then((result) => {
      if (!result.ok) return setLoadError(errorMessage(t, result.error));
      setProfile(result.value);
    });
  }, [api, visitorId, t]);

  if (loadError) return <ErrorAlert message={loadError} />;
  if (!profile || !today) return <Waiting />;
  if (profile.visitor.anonymised) return <Navigate to={`/visitors/${visitorId}`} replace />;
  return <IntakeForm profile={profile} today={today} />;
}

function Waiting() {
  return (
    <Center p="xl">
      <Loader aria-hidden="true" />
    </Center>
  );
}

function IntakeForm({ profile, today }: { profile: VisitorProfile; today: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { id: visitorId, code } = profile.visitor;
  const form = useContractForm(intakeSchema, {
    defaultValues: {
      visitDate: today,
      needs: [],
      urgency: undefined,
      vulnerabilities: [],
      violence: { disclosed: false, type: null },
      answers: [],
      orientation: undefined,
      deskNotes: null,
    },
  });
  const draft = useDraft(form, intakeForm(visitorId), code);
  const { control, setValue, getFieldState, formState } = form;
  const typeError = getFieldState('violence.type', formState).error?.message;
  const [disclosed, answers, confirmed, deskNotes] = useWatch({ control, name: ['violence.disclosed', 'answers', 'violence.type', 'deskNotes'] });
  const type = disclosed ? (confirmed ?? null) : null;
  const notesAllowed = profile.consents.dataProcessing?.granted === true;
  const profilePath = `/visitors/${visitorId}`;
  // Once she has tried to send the form, what she changes is checked again at once.
  const again = { shouldDirty: true, shouldValidate: formState.isSubmitted };

  const submit = form.submitTo(
    ({ answers: _answers, ...intake }) => api.intakes.record({ ...intake, visitorId }),
    async () => {
      await draft.finish();
      notify(t, 'success', t('intakes.saved', { code }));
      navigate(`${profilePath}?tab=intakes`);
    },
  );

  const abandon = async () => {
    await draft.finish();
    navigate(profilePath);
  };

  if (!draft.ready) return <Waiting />;

  return (
    <Stack maw={1040} gap={0}>
      <PageHeader
        title={t('intakes.formTitle', { code })}
        description={t('intakes.formIntro')}
        actions={
          <LeaveFormActions
            backLabel={t('intakes.backToProfile')}
            onBack={() => navigate(profilePath)}
            abandonLabel={t('intakes.abandon')}
            question={{ title: t('intakes.abandonConfirm.title'), message: t('intakes.abandonConfirm.message'), confirmLabel: t('intakes.abandonConfirm.confirm') }}
            onAbandon={abandon}
            testId="intake-abandon"
          />
        }
      />
      {draft.offer ? <DraftOffer updatedAt={draft.offer.updatedAt} onResume={draft.resume} onDiscard={() => void draft.discard()} /> : null}
      <Form form={form} onSubmit={submit} testId="intake-form">
        <Stack gap="lg">
          <Fieldset legend={t('intakes.sections.visit')} radius="lg">
            <Stack gap="md">
              <DayField control={control} name="visitDate" label={t('intakes.visitDate')} maxDate={today} w={240} autoFocus={!draft.offer} />
              <CheckboxGroupField control={control} name="needs" label={t('intakes.needsLabel')}>
                <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" mt="xs">
                  {NEEDS.map((need) => (
                    <Checkbox key={need} value={need} label={t(`needs.${need}`)} />
                  ))}
                </SimpleGrid>
              </CheckboxGroupField>
              <RadioGroupField control={control} name="urgency" label={t('intakes.urgency')} withAsterisk>
                <Group gap="lg" mt={6}>
                  {URGENCIES.map((urgency) => (
                    <Radio key={urgency} value={urgency} label={t(`urgencies.${urgency}`)} />
                  ))}
                </Group>
              </RadioGroupField>
              <CheckboxGroupField control={control} name="vulnerabilities" label={t('intakes.vulnerabilitiesLabel')}>
                <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" mt="xs">
                  {VULNERABILITIES.map((flag) => (
                    <Checkbox key={flag} value={flag} label={t(`vulnerabilities.${flag}`)} />
                  ))}
                </SimpleGrid>
              </CheckboxGroupField>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('intakes.sections.disclosure')} radius="lg">
            <Stack gap="md">
              <Radio.Group
                label={t('disclosure.question')}
                description={t('disclosure.questionHint')}
                value={disclosed ? 'yes' : 'no'}
                onChange={(next) => {
                  const yes = next === 'yes';
                  setValue('violence', { disclosed: yes, type: null }, again);
                  setValue('answers', [], again);
                  if (yes) setValue('orientation', 'listeningUnit', again);
                }}
              >
                <Group gap="lg" mt={6}>
                  <Radio value="no" label={t('disclosure.no')} />
                  <Radio value="yes" label={t('disclosure.yes')} />
                </Group>
              </Radio.Group>
              {disclosed ? (
                <DisclosureTree
                  answers={answers ?? []}
                  type={type}
                  onChange={(next, chosen) => {
                    setValue('answers', next, again);
                    setValue('violence.type', chosen, again);
                  }}
                  error={typeError ? fieldMessage(t, typeError) : undefined}
                />
              ) : null}
            </Stack>
          </Fieldset>

          <Fieldset legend={t('intakes.sections.orientation')} radius="lg">
            <Stack gap="md">
              <SelectField
                control={control}
                name="orientation"
                label={t('intakes.orientationLabel')}
                data={ORIENTATIONS.map((value) => ({ value, label: t(`orientations.${value}`) }))}
                disabled={disclosed}
                description={disclosed ? t('disclosure.orientationFixed') : undefined}
                searchable
                selectFirstOptionOnChange
                nothingFoundMessage={t('common.nothingFound')}
                withAsterisk
                maw={420}
              />
              <TextareaField
                control={control}
                name="deskNotes"
                blankAs={null}
                label={t('intakes.deskNotes')}
                description={notesAllowed ? t('intakes.deskNotesHint') : t('intakes.deskNotesNeedConsent')}
                disabled={!notesAllowed}
                autosize
                minRows={3}
                maxRows={12}
              />
              {(deskNotes ?? '').length > TEXT_MAX ? (
                <Text size="xs" c="red.9">
                  {t('intakes.notesTooLong', { length: (deskNotes ?? '').length, max: TEXT_MAX })}
                </Text>
              ) : null}
            </Stack>
          </Fieldset>

          {disclosed && type ? (
            <Alert color="indigo" variant="light" icon={<Icon name="shield" />}>
              {t('disclosure.confidentiality')}
            </Alert>
          ) : null}
          <ErrorAlert message={form.alert} />
          <Group justify="flex-end">
            <Button type="submit" loading={form.busy} leftSection={<Icon name="check" size={18} />}>
              {t('intakes.submit')}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Stack>
  );
}
