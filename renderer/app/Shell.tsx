import { AppShell, Box, Button, Group, Kbd, Menu, NavLink, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, type ComponentType, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { LANGUAGES, type Language } from '../../shared/domain/accounts';
import { AccountPage } from '../features/account/AccountPage';
import { AppointmentsSection } from '../features/appointments/AppointmentsSection';
import { CallsPage, MyDayPage, ReassignPage, TodayPage } from '../features/appointments/DayPages';
import { ChildcareSection } from '../features/childcare/ChildcareSection';
import { AnonymisationPage } from '../features/anonymisation/AnonymisationPage';
import { AuditPage } from '../features/audit/AuditPage';
import { BackupsPage } from '../features/backups/BackupsPage';
import { AvailabilitySection } from '../features/availability/AvailabilitySection';
import { MyHoursPage } from '../features/availability/MyHoursPage';
import { DraftsProvider } from '../features/drafts/DraftsContext';
import { DraftsNotice } from '../features/drafts/DraftsNotice';
import { FollowUpsPage } from '../features/followups/FollowUpsPage';
import { HomePage } from '../features/home/HomePage';
import { InterpretersPage } from '../features/interpreters/InterpretersPage';
import { PlacesSection } from '../features/places/PlacesSection';
import { PartnersPage } from '../features/referrals/PartnersPage';
import { SessionKindsPage } from '../features/session-kinds/SessionKindsPage';
import { ActivitiesSection } from '../features/activities/ActivitiesSection';
import { ActivityKindsPage } from '../features/activities/ActivityKindsPage';
import { EventsSection } from '../features/events/EventsSection';
import { SettingsPage } from '../features/settings/SettingsPage';
import { UsersPage } from '../features/users/UsersPage';
import { VisitorsSection } from '../features/visitors/VisitorsSection';
import { DriveOffer } from '../features/backup-reminders/DriveOffer';
import { BreakGlassNotices } from '../features/notes/BreakGlassNotices';
import { NotesAccessPage } from '../features/notes/NotesAccessPage';
import { NotesClosedNotice } from '../features/notes/NotesClosedBanner';
import { NotesSection } from '../features/notes/NotesSection';
import { mayCall } from '../../shared/contract/access';
import { Icon } from '../ui/icons';
import { useApi } from './api';
import { useDesk, useSession } from './desk';
import { errorMessage } from './i18n';
import { destinationsFor, DESTINATIONS, mayGo, worksAtDesk, type Destination } from './navigation';
import { notify } from '../ui/notify';
import { usePageFocus } from './usePageFocus';

const PAGES: Record<Destination['key'], ComponentType> = {
  home: HomePage,
  visitors: VisitorsSection,
  followUps: FollowUpsPage,
  partners: PartnersPage,
  myHours: MyHoursPage,
  account: AccountPage,
  users: UsersPage,
  places: PlacesSection,
  sessionKinds: SessionKindsPage,
  activityKinds: ActivityKindsPage,
  activities: ActivitiesSection,
  events: EventsSection,
  interpreters: InterpretersPage,
  teamHours: AvailabilitySection,
  anonymisation: AnonymisationPage,
  audit: AuditPage,
  settings: SettingsPage,
  backups: BackupsPage,
  schedule: AppointmentsSection,
  today: TodayPage,
  myDay: MyDayPage,
  calls: CallsPage,
  childcare: ChildcareSection,
  reassign: ReassignPage,
  notesAccess: NotesAccessPage,
};

const MAIN_ID = 'guichet-main';

/** Alt+N opens a new registration from anywhere (the key's place, whatever the keyboard's language). */
function NewVisitorShortcut() {
  const navigate = useNavigate();
  useHotkeys([['alt+N', () => navigate('/visitors/new'), { preventDefault: true, usePhysicalKeys: true }]], []);
  return null;
}

function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform);
}

function LanguageMenu() {
  const { t } = useTranslation();
  const api = useApi();
  const { refresh, language } = useDesk();
  const choose = async (next: Language) => {
    if (next === language) return;
    const result = await api.account.setLanguage({ language: next });
    if (!result.ok) notify(t, 'error', errorMessage(t, result.error));
    await refresh();
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="gray" leftSection={<Icon name="language" size={18} />}>
          <VisuallyHidden>{t('shell.changeLanguage')}</VisuallyHidden>
          <span lang={language}>{t(`languageNames.${language}`)}</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LANGUAGES.map((option) => (
          <Menu.Item key={option} onClick={() => void choose(option)} aria-current={option === language ? 'true' : undefined}>
            <span lang={option}>{t(`languageNames.${option}`)}</span>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The frame of an open session: the app's name, who is here, the lock; the places her roles open. */
export function Shell() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { lock, status } = useDesk();
  const location = useLocation();
  const allowed = destinationsFor(user);
  const shortcut = isMac() ? '⌘ L' : t('shell.lockShortcutKeys');
  const main = useRef<HTMLElement>(null);
  usePageFocus(main);
  const navList = useRef<HTMLDivElement>(null);
  // A page opened from a link elsewhere (a home page card, a profile) shows where she is, even far down a list that scrolls.
  useEffect(() => {
    navList.current?.querySelector<HTMLElement>('[data-active]')?.scrollIntoView({ block: 'nearest' });
  }, [location.pathname]);
  // The router lives in the URL's hash: the link's own #target would be read as a route.
  const skipToContent = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    main.current?.focus();
  };

  return (
    <DraftsProvider>
    {worksAtDesk(user) ? <NewVisitorShortcut /> : null}
    {mayCall(user, 'backups.drives') ? <DriveOffer /> : null}
    <a href={`#${MAIN_ID}`} className="guichet-skip-link" onClick={skipToContent}>
      {t('shell.skipToContent')}
    </a>
    <AppShell header={{ height: 64 }} navbar={{ width: 248, breakpoint: 0 }} padding="xl">
      <AppShell.Header className="guichet-header">
        <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Box className="guichet-logo" aria-hidden="true">
              <Icon name="shield" size={24} />
            </Box>
            <Title order={2} size="h3">
              {t('app.name')}
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Stack gap={0} align="flex-end" className="guichet-whoami">
              <Text fw={600} size="sm" data-testid="shell-user">
                <bdi>{user.displayName}</bdi>
              </Text>
              {/* A login may be written in Arabic letters: its own direction, not the page's. */}
              <Text size="xs" c="dimmed" dir="auto">
                {user.login}
              </Text>
            </Stack>
            <LanguageMenu />
            <Button
              onClick={() => lock('button')}
              leftSection={<Icon name="lock" size={18} />}
              rightSection={<Kbd size="xs">{shortcut}</Kbd>}
              aria-keyshortcuts="Control+L"
            >
              {t('shell.lock')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('shell.navigation')}>
        {/* An administrator's pages outgrow a 720 px high window: the list scrolls, the version stays. */}
        <AppShell.Section grow className="guichet-navlist" ref={navList}>
          <Stack gap={2}>
            {allowed.map((destination) => (
              <NavLink
                key={destination.key}
                component={RouterLink}
                to={destination.path}
                end={destination.path === '/'}
                label={t(`nav.${destination.key}`)}
                leftSection={<Icon name={destination.icon} />}
                active={destination.path === '/' ? location.pathname === '/' : location.pathname.startsWith(destination.path)}
                variant="light"
                className="guichet-navlink"
              />
            ))}
          </Stack>
        </AppShell.Section>
        <Text pt="xs" px="sm" size="xs" c="dimmed">
          {t('shell.version', { version: status.version })}
        </Text>
      </AppShell.Navbar>

      <AppShell.Main className="guichet-main" id={MAIN_ID} ref={main} tabIndex={-1}>
        <DraftsNotice />
        <BreakGlassNotices />
        {mayCall(user, 'notes.status') && !/\/notes(\/|$)/.test(location.pathname) ? <NotesClosedNotice /> : null}
        <Routes>
          {DESTINATIONS.map((destination) => {
            const Page = PAGES[destination.key];
            return (
              <Route
                key={destination.key}
                // A feature may hold pages of its own below its path (/visitors/42).
                path={destination.path === '/' ? '/' : `${destination.path}/*`}
                element={mayGo(user, destination) ? <Page /> : <Navigate to="/" replace />}
              />
            );
          })}
          {/* A psychologist's notes: reached from a visitor's notes, or from a done appointment. */}
          <Route path="/notes/*" element={mayCall(user, 'notes.get') ? <NotesSection /> : <Navigate to="/" replace />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </AppShell.Main>
    </AppShell>
    </DraftsProvider>
  );
}
