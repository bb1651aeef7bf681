import type { ComboboxData } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES, FREQUENT_NATIONALITIES } from '../../../shared/domain/countries';
import { formatPhone } from '../../../shared/domain/phone';
import type { VisitorListItem } from '../../../shared/domain/visitor-views';
import { SPOKEN_LANGUAGES, type VisitorFields } from '../../../shared/domain/visitors';
import { useDesk } from '../../app/desk';
import { localeOf } from '../../ui/dates';
import { useDeskFormat } from '../../ui/format';

/** Country names in the user's language (ISO codes are what is stored). */
export function useCountryName(): (code: string | null) => string | null {
  const { language } = useDesk();
  return useMemo(() => {
    const names = new Intl.DisplayNames([localeOf(language), language], { type: 'region' });
    return (code: string | null) => (code ? (names.of(code) ?? code) : null);
  }, [language]);
}

/** Nationalities for a select: the countries the desk sees most often first, then all the others by name. */
export function useCountryOptions(): ComboboxData {
  const { t } = useTranslation();
  const { language } = useDesk();
  const name = useCountryName();
  return useMemo(() => {
    const collator = new Intl.Collator(localeOf(language));
    const frequent = new Set<string>(FREQUENT_NATIONALITIES);
    const option = (code: string) => ({ value: code, label: name(code) ?? code });
    return [
      { group: t('countries.frequent'), items: FREQUENT_NATIONALITIES.map(option) },
      {
        group: t('countries.all'),
        items: COUNTRY_CODES.filter((code) => !frequent.has(code))
          .map(option)
          .sort((a, b) => collator.compare(a.label, b.label)),
      },
    ];
  }, [t, language, name]);
}

export function spokenLanguageOptions(t: TFunction): { value: string; label: string }[] {
  return SPOKEN_LANGUAGES.map((code) => ({ value: code, label: t(`spokenLanguages.${code}`) }));
}

/** How a list names a person without her names: her alias, or her initials. */
export function shortName(item: Pick<VisitorListItem, 'alias' | 'initials'>): string | null {
  return item.alias ?? item.initials;
}

/** A birth-year band kept after an anonymisation (`1990-1994`), as its two ends. */
export function bandOf(band: string): { from: string; to: string } {
  const [from, to] = band.split('-');
  return { from, to: to ?? from };
}

export function fullName(fields: Pick<VisitorFields, 'firstName' | 'lastName'>): string | null {
  const name = [fields.firstName, fields.lastName].filter(Boolean).join(' ');
  return name || null;
}

/** A stored value of one identity field, in words (the edit history shows old and new values). */
export function useFieldValue() {
  const { t } = useTranslation();
  const country = useCountryName();
  const format = useDeskFormat();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('visitorFields.empty');
    switch (field) {
      case 'sex':
        return t(`sexes.${String(value)}`);
      case 'nationality':
        return country(String(value)) ?? String(value);
      case 'languages':
        return Array.isArray(value) && value.length > 0 ? value.map((code) => t(`spokenLanguages.${String(code)}`)).join(t('common.listSeparator')) : t('visitorFields.empty');
      case 'interpreterLanguage':
        return t(`spokenLanguages.${String(value)}`);
      case 'familySituation':
        return t(`familySituations.${String(value)}`);
      case 'housing':
        return t(`housingSituations.${String(value)}`);
      case 'phone':
        return formatPhone(String(value));
      case 'arrivalMonth':
        return format.month(String(value));
      default:
        if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
        return String(value);
    }
  };
}
