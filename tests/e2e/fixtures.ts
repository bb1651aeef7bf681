import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { Desk } from '../../main/core/desk';
import { createDeskRouter } from '../../main/core/handlers';
import type { Router } from '../../main/core/router';
import { KDF_FLOOR } from '../../main/core/vault/kdf';
import type { DeskEvent, InputOf, OutputOf, ProcedureName } from '../../shared/contract';
import type { Language, Role } from '../../shared/domain/accounts';
import type { Result } from '../../shared/errors';
import { APP_URL, assertRendererBuilt, bindRenderer } from '../support/renderer-page';

/**
 * The e2e harness: the built renderer (out/renderer) in Debian's Chromium, served
 * from a fake origin by `context.route`, with `window.api` bound through
 * `exposeBinding` to the real router over a real Desk (SQLCipher database, vault)
 * in a temporary folder of this test process. No mock and no second code path:
 * the page gets the very `createWindowApi` the preload uses (tests/support/renderer-page.ts).
 */

export { APP_URL, ORIGIN } from '../support/renderer-page';
export const SCREENS_DIR = resolve(import.meta.dirname, '../../test-results/screens');

export const ADMIN = { login: 'amina', displayName: 'Amina Benali', password: 'la porte ouvre a neuf heures', organisationName: 'Association Tadamon – Nador' };

export interface Staff {
  id: number;
  login: string;
  displayName: string;
  password: string;
}

export interface Harness {
  dataDir: string;
  readonly desk: Desk;
  router: Router;
  /** Moves the desk's clock (throttle delays) without touching the page's. */
  advanceDeskClock(ms: number): void;
  /** Sets the desk's clock to `instant` (it runs on from there), for a test about given days. */
  setDeskClock(instant: Date): void;
  /** Calls the router directly, as the test's own hands (seeding data). */
  call<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<Result<OutputOf<N>>>;
  ok<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<OutputOf<N>>;
  /** Closes the desk and opens the same folder again, as after a restart of the app. */
  restart(): void;
  /** Loads the app in the page. */
  open(): Promise<void>;
  /** Sends a desk event to the page, as main does over IPC. */
  emit(event: DeskEvent): Promise<void>;
  /** Sets the folder up with the first administrator (session left open); returns the recovery key. */
  seedAdmin(language?: Language): Promise<string>;
  /** Creates a user who has already chosen her own password. Needs an admin session; leaves it open. */
  seedUser(login: string, displayName: string, roles: Role[], language?: Language): Promise<Staff>;
  /**
   * Holds the next backup job when it reaches `stage` (its first step past zero bytes), so
   * the page can be seen mid-way; `reached` resolves then, `release()` lets it go on.
   */
  holdBackup(stage: 'snapshot' | 'write' | 'verify' | 'safetyCopy' | 'restore'): { reached: Promise<void>; release(): void };
  /** Requests the page tried to make outside the app's origin (should stay empty). */
  outsideRequests: string[];
  /** Errors the page reported (console errors, uncaught exceptions, CSP violations). */
  pageErrors: string[];
}

export const test = base.extend<{ harness: Harness }>({
  harness: async ({ page, context }, use, testInfo) => {
    assertRendererBuilt();
    // The data folder inside a folder of its own: what the desk keeps beside it (a restore's safety copies) goes with it.
    const home = mkdtempSync(join(tmpdir(), 'guichet-e2e-'));
    const dataDir = join(home, 'data');
    let clockOffset = 0;
    let pace: ((progress: { stage: string; done: number }) => Promise<void>) | null = null;
    let finished = false;
    const openDesk = () =>
      Desk.open({
        dataDir,
        kdfCost: KDF_FLOOR,
        appVersion: '0.1.0',
        now: () => new Date(Date.now() + clockOffset),
        backupPace: (progress) => pace?.(progress) ?? Promise.resolve(),
        // As main does: tell the window when the desk locked by itself.
        onEvent: (event) => {
          if (!finished) void emit(event).catch(() => undefined);
        },
      });
    let desk = openDesk();
    const router = createDeskRouter((line) => console.error(line));
    const outsideRequests: string[] = [];
    const pageErrors: string[] = [];

    // `router.dispatch` is looked up at each call, so a test may wrap it (to slow one answer, say).
    const binding = await bindRenderer(context, page, (name, input) => router.dispatch(desk, name, input), (url) => outsideRequests.push(url));
    const emit = (event: DeskEvent) => binding.emit(event);

    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
    });

    const call = <N extends ProcedureName>(name: N, input: InputOf<N>) =>
      router.dispatch(desk, name, input) as Promise<Result<OutputOf<N>>>;
    const ok = async <N extends ProcedureName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> => {
      const result = await call(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${JSON.stringify(result.error.fields ?? {})}`);
      return result.value;
    };

    const harness: Harness = {
      dataDir,
      get desk() {
        return desk;
      },
      router,
      advanceDeskClock: (ms) => {
        clockOffset += ms;
      },
      setDeskClock: (instant) => {
        clockOffset = instant.getTime() - Date.now();
      },
      call,
      ok,
      restart: () => {
        desk.close();
        desk = openDesk();
      },
      open: async () => {
        await page.goto(APP_URL);
      },
      emit,
      seedAdmin: async (language = 'fr') => {
        const setup = await ok('setup.create', { ...ADMIN, language });
        return setup.recoveryKey;
      },
      seedUser: async (login, displayName, roles, language = 'fr') => {
        const created = await ok('users.create', { login, displayName, roles, language });
        const password = `${login} garde la clef du local`;
        await ok('auth.login', { login, password: created.oneTimePassword });
        await ok('account.changePassword', { currentPassword: created.oneTimePassword, newPassword: password });
        await ok('auth.login', { login: ADMIN.login, password: ADMIN.password });
        return { id: created.user.id, login, displayName, password };
      },
      holdBackup: (stage) => {
        let release = () => {};
        const gate = new Promise<void>((resolve) => (release = resolve));
        let reached = () => {};
        const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
        pace = async (progress) => {
          if (progress.stage !== stage || progress.done === 0) return;
          pace = null;
          reached();
          await gate;
        };
        return { reached: reachedPromise, release: () => release() };
      },
      outsideRequests,
      pageErrors,
    };

    await use(harness);

    // The test is over: the shutdown lock is not announced to a page that is closing.
    finished = true;
    desk.close();
    rmSync(home, { recursive: true, force: true });
    if (testInfo.status === testInfo.expectedStatus) {
      expect(outsideRequests, 'requests outside the app').toEqual([]);
      expect(pageErrors, 'errors in the page').toEqual([]);
    }
  },
});

export { expect };

/** The little of the page's DOM that `settled` reads (the tests compile without the DOM library). */
interface PageDocument {
  fonts: { ready: Promise<unknown> };
  getAnimations(): { playState: string; effect: { getComputedTiming(): { iterations?: number | null } } | null }[];
}
interface SettleWindow {
  document: PageDocument;
  __guichetQuietFrames?: number;
}

/**
 * Waits for a still screen: fonts in, and no transition or finite animation running two
 * frames in a row. Mantine fades its modals, menus and toasts in and out; a screenshot or
 * axe taken mid-fade sees half-transparent text (contrast) or a closing menu.
 * Spinners (infinite animations) do not count: they never end.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as SettleWindow).document.fonts.ready);
  await page.evaluate(() => {
    (globalThis as unknown as SettleWindow).__guichetQuietFrames = 0;
  });
  await page.waitForFunction(
    () => {
      const w = globalThis as unknown as SettleWindow;
      const moving = w.document
        .getAnimations()
        .some((animation) => animation.playState === 'running' && animation.effect?.getComputedTiming().iterations !== Infinity);
      w.__guichetQuietFrames = moving ? 0 : (w.__guichetQuietFrames ?? 0) + 1;
      return w.__guichetQuietFrames >= 2;
    },
    undefined,
    { polling: 'raf' },
  );
}

/**
 * Closes the toasts of the last actions, so that they neither cover a screen nor fade out
 * under axe. All in one go: clicked one by one, the locator of the second close button
 * could point past the list once the first toast had left, and that click waited out the test.
 */
export async function closeToasts(page: Page): Promise<void> {
  const toasts = page.locator('.mantine-Notification-root');
  await toasts.getByRole('button').evaluateAll((buttons: { click(): void }[]) => {
    for (const button of buttons) button.click();
  });
  await expect(toasts).toHaveCount(0);
}

/**
 * Saves `test-results/screens/<lang>-<name>.png` once the screen is settled and the
 * focus ring of the last click gone.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const lang = await page.locator('html').getAttribute('lang');
  await settled(page);
  await page.screenshot({ path: join(SCREENS_DIR, `${lang}-${name}.png`), animations: 'disabled' });
}

/** axe on the page once it is settled: no serious or critical violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const grave = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}: ${node.html.slice(0, 160)} — ${(node.failureSummary ?? '').slice(0, 240)}`),
    }));
  expect(grave, `accessibility of ${screen}`).toEqual([]);
}

/** The web fonts the page has actually loaded (all bundled: nothing is fetched from outside). */
export async function loadedFontFamilies(page: Page): Promise<string[]> {
  await page.evaluate(() => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready);
  return page.evaluate(() => {
    const fonts = (globalThis as unknown as { document: { fonts: Iterable<{ family: string; status: string }> } }).document.fonts;
    return [...new Set([...fonts].filter((font) => font.status === 'loaded').map((font) => font.family.replace(/["']/g, '')))].sort();
  });
}
