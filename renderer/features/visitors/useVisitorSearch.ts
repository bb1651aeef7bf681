import { useDebouncedValue } from '@mantine/hooks';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/errors';
import { searchTerms } from '../../../shared/domain/search-text';
import type { VisitorListItem } from '../../../shared/domain/visitor-views';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { LatestOnly } from './latest-only';

/** The most rows a search lists (the contract's own maximum). */
export const SEARCH_LIMIT = 500;
/** What a keystroke asks for: more than a tall screen shows, few enough to come back at once. */
export const FIRST_ROWS = 50;
/** After this long without a keystroke, the rest of a long list (up to SEARCH_LIMIT) is fetched. */
const FILL_AFTER_MS = 400;
const RECENT_LIMIT = 50;

/** What the results region shows; `query` is the text it answers ('' for recent activity). */
export type Listing =
  | { kind: 'loading' }
  | { kind: 'recent'; query: ''; items: VisitorListItem[] }
  | { kind: 'tooShort'; query: string }
  | { kind: 'results'; query: string; items: VisitorListItem[]; more: boolean };

export interface VisitorSearch {
  listing: Listing;
  error: string | null;
  /** Called with the box's text at every change. */
  search(text: string): void;
}

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
        performance.mark('send', { detail: text });
        const result = await api.visitors.search({ query: text, limit });
        performance.mark('answer', { detail: text });
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
 * The previous behaviour, a fixed 150 ms debounce and SEARCH_LIMIT rows at every pause,
 * kept only for `npm run bench:search` to measure side by side (`?search=debounced`).
 */
function useDebouncedSearch(): VisitorSearch {
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

/**
 * The shell only ever loads `app://guichet/index.html`, without a query string, and the
 * app's own navigation changes only the hash: nothing in the app can set this. Were it
 * set, it would only bring the slower search back; it reads or shows nothing more.
 */
const BENCH_OLD_SEARCH = new URLSearchParams(globalThis.location?.search ?? '').get('search') === 'debounced';

/** Searching visitors as the box changes (decided once, when the page loads). */
export const useVisitorSearch: () => VisitorSearch = BENCH_OLD_SEARCH ? useDebouncedSearch : useInstantSearch;
