import type { ComboboxData } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES, FREQUENT_NATIONALITIES } from '../../../shared/domain/countries';
import { formatPhone } from '../../../shared/domain/phone';
import type { VisitorListItem } from '../../../shared/domain/visitor-views';
import { SPOKEN_LANGUAGES, type VisitorFields } from '../../../shared/domain/visitors';
import { VISITOR_FIELDS, type VisitorFieldName, type VisitorFieldSpec } from '../../../shared/domain/visitor-fields';
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

/** A stored value of one identity field, in words, as its entry in the field table says (the edit history shows old and new values too). */
export function useFieldValue() {
  const { t } = useTranslation();
  const country = useCountryName();
  const format = useDeskFormat();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('visitorFields.empty');
    const spec = VISITOR_FIELDS[field as VisitorFieldName] as VisitorFieldSpec | undefined;
    if (spec?.form === 'country') return country(String(value)) ?? String(value);
    if (spec?.form === 'languages') {
      return Array.isArray(value) && value.length > 0 ? value.map((code) => t(`${spec.labels}.${String(code)}`)).join(t('common.listSeparator')) : t('visitorFields.empty');
    }
    if (spec?.labels) return t(`${spec.labels}.${String(value)}`);
    if (spec?.form === 'phone') return formatPhone(String(value));
    if (spec?.form === 'month') return format.month(String(value));
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    return String(value);
  };
}
