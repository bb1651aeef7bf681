import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { VisitorListItem } from '../../../shared/domain/visitor-views';
import { useApi } from '../../app/api';
import { useBoundField, type Bound } from '../../ui/fields';

/** How a visitor is named on the desk's boards: her code, and her initials or alias when known. */
export function visitorChoiceLabel(visitor: Pick<VisitorListItem, 'code' | 'initials' | 'alias'>): string {
  const name = visitor.alias ?? visitor.initials;
  return name ? `${visitor.code} · ${name}` : visitor.code;
}

/** The visitor of a booking, found by what the desk types (code, name, alias, phone), as on the visitors page. */
export function VisitorPicker<T extends FieldValues>({ name, control, label, initial }: Bound<T> & { label: string; initial: VisitorListItem | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const { field, ref, error } = useBoundField({ name, control });
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 200);
  const [found, setFound] = useState<VisitorListItem[]>(initial ? [initial] : []);

  useEffect(() => {
    if (query.trim().length < 2) return;
    let current = true;
    void api.visitors.search({ query, limit: 20 }).then((result) => {
      if (current && result.ok && result.value.status === 'ok') setFound(result.value.items.filter((v) => !v.anonymised));
    });
    return () => {
      current = false;
    };
  }, [api, query]);

  const value = field.value as number | undefined | null;
  return (
    <Select
      ref={ref}
      label={label}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={found.map((v) => ({ value: String(v.id), label: visitorChoiceLabel(v) }))}
      value={value ? String(value) : null}
      onChange={(next) => field.onChange(next ? Number(next) : undefined)}
      onBlur={field.onBlur}
      nothingFoundMessage={query.trim().length >= 2 ? t('common.nothingFound') : t('appointments.book.typeToSearch')}
      error={error}
      data-testid="booking-visitor"
    />
  );
}
