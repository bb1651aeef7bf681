import { Box, Button, Divider, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_TIME_ZONE,
  DEFAULT_VISITOR_CODE_PREFIX,
  deskSettingsSchema,
  IDLE_LOCK_MINUTES_MAX,
  IDLE_LOCK_MINUTES_MIN,
  type DeskSettings,
} from '../../../shared/domain/settings';
import { useApi } from '../../app/api';
import { useDesk } from '../../app/desk';
import { useDeskClock } from '../../app/useDeskClock';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { NumberField, SelectField, TextField } from '../../ui/fields';
import { useContractForm } from '../../ui/form';
import { PageHeader } from '../../ui/PageHeader';
import { notify } from '../../ui/notify';
import { Form } from '../../ui/Form';
import { RotateKeyModal } from '../keys/RotateKeyModal';

/**
 * Every setting at once: the settings themselves (`settings.update` takes any part of
 * them; this form sends them all).
 */
function SettingsForm({ settings }: { settings: DeskSettings }) {
  const { t } = useTranslation();
  const api = useApi();
  const { refresh } = useDesk();
  // The example code carries main's year, not the browser's (on New Year's Eve they may differ).
  const year = useDeskClock()?.today.slice(0, 4);
  const zones = useMemo(() => timeZones().map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') })), []);
  const form = useContractForm(deskSettingsSchema, { defaultValues: settings });
  const prefix = useWatch({ control: form.control, name: 'visitorCodePrefix' });
  const submit = form.submitTo(
    (values) => api.settings.update(values),
    async (saved) => {
      form.reset(saved);
      await refresh();
      notify(t, 'success', t('settings.saved'));
    },
  );
  const box = (width: number) => (input: ReactNode) => <Box maw={width}>{input}</Box>;

  return (
    <Form form={form} onSubmit={submit}>
      <Stack gap="lg">
        <NumberField
          control={form.control}
          name="idleLockMinutes"
          blankAs={undefined}
          label={t('settings.idleLock')}
          description={t('settings.idleLockHint', { min: IDLE_LOCK_MINUTES_MIN, max: IDLE_LOCK_MINUTES_MAX })}
          min={IDLE_LOCK_MINUTES_MIN}
          max={IDLE_LOCK_MINUTES_MAX}
          allowDecimal={false}
          allowNegative={false}
          inputContainer={box(160)}
          autoFocus
        />
        <SelectField
          control={form.control}
          name="timeZone"
          label={t('settings.timeZone')}
          description={t('settings.timeZoneHint')}
          data={zones}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('settings.noZone')}
          inputContainer={box(420)}
        />
        <TextField
          control={form.control}
          name="organisationName"
          label={t('settings.organisationName')}
          description={t('settings.organisationNameHint')}
          maxLength={120}
          autoComplete="off"
          inputContainer={box(520)}
        />
        <Divider label={t('settings.visitorsSection')} labelPosition="left" />
        <TextField
          control={form.control}
          name="visitorCodePrefix"
          normalise={(text) => text.toUpperCase()}
          label={t('settings.codePrefix')}
          description={year ? t('settings.codePrefixHint', { example: `${prefix || DEFAULT_VISITOR_CODE_PREFIX}-${year}-0042` }) : undefined}
          maxLength={6}
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          className="guichet-code-input"
          inputContainer={box(160)}
        />
        <NumberField
          control={form.control}
          name="retentionMonths"
          blankAs={undefined}
          label={t('settings.retentionMonths')}
          description={t('settings.retentionMonthsHint')}
          min={6}
          max={120}
          clampBehavior="none"
          allowDecimal={false}
          allowNegative={false}
          inputContainer={box(160)}
        />
        <Divider label={t('settings.backupSection')} labelPosition="left" />
        <Text size="sm" c="dimmed" data-testid="settings-backup-intro">
          {t('settings.backupSectionHint')}
        </Text>
        {BACKUP_FIELDS.map(({ name, hint }) => {
          const { min, max } = rangeOf(name);
          return (
            <NumberField
              key={name}
              control={form.control}
              name={name}
              blankAs={undefined}
              label={t(`settings.${name}`)}
              description={t(hint, { min, max })}
              min={min}
              max={max}
              clampBehavior="none"
              allowDecimal={false}
              allowNegative={false}
              inputContainer={box(160)}
            />
          );
        })}
        <ErrorAlert message={form.alert} />
        <Group>
          <Button type="submit" loading={form.busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}

/** The backup settings: the reminder, then how many backups rotation keeps on a drive. */
const BACKUP_FIELDS = [
  { name: 'backupReminderDays', hint: 'settings.backupReminderDaysHint' },
  { name: 'backupKeepDaily', hint: 'settings.backupKeepDailyHint' },
  { name: 'backupKeepWeekly', hint: 'settings.backupKeepWeeklyHint' },
  { name: 'backupKeepMonthly', hint: 'settings.backupKeepMonthlyHint' },
] as const satisfies readonly { name: keyof DeskSettings; hint: string }[];

/** A number setting's bounds, as the contract's schema declares them (the hints say them, the inputs stop there). */
function rangeOf(name: (typeof BACKUP_FIELDS)[number]['name']): { min: number; max: number } {
  const field = deskSettingsSchema.shape[name];
  return { min: field.minValue ?? 0, max: field.maxValue ?? Number.MAX_SAFE_INTEGER };
}

function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(DEFAULT_TIME_ZONE) ? zones : [DEFAULT_TIME_ZONE, ...zones];
}

/** The desk's own settings: when it locks itself, and which clock it lives by. */
export function SettingsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [settings, setSettings] = useState<DeskSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [rotating, setRotating] = useState(false);

  useEffect(() => {
    void api.settings.get({}).then((result) => {
      if (!result.ok) return setLoadError(errorMessage(t, result.error));
      setSettings(result.value);
    });
  }, [api, t]);

  return (
    <Stack maw={760} gap={0}>
      <PageHeader title={t('settings.title')} description={t('settings.intro')} />
      <ErrorAlert message={loadError} />
      <Paper withBorder radius="lg" p="lg">
        {settings ? (
          <SettingsForm settings={settings} />
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
