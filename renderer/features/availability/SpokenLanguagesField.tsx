import type { MultiSelectProps } from '@mantine/core';
import { useMemo } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SPOKEN_LANGUAGES } from '../../../shared/domain/visitors';
import { MultiSelectField, type Bound } from '../../ui/fields';

/** The languages a person speaks, chosen among the field's (`spokenLanguages.*`): typed to filter, Enter to take. */
export function SpokenLanguagesField<T extends FieldValues>(props: Bound<T> & Omit<MultiSelectProps, 'name' | 'value' | 'defaultValue' | 'onChange' | 'error' | 'data'>) {
  const { t } = useTranslation();
  const data = useMemo(() => SPOKEN_LANGUAGES.map((value) => ({ value, label: t(`spokenLanguages.${value}`) })), [t]);
  return <MultiSelectField searchable selectFirstOptionOnChange hidePickedOptions maxValues={10} nothingFoundMessage={t('common.nothingFound')} {...props} data={data} />;
}
