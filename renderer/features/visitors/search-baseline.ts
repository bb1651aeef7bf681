import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { RECENT_LIMIT, SEARCH_LIMIT, type Listing, type VisitorSearch } from './visitor-search';

/**
 * The search as it was before issue 7: a fixed 150 ms debounce, then SEARCH_LIMIT rows,
 * each answer shown when it comes. Only the benchmark's baseline bundle uses it
 * (see `useVisitorSearch`), so that old and new are measured in one run.
 */
export function useDebouncedSearch(): VisitorSearch {
  const { t } = useTranslation();
  const api = useApi();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 150);
  const [listing, setListing] = useState<Listing>({ kind: 'loading' });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const text = debounced.trim();
    if (text === '') {
      void api.visitors.recent({ limit: RECENT_LIMIT }).then((result) => {
        if (!current) return;
        if (!result.ok) return setError(errorMessage(t, result.error));
        setError(null);
        setListing({ kind: 'recent', query: '', items: result.value });
      });
    } else {
      void api.visitors.search({ query: text, limit: SEARCH_LIMIT }).then((result) => {
        if (!current) return;
        if (!result.ok) return setError(errorMessage(t, result.error));
        setError(null);
        const found = result.value;
        setListing(found.status === 'tooShort' ? { kind: 'tooShort', query: text } : { kind: 'results', query: text, items: found.items, more: found.more });
      });
    }
    return () => {
      current = false;
    };
  }, [api, debounced, t]);

  return { listing, error, search: setQuery };
}
