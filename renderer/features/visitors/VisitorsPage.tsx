import { ActionIcon, Button, Center, Group, Kbd, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../app/desk';
import { worksAtDesk } from '../../app/navigation';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';
import { LIST_PAGE_WIDTH } from '../../ui/layout';
import { SearchAnnouncement } from './SearchAnnouncement';
import { useVisitorSearch } from './useVisitorSearch';
import { VisitorList } from './VisitorList';

/** Not a word: the names of keys, as printed on them. */
const NEW_VISITOR_KEYS = 'Alt N';

/** The first row's link, once the list has drawn it (a list just mounted draws its rows a frame later). */
function focusFirstRow(attempt = 0): void {
  const link = document.querySelector<HTMLAnchorElement>('[data-testid="visitor-list"] [data-index="0"] a');
  if (link) link.focus();
  else if (attempt < 5) requestAnimationFrame(() => focusFirstRow(attempt + 1));
}

/** Finding someone: instant search by any fragment of code, name, alias or phone; names never listed. */
export function VisitorsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  // A search begun elsewhere (the home page's box) arrives as ?q=.
  const [params] = useSearchParams();
  const [query, setQuery] = useState(() => params.get('q') ?? '');
  /** Nothing is said to screen readers before the first keystroke (the page's own heading speaks first). */
  const [typed, setTyped] = useState(false);
  const { listing, error, search } = useVisitorSearch();
  const searchBox = useRef<HTMLInputElement>(null);
  /** Arrow down pressed before the answer to the box's text had arrived: go down once it has. */
  const focusWhenAnswered = useRef(false);

  const changeQuery = (value: string) => {
    setQuery(value);
    setTyped(true);
    focusWhenAnswered.current = false;
    search(value);
  };

  const items = listing.kind === 'recent' || listing.kind === 'results' ? listing.items : [];
  const shownQuery = listing.kind === 'loading' ? null : listing.query;
  // The rows on screen answer what the box holds (not an older text still being replaced).
  const answered = shownQuery === query.trim();

  useEffect(() => {
    if (!answered || !focusWhenAnswered.current) return;
    focusWhenAnswered.current = false;
    if ((listing.kind === 'recent' || listing.kind === 'results') && listing.items.length > 0) focusFirstRow();
  }, [answered, listing]);

  const asked = useRef(false);
  useEffect(() => {
    if (asked.current || !query) return;
    asked.current = true;
    setTyped(true);
    search(query);
  }, [query, search]);

  const backToSearch = useCallback(() => searchBox.current?.focus(), []);

  let status: string;
  if (listing.kind === 'loading') status = '';
  else if (listing.kind === 'tooShort') status = t('visitors.search.tooShort');
  else if (listing.kind === 'recent') status = items.length === 0 ? t('visitors.empty') : t('visitors.recent', { count: items.length });
  else if (items.length === 0) status = t('visitors.search.noResult', { query: listing.query });
  else if (listing.more) status = t('visitors.search.more', { count: items.length });
  else status = t('visitors.search.results', { count: items.length });

  return (
    <Stack maw={LIST_PAGE_WIDTH} gap={0}>
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
          onChange={(event) => changeQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && !answered) {
              // Never into rows of an older text: Enter there would open someone else's record.
              event.preventDefault();
              focusWhenAnswered.current = true;
            } else if (event.key === 'ArrowDown' && items.length > 0) {
              event.preventDefault();
              focusFirstRow();
            }
            if (event.key === 'Escape') changeQuery('');
          }}
          leftSection={<Icon name="search" size={18} />}
          rightSection={
            query ? (
              <ActionIcon variant="subtle" color="gray" aria-label={t('common.clear')} onClick={() => changeQuery('')}>
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
      <SearchAnnouncement message={typed ? status : ''} answering={shownQuery ?? ''} />
      {/* data-query: the text whose answer is on screen (recent activity: empty), for the search benchmark and the tests. */}
      <div data-testid="visitor-results" data-query={shownQuery ?? undefined} aria-busy={!answered}>
        <Group justify="space-between" mb="xs" mih={24}>
          <Text size="sm" c="dimmed" className={listing.kind === 'tooShort' ? 'guichet-hint' : undefined} data-testid="visitor-search-status">
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
            onLeaveTop={backToSearch}
          />
        ) : null}
      </div>
    </Stack>
  );
}
