import { Checkbox, Fieldset, Group, MultiSelect, NumberInput, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FAMILY_SITUATIONS, HOUSING_SITUATIONS, MAX_AGE_YEARS, SEXES } from '../../../shared/domain/visitors';
import { useSearchableChoice } from '../../ui/choice';
import { DESCRIPTION_BELOW, type FormErrors } from '../../ui/form';
import { PhoneHint } from '../../ui/PhoneHint';
import type { IdentityValues } from './identity';
import { spokenLanguageOptions, useCountryOptions } from './labels';

interface Props {
  values: IdentityValues;
  onChange(patch: Partial<IdentityValues>): void;
  errors: FormErrors;
  /** Consent to data processing: without it the identifying fields are off. */
  consented: boolean;
  /** This year on the desk's calendar, for the approximate age. */
  currentYear: number;
  /** Puts the focus in the first field that can be typed in. */
  autoFocus?: boolean;
}

/** A visitor's identity, for registration and for editing: every field reachable with Tab, Space and the arrows. */
export function IdentityFields({ values, onChange, errors, consented, currentYear, autoFocus }: Props) {
  const { t } = useTranslation();
  const choice = useSearchableChoice();
  const countries = useCountryOptions();
  const languages = spokenLanguageOptions(t);
  const field = (name: string) => errors.field(`fields.${name}`);
  const needsConsent = consented ? undefined : t('visitorFields.needsConsent');
  const year = /^\d{4}$/.test(values.birthYear.trim()) ? Number(values.birthYear) : null;
  const age = year !== null && year <= currentYear && currentYear - year <= MAX_AGE_YEARS ? String(currentYear - year) : '';

  return (
    <Stack gap="lg">
      <Fieldset legend={t('registration.sections.identity')} radius="lg">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              label={t('visitorFields.firstName')}
              value={values.firstName}
              onChange={(event) => onChange({ firstName: event.currentTarget.value })}
              error={field('firstName')}
              description={needsConsent}
              disabled={!consented}
              autoComplete="off"
              spellCheck={false}
              autoFocus={autoFocus && consented}
              inputWrapperOrder={DESCRIPTION_BELOW}
            />
            <TextInput
              label={t('visitorFields.lastName')}
              value={values.lastName}
              onChange={(event) => onChange({ lastName: event.currentTarget.value })}
              error={field('lastName')}
              description={needsConsent}
              disabled={!consented}
              autoComplete="off"
              spellCheck={false}
              inputWrapperOrder={DESCRIPTION_BELOW}
            />
            <TextInput
              label={t('visitorFields.alias')}
              value={values.alias}
              onChange={(event) => onChange({ alias: event.currentTarget.value })}
              error={field('alias')}
              description={needsConsent ?? t('visitorFields.aliasHint')}
              disabled={!consented}
              autoComplete="off"
              spellCheck={false}
              inputWrapperOrder={DESCRIPTION_BELOW}
            />
          </SimpleGrid>
          <Radio.Group
            label={t('visitorFields.sex')}
            value={values.sex ?? ''}
            onChange={(next) => onChange({ sex: next as IdentityValues['sex'] })}
            error={field('sex')}
            withAsterisk
          >
            <Group gap="lg" mt={6}>
              {SEXES.map((sex) => (
                <Radio key={sex} value={sex} label={t(`sexes.${sex}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Group align="flex-start" gap="md" wrap="wrap">
            <TextInput
              label={t('visitorFields.birthYear')}
              value={values.birthYear}
              onChange={(event) => onChange({ birthYear: event.currentTarget.value })}
              error={field('birthYear')}
              inputMode="numeric"
              maxLength={4}
              w={170}
              dir="ltr"
              autoComplete="off"
              autoFocus={autoFocus && !consented}
            />
            <Checkbox
              mt={38}
              label={t('visitorFields.birthYearEstimated')}
              checked={values.birthYearEstimated}
              onChange={(event) => onChange({ birthYearEstimated: event.currentTarget.checked })}
            />
            <TextInput
              label={t('visitorFields.approximateAge')}
              description={t('visitorFields.approximateAgeHint')}
              value={age}
              onChange={(event) => {
                const typed = event.currentTarget.value.trim();
                if (typed === '') return onChange({ birthYear: '' });
                if (!/^\d{1,3}$/.test(typed)) return;
                onChange({ birthYear: String(currentYear - Number(typed)), birthYearEstimated: true });
              }}
              inputMode="numeric"
              maxLength={3}
              w={260}
              inputWrapperOrder={DESCRIPTION_BELOW}
              dir="ltr"
              autoComplete="off"
            />
          </Group>
          <Select
            label={t('visitorFields.nationality')}
            placeholder={t('visitorFields.nationalityPlaceholder')}
            data={countries}
            value={values.nationality}
            onChange={(next) => onChange({ nationality: next as IdentityValues['nationality'] })}
            error={field('nationality')}
            {...choice}
            maw={420}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('registration.sections.languages')} radius="lg">
        <Stack gap="md">
          <MultiSelect
            label={t('visitorFields.languages')}
            placeholder={values.languages.length === 0 ? t('visitorFields.languagesPlaceholder') : undefined}
            data={languages}
            value={values.languages}
            onChange={(next) => onChange({ languages: next as IdentityValues['languages'] })}
            error={field('languages')}
            searchable
            selectFirstOptionOnChange
            hidePickedOptions
            maxValues={10}
            nothingFoundMessage={t('common.nothingFound')}
          />
          <Group align="flex-end" gap="lg" wrap="wrap">
            <Checkbox
              label={t('visitorFields.interpreterNeeded')}
              checked={values.interpreterNeeded}
              onChange={(event) => onChange({ interpreterNeeded: event.currentTarget.checked })}
              mb={values.interpreterNeeded ? 10 : 0}
            />
            {values.interpreterNeeded ? (
              <Select
                label={t('visitorFields.interpreterLanguage')}
                data={languages}
                value={values.interpreterLanguage}
                onChange={(next) => onChange({ interpreterLanguage: next as IdentityValues['interpreterLanguage'] })}
                error={field('interpreterLanguage')}
                searchable
                selectFirstOptionOnChange
                nothingFoundMessage={t('common.nothingFound')}
                w={280}
              />
            ) : null}
          </Group>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('registration.sections.situation')} radius="lg">
        <Stack gap="md">
          {needsConsent ? (
            <Text size="sm" c="dimmed">
              {t('visitorFields.situationNeedsConsent')}
            </Text>
          ) : null}
          <TextInput
            label={t('visitorFields.phone')}
            value={values.phone}
            onChange={(event) => onChange({ phone: event.currentTarget.value })}
            error={field('phone')}
            description={field('phone') ? undefined : consented ? <PhoneHint phone={values.phone} /> : needsConsent}
            disabled={!consented}
            type="tel"
            dir="ltr"
            autoComplete="off"
            maw={420}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('visitorFields.familySituation')}
              data={FAMILY_SITUATIONS.map((value) => ({ value, label: t(`familySituations.${value}`) }))}
              value={values.familySituation}
              onChange={(next) => onChange({ familySituation: next as IdentityValues['familySituation'] })}
              error={field('familySituation')}
              disabled={!consented}
              {...choice}
            />
            <NumberInput
              label={t('visitorFields.childrenCount')}
              description={needsConsent ?? t('visitorFields.childrenCountHint')}
              value={values.childrenCount}
              onChange={(next) => onChange({ childrenCount: next })}
              error={field('childrenCount')}
              disabled={!consented}
              inputWrapperOrder={DESCRIPTION_BELOW}
              min={0}
              max={20}
              allowDecimal={false}
              allowNegative={false}
              w={220}
            />
            <Select
              label={t('visitorFields.housing')}
              data={HOUSING_SITUATIONS.map((value) => ({ value, label: t(`housingSituations.${value}`) }))}
              value={values.housing}
              onChange={(next) => onChange({ housing: next as IdentityValues['housing'] })}
              error={field('housing')}
              disabled={!consented}
              {...choice}
            />
            <TextInput
              type="month"
              label={t('visitorFields.arrivalMonth')}
              value={values.arrivalMonth}
              onChange={(event) => onChange({ arrivalMonth: event.currentTarget.value })}
              error={field('arrivalMonth')}
              disabled={!consented}
              w={240}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>
    </Stack>
  );
}
