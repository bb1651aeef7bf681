import { Box, Button, Divider, Group, NumberInput, Paper, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TIME_ZONE, IDLE_LOCK_MINUTES_MAX, IDLE_LOCK_MINUTES_MIN } from '../../../shared/domain/settings';
import { useApi } from '../../app/api';
import { useDesk } from '../../app/desk';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useFormErrors } from '../../ui/form';
import { PageHeader } from '../../ui/PageHeader';
import { notify } from '../../ui/notify';
import { Form } from '../../ui/Form';
import { RotateKeyModal } from '../keys/RotateKeyModal';

function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(DEFAULT_TIME_ZONE) ? zones : [DEFAULT_TIME_ZONE, ...zones];
}

/** The desk's own settings: when it locks itself, and which clock it lives by. */
export function SettingsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { refresh } = useDesk();
  const [idleLockMinutes, setIdleLockMinutes] = useState<number | string>('');
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [visitorCodePrefix, setVisitorCodePrefix] = useState('');
  const [retentionMonths, setRetentionMonths] = useState<number | string>('');
  const [organisationName, setOrganisationName] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [rotating, setRotating] = useState(false);
  const errors = useFormErrors(['idleLockMinutes', 'timeZone', 'organisationName', 'visitorCodePrefix', 'retentionMonths']);
  const zones = useMemo(() => timeZones().map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') })), []);

  useEffect(() => {
    void api.settings.get({}).then((result) => {
      if (!result.ok) return setLoadError(errorMessage(t, result.error));
      setIdleLockMinutes(result.value.idleLockMinutes);
      setTimeZone(result.value.timeZone);
      setVisitorCodePrefix(result.value.visitorCodePrefix);
      setRetentionMonths(result.value.retentionMonths);
      setOrganisationName(result.value.organisationName);
      setLoaded(true);
    });
  }, [api, t]);

  const submit = async () => {
    errors.clear();
    setBusy(true);
    const result = await api.settings.update({
      idleLockMinutes: typeof idleLockMinutes === 'number' ? idleLockMinutes : Number.NaN,
      timeZone: timeZone ?? '',
      visitorCodePrefix,
      retentionMonths: typeof retentionMonths === 'number' ? retentionMonths : Number.NaN,
      organisationName,
    });
    setBusy(false);
    if (!result.ok) return errors.fail(result.error);
    await refresh();
    notify(t, 'success', t('settings.saved'));
  };

  return (
    <Stack maw={760} gap={0}>
      <PageHeader title={t('settings.title')} description={t('settings.intro')} />
      <ErrorAlert message={loadError} />
      <Paper withBorder radius="lg" p="lg">
        {loaded ? (
          <Form errors={errors} onSubmit={submit}>
            <Stack gap="lg">
              <NumberInput
                label={t('settings.idleLock')}
                description={t('settings.idleLockHint', { min: IDLE_LOCK_MINUTES_MIN, max: IDLE_LOCK_MINUTES_MAX })}
                value={idleLockMinutes}
                onChange={setIdleLockMinutes}
                min={IDLE_LOCK_MINUTES_MIN}
                max={IDLE_LOCK_MINUTES_MAX}
                allowDecimal={false}
                allowNegative={false}
                error={errors.field('idleLockMinutes')}
                inputContainer={(input) => <Box maw={160}>{input}</Box>}
                autoFocus
              />
              <Select
                label={t('settings.timeZone')}
                description={t('settings.timeZoneHint')}
                data={zones}
                value={timeZone}
                onChange={setTimeZone}
                searchable
                allowDeselect={false}
                nothingFoundMessage={t('settings.noZone')}
                error={errors.field('timeZone')}
                inputContainer={(input) => <Box maw={420}>{input}</Box>}
              />
              <TextInput
                label={t('settings.organisationName')}
                description={t('settings.organisationNameHint')}
                value={organisationName}
                onChange={(event) => setOrganisationName(event.currentTarget.value)}
                error={errors.field('organisationName')}
                maxLength={120}
                autoComplete="off"
                inputContainer={(input) => <Box maw={520}>{input}</Box>}
              />
              <Divider label={t('settings.visitorsSection')} labelPosition="left" />
              <TextInput
                label={t('settings.codePrefix')}
                description={t('settings.codePrefixHint', { example: `${visitorCodePrefix || 'NDR'}-${new Date().getFullYear()}-0042` })}
                value={visitorCodePrefix}
                onChange={(event) => setVisitorCodePrefix(event.currentTarget.value.toUpperCase())}
                error={errors.field('visitorCodePrefix')}
                maxLength={6}
                dir="ltr"
                autoComplete="off"
                spellCheck={false}
                className="guichet-code-input"
                inputContainer={(input) => <Box maw={160}>{input}</Box>}
              />
              <NumberInput
                label={t('settings.retentionMonths')}
                description={t('settings.retentionMonthsHint')}
                value={retentionMonths}
                onChange={setRetentionMonths}
                min={6}
                max={120}
                clampBehavior="none"
                allowDecimal={false}
                allowNegative={false}
                error={errors.field('retentionMonths')}
                inputContainer={(input) => <Box maw={160}>{input}</Box>}
              />
              <ErrorAlert message={errors.alert} />
              <Group>
                <Button type="submit" loading={busy}>
                  {t('common.save')}
                </Button>
              </Group>
            </Stack>
          </Form>
        ) : (
          <Stack gap="md" aria-hidden="true">
            <Skeleton height={56} width={320} />
            <Skeleton height={56} width={420} />
            <Skeleton height={56} width={160} />
            <Skeleton height={56} width={160} />
          </Stack>
        )}
      </Paper>
      <Paper withBorder radius="lg" p="lg" mt="lg" data-testid="keys-section">
        <Stack gap="sm" align="flex-start">
          <Title order={2} size="h4">
            {t('keys.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('keys.intro')}
          </Text>
          <Button variant="default" onClick={() => setRotating(true)}>
            {t('keys.rotateOpen')}
          </Button>
        </Stack>
      </Paper>
      <RotateKeyModal opened={rotating} onClose={() => setRotating(false)} />
    </Stack>
  );
}
