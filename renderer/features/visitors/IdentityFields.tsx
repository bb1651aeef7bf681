import { Fieldset, Group, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FAMILY_SITUATIONS, HOUSING_SITUATIONS, MAX_AGE_YEARS, SEXES } from '../../../shared/domain/visitors';
import { useSearchableChoice } from '../../ui/choice';
import { MonthField } from '../../ui/date-fields';
import { CheckboxField, MultiSelectField, NumberField, RadioGroupField, SelectField, TextField } from '../../ui/fields';
import { DESCRIPTION_BELOW } from '../../ui/form';
import { PhoneHint } from '../../ui/PhoneHint';
import type { IdentityForm } from './identity';
import { spokenLanguageOptions, useCountryOptions } from './labels';

interface Props {
  /** Consent to data processing: without it the identifying fields are off. */
  consented: boolean;
  /** Today on the desk's calendar: the approximate age, and no month of arrival after it. */
  today: string;
  /** Puts the focus in the first field that can be typed in. */
  autoFocus?: boolean;
}

/**
 * A visitor's identity, for registration and for editing, in the form around it (its
 * `fields`): every field reachable with Tab, Space and the arrows.
 */
export function IdentityFields({ consented, today, autoFocus }: Props) {
  const { t } = useTranslation();
  const { control, setValue, formState } = useFormContext<IdentityForm>();
  const choice = useSearchableChoice();
  const countries = useCountryOptions();
  const languages = spokenLanguageOptions(t);
  const [birthYear, spoken, interpreterNeeded, phone] = useWatch({ control, name: ['fields.birthYear', 'fields.languages', 'fields.interpreterNeeded', 'fields.phone'] });
  const needsConsent = consented ? undefined : t('visitorFields.needsConsent');
  const currentYear = Number(today.slice(0, 4));
  const age = typeof birthYear === 'number' && birthYear <= currentYear && currentYear - birthYear <= MAX_AGE_YEARS ? String(currentYear - birthYear) : '';
  // Once she has tried to send the form, what she changes is checked again at once.
  const again = { shouldDirty: true, shouldValidate: formState.isSubmitted };

  return (
    <Stack gap="lg">
      <Fieldset legend={t('registration.sections.identity')} radius="lg">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextField
              control={control}
              name="fields.firstName"
              label={t('visitorFields.firstName')}
              description={needsConsent}
              disabled={!consented}
              autoComplete="off"
              spellCheck={false}
              autoFocus={autoFocus && consented}
              inputWrapperOrder={DESCRIPTION_BELOW}
            />
            <TextField
              control={control}
              name="fields.lastName"
              label={t('visitorFields.lastName')}
              description={needsConsent}
              disabled={!consented}
              autoComplete="off"
              spellCheck={false}
              inputWrapperOrder={DESCRIPTION_BELOW}
            />
            <TextField
              control={control}
              name="fields.alias"
              label={t('visitorFields.alias')}
              description={needsConsent ?? t('visitorFields.aliasHint')}
              disabled={!consented}
              autoComplete="off"
              spellCheck={false}
              inputWrapperOrder={DESCRIPTION_BELOW}
            />
          </SimpleGrid>
          <RadioGroupField control={control} name="fields.sex" label={t('visitorFields.sex')} withAsterisk>
            <Group gap="lg" mt={6}>
              {SEXES.map((sex) => (
                <Radio key={sex} value={sex} label={t(`sexes.${sex}`)} />
              ))}
            </Group>
          </RadioGroupField>
          <Group align="flex-start" gap="md" wrap="wrap">
            <NumberField
              control={control}
              name="fields.birthYear"
              blankAs={null}
              label={t('visitorFields.birthYear')}
              hideControls
              allowDecimal={false}
              allowNegative={false}
              maxLength={4}
              w={170}
              dir="ltr"
              autoComplete="off"
              autoFocus={autoFocus && !consented}
            />
            <CheckboxField control={control} name="fields.birthYearEstimated" mt={38} label={t('visitorFields.birthYearEstimated')} />
            <TextInput
              label={t('visitorFields.approximateAge')}
              description={t('visitorFields.approximateAgeHint')}
              value={age}
              onChange={(event) => {
                const typed = event.currentTarget.value.trim();
                if (typed === '') return setValue('fields.birthYear', null, again);
                if (!/^\d{1,3}$/.test(typed)) return;
                setValue('fields.birthYear', currentYear - Number(typed), again);
                setValue('fields.birthYearEstimated', true, again);
              }}
              inputMode="numeric"
              maxLength={3}
              w={260}
              inputWrapperOrder={DESCRIPTION_BELOW}
              dir="ltr"
              autoComplete="off"
            />
          </Group>
          <SelectField
            control={control}
            name="fields.nationality"
            label={t('visitorFields.nationality')}
            placeholder={t('visitorFields.nationalityPlaceholder')}
            data={countries}
            {...choice}
            maw={420}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('registration.sections.languages')} radius="lg">
        <Stack gap="md">
          <MultiSelectField
            control={control}
            name="fields.languages"
            label={t('visitorFields.languages')}
            placeholder={(spoken ?? []).length === 0 ? t('visitorFields.languagesPlaceholder') : undefined}
            data={languages}
            searchable
            selectFirstOptionOnChange
            hidePickedOptions
            maxValues={10}
            nothingFoundMessage={t('common.nothingFound')}
          />
          <Group align="flex-end" gap="lg" wrap="wrap">
            <CheckboxField control={control} name="fields.interpreterNeeded" label={t('visitorFields.interpreterNeeded')} mb={interpreterNeeded ? 10 : 0} />
            {interpreterNeeded ? (
              <SelectField
                control={control}
                name="fields.interpreterLanguage"
                label={t('visitorFields.interpreterLanguage')}
                data={languages}
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
          <PhoneField consented={consented} phone={phone ?? ''} needsConsent={needsConsent} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <SelectField
              control={control}
              name="fields.familySituation"
              label={t('visitorFields.familySituation')}
              data={FAMILY_SITUATIONS.map((value) => ({ value, label: t(`familySituations.${value}`) }))}
              disabled={!consented}
              {...choice}
            />
            <NumberField
              control={control}
              name="fields.childrenCount"
              blankAs={undefined}
              label={t('visitorFields.childrenCount')}
              description={needsConsent ?? t('visitorFields.childrenCountHint')}
              disabled={!consented}
              inputWrapperOrder={DESCRIPTION_BELOW}
              min={0}
              max={20}
              allowDecimal={false}
              allowNegative={false}
              w={220}
            />
            <SelectField
              control={control}
              name="fields.housing"
              label={t('visitorFields.housing')}
              data={HOUSING_SITUATIONS.map((value) => ({ value, label: t(`housingSituations.${value}`) }))}
              disabled={!consented}
              {...choice}
            />
            <MonthField
              control={control}
              name="fields.arrivalMonth"
              label={t('visitorFields.arrivalMonth')}
              disabled={!consented}
              maxDate={today}
              clearable
              w={240}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>
    </Stack>
  );
}

/** The phone, and under it the number as it will be kept (or why it is off). */
function PhoneField({ consented, phone, needsConsent }: { consented: boolean; phone: string; needsConsent: string | undefined }) {
  const { t } = useTranslation();
  const { control, getFieldState, formState } = useFormContext<IdentityForm>();
  const wrong = getFieldState('fields.phone', formState).error !== undefined;
  return (
    <TextField
      control={control}
      name="fields.phone"
      blankAs={null}
      label={t('visitorFields.phone')}
      description={wrong ? undefined : consented ? <PhoneHint phone={phone} /> : needsConsent}
      disabled={!consented}
      type="tel"
      dir="ltr"
      autoComplete="off"
      maw={420}
    />
  );
}
