import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/domain/accounts';

/** The three languages, each named in itself. */
export function LanguageSwitch({ value, onChange, disabled }: { value: Language; onChange(language: Language): void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('common.language')}
      value={value}
      onChange={(next) => onChange(next as Language)}
      disabled={disabled}
      data={LANGUAGES.map((language) => ({
        value: language,
        label: <span lang={language}>{t(`languageNames.${language}`)}</span>,
      }))}
    />
  );
}
