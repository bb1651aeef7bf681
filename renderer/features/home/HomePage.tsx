import { Badge, Button, Card, Group, Kbd, SimpleGrid, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { mayCall } from '../../../shared/contract/access';
import { useApi } from '../../app/api';
import { useDeskClock } from '../../app/useDeskClock';
import { useSession } from '../../app/desk';
import { destinationsFor, type Destination } from '../../app/navigation';
import { useDeskFormat } from '../../ui/format';
import type { IconName } from '../../ui/icon-paths';
import { Icon } from '../../ui/icons';
import { LIST_PAGE_WIDTH } from '../../ui/layout';
import { DraftItems, useResumableDrafts } from '../drafts/DraftsNotice';
import { HomeToday } from '../appointments/HomeToday';
import { HomeChildcare } from '../childcare/HomeChildcare';
import { isolatedT } from '../../ui/isolated';
import { LastBackupLine, OverdueBackupWarning } from '../backup-reminders/BackupReminder';
import { useBackupOverview } from '../backup-reminders/useBackupOverview';

/**
 * The search box of the home page: what she types is looked up on the visitors page,
 * which shows the answers as it does for its own box.
 */
function HomeSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const box = useRef<HTMLInputElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = box.current?.value.trim() ?? '';
    void navigate(text ? `/visitors?q=${encodeURIComponent(text)}` : '/visitors');
  };
  return (
    <form role="search" onSubmit={submit}>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <TextInput
          ref={box}
          flex={1}
          aria-label={t('visitors.search.label')}
          dir="auto"
          autoComplete="off"
          spellCheck={false}
          data-testid="home-search-input"
        />
        <Button type="submit" variant="light" leftSection={<Icon name="search" size={18} />}>
          {t('home.search.open')}
        </Button>
      </Group>
    </form>
  );
}

/** The places the home page starts from itself; the grid below offers the others. */
const STARTS: readonly Destination['key'][] = ['home', 'visitors', 'followUps'];

function StartCard({ icon, title, children, action, testId }: { icon: IconName; title: string; children: ReactNode; action: ReactNode; testId: string }) {
  return (
    <Card withBorder radius="lg" padding="lg" data-testid={testId}>
      <Stack gap="sm" h="100%">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" size={40} radius="md">
            <Icon name={icon} size={22} />
          </ThemeIcon>
          <Title order={3} size="h4">
            {title}
          </Title>
        </Group>
        <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
          {children}
        </Text>
        <Group>{action}</Group>
      </Stack>
    </Card>
  );
}

/** How many referrals wait for a follow-up today (null while it is being counted). */
function useFollowUpsDueToday(enabled: boolean, today: string | null): number | null {
  const api = useApi();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!enabled || !today) return;
    let current = true;
    void api.referrals.followUpsDue({ on: today }).then((result) => {
      if (current && result.ok) setCount(result.value.length);
    });
    return () => {
      current = false;
    };
  }, [api, enabled, today]);
  return count;
}

/**
 * Where a working day starts, for each role: find a person, register a new one, the
 * follow-ups due today, the forms left unfinished; then the other places her roles open.
 * Only what the router would let her call is offered.
 */
export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const format = useDeskFormat();
  // Today is main's, on the desk's calendar: the browser's zone data may put Nador an hour off (docs/ARCHITECTURE.md).
  const today = useDeskClock()?.today ?? null;
  const searches = mayCall(user, 'visitors.search');
  const registers = mayCall(user, 'visitors.register');
  const followsUp = mayCall(user, 'referrals.followUpsDue');
  const dueToday = useFollowUpsDueToday(followsUp, today);
  const drafts = useResumableDrafts();
  const places = destinationsFor(user).filter((destination) => !STARTS.includes(destination.key));
  const backups = useBackupOverview();
  // Whoever may back up is warned; everyone else only reads when it was done.
  const backsUp = mayCall(user, 'backups.create');

  return (
    <Stack gap="xl" maw={LIST_PAGE_WIDTH}>
      {backups && backsUp ? <OverdueBackupWarning overview={backups} /> : null}
      <Stack gap={6}>
        <Text c="dimmed" size="sm" data-testid="home-date">
          {today ? format.day(today) : null}
        </Text>
        <Title order={1} tabIndex={-1} size="h2">
          {isolatedT(t, 'home.greeting', { name: user.displayName }, ['name'])}
        </Title>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('home.yourRoles')}
          </Text>
          {user.roles.map((role) => (
            <Badge key={role} variant="light" data-testid="home-role">
              {t(`roles.${role}`)}
            </Badge>
          ))}
        </Group>
        {backups ? <LastBackupLine overview={backups} /> : null}
      </Stack>

      {searches || registers || followsUp ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
          {searches ? (
            <StartCard
              icon="search"
              title={t('home.search.title')}
              testId="home-search"
              action={<HomeSearch />}
            >
              {t('home.search.hint')}
            </StartCard>
          ) : null}
          {registers ? (
            <StartCard
              icon="userPlus"
              title={t('home.newVisitor.title')}
              testId="home-new-visitor"
              action={
                <Button component={Link} to="/visitors/new" leftSection={<Icon name="plus" size={18} />} aria-keyshortcuts="Alt+N">
                  {t('home.newVisitor.open')}
                </Button>
              }
            >
              {t('home.newVisitor.hint')} <Kbd size="xs">{t('shell.newVisitorShortcutKeys')}</Kbd>
            </StartCard>
          ) : null}
          {followsUp ? (
            <StartCard
              icon="calendarCheck"
              title={t('home.followUps.title')}
              testId="home-follow-ups"
              action={
                <Button component={Link} to="/follow-ups" variant="light">
                  {t('home.followUps.open')}
                </Button>
              }
            >
              <span data-testid="home-follow-ups-count">
                {dueToday === null ? t('home.followUps.counting') : dueToday === 0 ? t('followUps.empty') : t('home.followUps.count', { count: dueToday })}
              </span>
            </StartCard>
          ) : null}
        </SimpleGrid>
      ) : null}

      <HomeToday />
      <HomeChildcare />

      <Stack gap="sm" component="section" aria-labelledby="home-drafts">
        <Title order={2} size="h4" id="home-drafts">
          {t('home.drafts.title')}
        </Title>
        {drafts.length > 0 ? (
          <DraftItems drafts={drafts} />
        ) : (
          <Text size="sm" c="dimmed" data-testid="home-no-drafts">
            {t('home.drafts.none')}
          </Text>
        )}
      </Stack>

      {places.length > 0 ? (
        <Stack gap="sm" component="section" aria-labelledby="home-places">
          <Title order={2} size="h4" id="home-places">
            {t('home.places')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
            {places.map((place) => (
              <Card key={place.key} component={Link} to={place.path} withBorder radius="lg" padding="lg" className="guichet-card-link">
                <Stack gap="sm">
                  <ThemeIcon variant="light" size={44} radius="md">
                    <Icon name={place.icon} size={24} />
                  </ThemeIcon>
                  <Text fw={650} size="lg">
                    {t(`nav.${place.key}`)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t(`navDescriptions.${place.key}`)}
                  </Text>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      ) : null}
    </Stack>
  );
}
