import { AppShell, Box, Button, Group, Kbd, Menu, NavLink, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Navigate, Route, Routes, useLocation } from 'react-router';
import { LANGUAGES, type Language } from '../../shared/domain/accounts';
import { AccountPage } from '../features/account/AccountPage';
import { AuditPage } from '../features/audit/AuditPage';
import { HomePage } from '../features/home/HomePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { UsersPage } from '../features/users/UsersPage';
import { Icon } from '../ui/icons';
import { useApi } from './api';
import { useDesk, useSession } from './desk';
import { errorMessage } from './i18n';
import { destinationsFor, DESTINATIONS, mayGo, type Destination } from './navigation';
import { notify } from '../ui/notify';

const PAGES: Record<Destination['key'], ComponentType> = {
  home: HomePage,
  account: AccountPage,
  users: UsersPage,
  audit: AuditPage,
  settings: SettingsPage,
};

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

  return (
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
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" dir="ltr">
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
        <Stack gap={4}>
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
        <Text mt="auto" pt="md" px="sm" size="xs" c="dimmed">
          {t('shell.version', { version: status.version })}
        </Text>
      </AppShell.Navbar>

      <AppShell.Main className="guichet-main">
        <Routes>
          {DESTINATIONS.map((destination) => {
            const Page = PAGES[destination.key];
            return (
              <Route
                key={destination.key}
                path={destination.path}
                element={mayGo(user, destination) ? <Page /> : <Navigate to="/" replace />}
              />
            );
          })}
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </AppShell.Main>
    </AppShell>
  );
}
