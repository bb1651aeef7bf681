import { useTranslation } from 'react-i18next';

/**
 * The props every searchable choice list shares (nationality, languages, partner…):
 * type to filter, Enter takes the first match, a labelled clear button, and a
 * translated "nothing found".
 */
export function useSearchableChoice() {
  const { t } = useTranslation();
  return {
    searchable: true,
    clearable: true,
    clearButtonProps: { 'aria-label': t('common.clear') },
    selectFirstOptionOnChange: true,
    nothingFoundMessage: t('common.nothingFound'),
  } as const;
}
