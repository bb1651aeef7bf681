import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/errors';
import { searchTerms } from '../../../shared/domain/search-text';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { LatestOnly } from './latest-only';
import { useDebouncedSearch } from './search-baseline';
import { FIRST_ROWS, RECENT_LIMIT, SEARCH_LIMIT, type Listing, type VisitorSearch } from './visitor-search';

/** After this long without a keystroke, the rest of a long list (up to SEARCH_LIMIT) is fetched. */
const FILL_AFTER_MS = 400;

type Answer = { listing: Listing } | { error: string };

/**
 * Search as you type, without a fixed delay: each keystroke asks at once, with at most
 * one call in flight and the latest text waiting (LatestOnly); an answer for a text the
 * box no longer holds is dropped. Fewer than 3 searchable characters say so at once,
 * without asking. Answers are painted in a transition, so a keystroke never waits for
 * the list to render. A keystroke asks for FIRST_ROWS rows; once typing pauses, a
 * longer list is completed up to SEARCH_LIMIT.
 */
function useInstantSearch(): VisitorSearch {
  const { t } = useTranslation();
  const api = useApi();
  const [listing, setListing] = useState<Listing>({ kind: 'loading' });
  const [error, setError] = useState<string | null>(null);
  const calls = useRef<LatestOnly<Answer> | null>(null);
  const fillTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The box's text, and the trimmed text last asked about (a space typed asks nothing new). */
  const typed = useRef('');
  const asked = useRef<string | null>(null);
  // The latest translator, for answers that arrive after a change of language.
  const translate = useRef(t);
  useEffect(() => {
    translate.current = t;
  }, [t]);

  const search = useCallback(
    (raw: string) => {
      typed.current = raw;
      const queue = calls.current;
      const text = raw.trim();
      if (!queue || text === asked.current) return;
      asked.current = text;
      clearTimeout(fillTimer.current);
      const failed = (result: { error: ErrorInfo }): Answer => ({ error: errorMessage(translate.current, result.error) });
      if (text === '') {
        queue.want('recent', async () => {
          const result = await api.visitors.recent({ limit: RECENT_LIMIT });
          return result.ok ? { listing: { kind: 'recent', query: '', items: result.value } } : failed(result);
        });
        return;
      }
      if (searchTerms(text).length === 0) {
        queue.forget();
        setError(null);
        setListing({ kind: 'tooShort', query: text });
        return;
      }
      const ask = (limit: number) => async (): Promise<Answer> => {
        const result = await api.visitors.search({ query: text, limit });
        if (!result.ok) return failed(result);
        const found = result.value;
        if (found.status === 'tooShort') return { listing: { kind: 'tooShort', query: text } };
        if (found.more && limit < SEARCH_LIMIT) {
          // Once typing has paused, the rows below the first ones, unless the box has changed by then.
          clearTimeout(fillTimer.current);
          fillTimer.current = setTimeout(() => {
            if (queue.isWanted(`first:${text}`)) queue.want(`all:${text}`, ask(SEARCH_LIMIT));
          }, FILL_AFTER_MS);
        }
        return { listing: { kind: 'results', query: text, items: found.items, more: found.more } };
      };
      queue.want(`first:${text}`, ask(FIRST_ROWS));
    },
    [api],
  );

  useEffect(() => {
    const queue = new LatestOnly<Answer>((_key, answer) =>
      startTransition(() => {
        if ('error' in answer) return setError(answer.error);
        setError(null);
        setListing(answer.listing);
      }),
    );
    calls.current = queue;
    asked.current = null;
    search(typed.current);
    return () => {
      clearTimeout(fillTimer.current);
      queue.close();
      calls.current = null;
    };
  }, [search]);

  return { listing, error, search };
}

/**
 * The app's bundle holds only the instant search: Vite replaces `import.meta.env.MODE`
 * when it builds, so the comparison folds away. `npm run bench:search` also builds a
 * bundle in the mode 'search-baseline' to measure the old debounce beside it.
 */
export const useVisitorSearch: () => VisitorSearch = import.meta.env.MODE === 'search-baseline' ? useDebouncedSearch : useInstantSearch;
