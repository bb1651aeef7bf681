import { ActionIcon, Button, Center, Group, Kbd, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { VisitorListItem } from '../../../shared/domain/visitor-views';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { errorMessage } from '../../app/i18n';
import { worksAtDesk } from '../../app/navigation';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';
import { VisitorList } from './VisitorList';

const SEARCH_LIMIT = 500;
const RECENT_LIMIT = 50;
/** Not a word: the names of keys, as printed on them. */
const NEW_VISITOR_KEYS = 'Alt N';

type Listing =
  | { kind: 'loading' }
  | { kind: 'recent'; items: VisitorListItem[] }
  | { kind: 'tooShort' }
  | { kind: 'results'; query: string; items: VisitorListItem[]; more: boolean };

/** Finding someone: instant search by any fragment of code, name, alias or phone; names never listed. */
export function VisitorsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { user } = useSession();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 150);
  const [listing, setListing] = useState<Listing>({ kind: 'loading' });
  const [error, setError] = useState<string | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let current = true;
    const text = debounced.trim();
    if (text === '') {
      void api.visitors.recent({ limit: RECENT_LIMIT }).then((result) => {
        if (!current) return;
        if (!result.ok) return setError(errorMessage(t, result.error));
        setError(null);
        setListing({ kind: 'recent', items: result.value });
      });
    } else {
      void api.visitors.search({ query: text, limit: SEARCH_LIMIT }).then((result) => {
        if (!current) return;
        if (!result.ok) return setError(errorMessage(t, result.error));
        setError(null);
        const found = result.value;
        setListing(found.status === 'tooShort' ? { kind: 'tooShort' } : { kind: 'results', query: text, items: found.items, more: found.more });
      });
    }
    return () => {
      current = false;
    };
  }, [api, debounced, t]);

  const items = listing.kind === 'recent' || listing.kind === 'results' ? listing.items : [];
  const focusFirstRow = () => document.querySelector<HTMLAnchorElement>('[data-testid="visitor-list"] [data-index="0"] a')?.focus();

  let status: string;
  if (listing.kind === 'loading') status = '';
  else if (listing.kind === 'tooShort') status = t('visitors.search.tooShort');
  else if (listing.kind === 'recent') status = items.length === 0 ? t('visitors.empty') : t('visitors.recent', { count: items.length });
  else if (items.length === 0) status = t('visitors.search.noResult', { query: listing.query });
  else if (listing.more) status = t('visitors.search.more', { count: items.length });
  else status = t('visitors.search.results', { count: items.length });

  return (
    <Stack maw={1200} gap={0}>
      <PageHeader
        title={t('visitors.title')}
        description={t('visitors.intro')}
        actions={
          worksAtDesk(user) ? (
            <Button
              leftSection={<Icon name="userPlus" size={18} />}
              rightSection={<Kbd size="xs">{NEW_VISITOR_KEYS}</Kbd>}
              aria-keyshortcuts="Alt+N"
              onClick={() => navigate('/visitors/new')}
            >
              {t('visitors.new')}
            </Button>
          ) : undefined
        }
      />
      <Paper withBorder radius="lg" p="md" mb="md">
        <TextInput
          ref={searchBox}
          label={t('visitors.search.label')}
          description={t('visitors.search.hint')}
          placeholder={t('visitors.search.placeholder')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && items.length > 0) {
              event.preventDefault();
              focusFirstRow();
            }
            if (event.key === 'Escape') setQuery('');
          }}
          leftSection={<Icon name="search" size={18} />}
          rightSection={
            query ? (
              <ActionIcon variant="subtle" color="gray" aria-label={t('common.clear')} onClick={() => setQuery('')}>
                <Icon name="x" size={16} />
              </ActionIcon>
            ) : null
          }
          size="lg"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          data-testid="visitor-search"
        />
      </Paper>
      <Group justify="space-between" mb="xs" mih={24}>
        <Text size="sm" c="dimmed" className={listing.kind === 'tooShort' ? 'guichet-hint' : undefined} role="status" aria-live="polite" data-testid="visitor-search-status">
          {status}
        </Text>
      </Group>
      <ErrorAlert message={error} />
      {listing.kind === 'loading' ? (
        <Center p="xl">
          <Loader size="sm" aria-hidden="true" />
        </Center>
      ) : items.length > 0 ? (
        <VisitorList
          items={items}
          label={listing.kind === 'recent' ? t('visitors.recentLabel') : t('visitors.resultsLabel')}
          onLeaveTop={() => searchBox.current?.focus()}
        />
      ) : null}
    </Stack>
  );
}
