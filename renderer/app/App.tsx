import { Center, Loader, useDirection } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/ar-ma';
import 'dayjs/locale/fr';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { DeskStatus } from '../../shared/contract/app';
import type { SessionUser } from '../../shared/domain/accounts';
import type { ErrorInfo, Result } from '../../shared/errors';
import { pickerLocaleOf } from '../ui/dates';
import { ForcedPasswordChange } from '../features/auth/ForcedPasswordChange';
import { LockScreen } from '../features/auth/LockScreen';
import { LoginScreen } from '../features/auth/LoginScreen';
import { BrokenScreen } from '../features/broken/BrokenScreen';
import { RecoveryKeyScreen } from '../features/setup/RecoveryKeyScreen';
import { SetupScreen } from '../features/setup/SetupScreen';
import { ApiContext, createApiClient } from './api';
import { DeskContext, type DeskContextValue, type LockReason } from './desk';
import { directionOf, i18n } from './i18n';
import { SessionGuard } from './SessionGuard';
import { Shell } from './Shell';

/**
 * The gate: which screen the desk's state allows. Locking hides the content at
 * once (before main even answers); any call answered with `auth.locked` does the
 * same. The route (in the URL hash) survives a lock, so the same person comes back
 * where she was; someone else starts at home.
 */
export function App() {
  const raw = window.api;
  const navigate = useNavigate();
  const { setDirection } = useDirection();
  const [status, setStatus] = useState<DeskStatus | null>(null);
  const [hidden, setHidden] = useState(false);
  const [switchingUser, setSwitchingUser] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  // The desk locked but could not record it (a full disk): said on the lock screen.
  const [lockProblem, setLockProblem] = useState<ErrorInfo | null>(null);

  const apply = useCallback((result: Result<DeskStatus> | null) => {
    if (!result?.ok) {
      setLoadFailed(true);
      return null;
    }
    setLoadFailed(false);
    setStatus(result.value);
    if (result.value.state.kind !== 'open') setHidden(false);
    return result.value;
  }, []);

  const refresh = useCallback(
    () =>
      raw.app
        .status({})
        .catch(() => null)
        .then(apply),
    [raw, apply],
  );

  const hide = useCallback(() => {
    setHidden(true);
    notifications.clean();
    void refresh();
  }, [refresh]);

  const api = useMemo(
    () =>
      createApiClient(raw, (error: ErrorInfo) => {
        if (error.code === 'auth.locked') hide();
        else if (error.code === 'auth.passwordChangeRequired') void refresh();
      }),
    [raw, hide, refresh],
  );

  // One set for the App's life, filled and emptied by the forms that keep drafts.
  const [flushers] = useState(() => new Set<() => Promise<unknown> | void>());
  const beforeLock = useCallback(
    (flush: () => Promise<unknown> | void) => {
      flushers.add(flush);
      return () => {
        flushers.delete(flush);
      };
    },
    [flushers],
  );

  const lock = useCallback(
    (reason: LockReason) => {
      // Hidden first: the content (toasts included) must not stay on screen while main locks.
      setHidden(true);
      notifications.clean();
      // Drafts being typed are sent before the lock (their calls leave now, in order), then the keys go.
      const pending = [...flushers].map((flush) => {
        try {
          return flush();
        } catch {
          return undefined;
        }
      });
      void Promise.allSettled(pending)
        .then(() => api.auth.lock({ reason }))
        .then((result) => {
          if (!result.ok && result.error.code !== 'auth.locked') setLockProblem(result.error);
          return refresh();
        });
    },
    [api, refresh, flushers],
  );

  useEffect(() => {
    void raw.app
      .status({})
      .catch(() => null)
      .then(apply);
  }, [raw, apply]);

  useEffect(
    () =>
      raw.onEvent((event) => {
        if (event.type === 'locked') hide();
      }),
    [raw, hide],
  );

  const language = status?.state.kind === 'open' ? status.state.user.language : (status?.deskLanguage ?? 'fr');
  useLayoutEffect(() => {
    const dir = directionOf(language);
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    document.documentElement.dir = dir;
    setDirection(dir);
  }, [language, setDirection]);

  const signedIn = useCallback(
    (user: SessionUser, previousLogin: string | null) => {
      if (user.login !== previousLogin) navigate('/', { replace: true });
      setHidden(false);
      setLockProblem(null);
      setSwitchingUser(false);
      void refresh();
    },
    [navigate, refresh],
  );

  const switchUser = useCallback(() => {
    setSwitchingUser(true);
    notifications.clean();
    if (status?.state.kind === 'open') void api.auth.lock({ reason: 'switchUser' }).then(() => refresh());
  }, [api, refresh, status]);

  const desk = useMemo<DeskContextValue | null>(
    () => (status ? { status, language, refresh, lock, beforeLock } : null),
    [status, language, refresh, lock, beforeLock],
  );

  if (!status || !desk) {
    return loadFailed ? (
      <BrokenScreen code="call.internal" onRetry={() => void refresh()} />
    ) : (
      <Center mih="100vh">
        <Loader aria-hidden="true" />
      </Center>
    );
  }

  const state = status.state;
  let screen;
  if (state.kind === 'broken') {
    screen = <BrokenScreen code={state.code} onRetry={() => void refresh()} />;
  } else if (state.kind === 'setup') {
    screen = <SetupScreen onCreated={(key) => setRecoveryKey(key)} />;
  } else if (state.kind === 'open' && hidden) {
    screen = <LockScreen login={state.user.login} onUnlocked={signedIn} onSwitchUser={switchUser} problem={lockProblem} />;
  } else if (state.kind === 'open' && recoveryKey) {
    screen = <RecoveryKeyScreen recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />;
  } else if (state.kind === 'locked') {
    screen =
      state.lastLogin && !switchingUser ? (
        <LockScreen login={state.lastLogin} onUnlocked={signedIn} onSwitchUser={switchUser} problem={lockProblem} />
      ) : (
        <LoginScreen previousLogin={state.lastLogin} onSignedIn={signedIn} />
      );
  } else if (state.user.mustChangePassword) {
    screen = (
      <SessionGuard>
        <ForcedPasswordChange onSwitchUser={switchUser} />
      </SessionGuard>
    );
  } else {
    screen = (
      <SessionGuard>
        <Shell />
      </SessionGuard>
    );
  }

  return (
    <ApiContext.Provider value={api}>
      <DeskContext.Provider value={desk}>
        {/* The pickers speak her language; weeks start on Monday, as at the desk. */}
        <DatesProvider settings={{ locale: pickerLocaleOf(language), firstDayOfWeek: 1 }}>{screen}</DatesProvider>
      </DeskContext.Provider>
    </ApiContext.Provider>
  );
}
