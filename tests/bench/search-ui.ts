/**
 * The last section of `npm run bench` (alone: `npm run bench:search`): keystroke to
 * painted results on the Visitors screen, in Debian's Chromium, over the real router and a real encrypted desk of
 * GUICHET_BENCH_VISITORS synthetic visitors (default 100,000). The renderer is
 * served exactly as in the e2e suite (tests/support/renderer-page.ts).
 *
 * Per keystroke from the third character of a fragment: from the key event (its
 * `timeStamp`, marked with `performance.mark` in the page) to the end of the first frame
 * whose results region says, by its `data-query`, that it shows the answer to what the
 * box then held. A keystroke whose query never reached the screen because a newer key
 * came first is counted apart ("never painted"), never as a time.
 *
 * The old behaviour (a fixed 150 ms debounce) and the current one run side by side in
 * one run, rounds interleaved, on the same desk: the renderer is built twice into a
 * temporary folder, once as the app ships it and once in the mode 'search-baseline',
 * which only this bench builds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import playwrightConfig from '../../playwright.config';
import { rendererConfig } from '../../vite.renderer.config';
import { Desk } from '../../main/core/desk';
import { createDeskRouter } from '../../main/core/handlers';
import { setUpDesk } from '../../main/core/setup/first-run';
import { KDF_FLOOR } from '../../main/core/vault/kdf';
import { randomGenerator, seedVisitors } from '../../main/core/visitors/seed';
import { APP_URL, bindRenderer } from '../support/renderer-page';
import { median, ms, percentile, table, time } from './measure';

/** What a desk worker types: part of a first or family name, Arabic script, a code, a phone, an alias. */
const FRAGMENTS = ['aissatou', 'diallo', 'kouame', 'فاطمة', 'عبد الرحمن', 'NDR-2025-01', '06123', 'mama grace', 'ousmane', 'traore'];
const ROUNDS = 3;
/** The renderer built twice: 'search-baseline' brings back the old debounce (useVisitorSearch.ts). */
const MODES = [
  { label: '150 ms debounce (before)', buildMode: 'search-baseline' },
  { label: 'latest-only, no delay (now)', buildMode: 'production' },
] as const;

/** Runs in the page before the app: notes each keystroke and the frame that shows its answer. */
const PAGE_PROBE = `(() => {
  const log = [];
  let keyAt = null;
  const results = () => document.querySelector('[data-testid="visitor-results"]');
  const check = () => {
    const entry = log[log.length - 1];
    if (!entry || entry.scheduled || results()?.dataset.query !== entry.query) return;
    entry.scheduled = true;
    // The frame that shows the change: rAF runs before its paint, a message posted there runs after it.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { entry.paintedAt = performance.now(); };
      channel.port2.postMessage(null);
    });
  };
  document.addEventListener('keydown', (event) => { keyAt = event.timeStamp; }, true);
  document.addEventListener('input', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.dataset.testid !== 'visitor-search') return;
    // Characters outside the keyboard layout (Arabic here) arrive as text input, without a keydown.
    const at = keyAt ?? event.timeStamp;
    keyAt = null;
    const query = box.value.trim();
    performance.mark('guichet:keystroke', { startTime: at, detail: query });
    log.push({ query, at, paintedAt: null, scheduled: false });
    check();
  }, true);
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-query'] });
  Object.defineProperty(window, '__searchProbe', { value: { log, reset: () => { log.length = 0; } } });
})();`;

interface Keystroke {
  query: string;
  at: number;
  paintedAt: number | null;
}

interface Tally {
  latencies: number[];
  superseded: number;
  router: number[];
}

/** The little of the page the bench reads (the tests compile without the DOM library). */
interface ProbeWindow {
  __searchProbe: { log: Keystroke[]; reset(): void };
  document: { querySelector(selector: string): { dataset: { query?: string } } | null };
}
const shownQuery = (page: Page) => page.locator('[data-testid="visitor-results"]').getAttribute('data-query');

/** Functions, not strings: the page's CSP has no 'unsafe-eval'. */
async function waitForShown(page: Page, query: string): Promise<void> {
  await page.waitForFunction((q) => (globalThis as unknown as ProbeWindow).document.querySelector('[data-testid="visitor-results"]')?.dataset.query === q, query, {
    timeout: 30_000,
  });
}

async function typeFragment(page: Page, fragment: string, pause: () => number, tally: Tally): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as ProbeWindow).__searchProbe.reset());
  for (const char of fragment) {
    await page.keyboard.type(char);
    await sleep(pause());
  }
  await page.waitForFunction(() => typeof (globalThis as unknown as ProbeWindow).__searchProbe.log.at(-1)?.paintedAt === 'number', undefined, { timeout: 30_000 });
  const log = await page.evaluate(() => (globalThis as unknown as ProbeWindow).__searchProbe.log);
  log.forEach((key, index) => {
    // From the third character, and only keystrokes that change the query (a space does not).
    if (index < 2 || key.query === log[index - 1].query) return;
    if (key.paintedAt === null) tally.superseded++;
    else tally.latencies.push(key.paintedAt - key.at);
  });
  // Back to an empty box (recent activity) before the next fragment.
  await page.keyboard.press('Escape');
  await waitForShown(page, '');
}

/** Builds the renderer in `mode` into a folder of its own, as `npm run build:renderer` does. */
async function buildRenderer(mode: string, outDir: string): Promise<void> {
  await build({ ...rendererConfig, configFile: false, mode, logLevel: 'warn', build: { ...rendererConfig.build, outDir } });
}

export async function benchSearchUi(count: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-bench-'));
  const browser = await chromium.launch({ ...playwrightConfig.use?.launchOptions, headless: true });
  try {
    for (const mode of MODES) await buildRenderer(mode.buildMode, join(dir, mode.buildMode));
    const desk = Desk.open({ dataDir: join(dir, 'desk'), kdfCost: KDF_FLOOR });
    await setUpDesk(desk, { login: 'bench', displayName: 'Bench', password: 'a bench passphrase', language: 'fr', organisationName: 'Bench' });
    const seeding = await time(() => seedVisitors(desk.requireSession().db, { visitors: count, seed: 42, actorId: 1, prefix: 'NDR', now: new Date() }));

    const router = createDeskRouter((line) => console.error(line));
    let routerTimes: number[] = [];
    const call = async (name: unknown, input: unknown) => {
      const started = performance.now();
      const result = await router.dispatch(desk, name, input);
      if (name === 'visitors.search') routerTimes.push(performance.now() - started);
      return result;
    };
    // One page per bundle, both over the same desk; only one types at a time.
    const pages: Page[] = [];
    for (const mode of MODES) {
      const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Africa/Casablanca', viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await bindRenderer(context, page, call, (url) => console.error(`bench: the page asked for ${url}`), join(dir, mode.buildMode));
      await page.addInitScript(PAGE_PROBE);
      pages.push(page);
    }

    const tallies = MODES.map((): Tally => ({ latencies: [], superseded: 0, router: [] }));
    const random = randomGenerator(7);
    const pause = () => 80 + random.next() * 40;
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which mode goes first, so that neither always meets a warmer machine.
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      for (const m of order) {
        const page = pages[m];
        await page.goto(`${APP_URL}#/visitors`);
        await page.getByTestId('visitor-search').focus();
        await waitForShown(page, '');
        routerTimes = [];
        for (const fragment of FRAGMENTS) await typeFragment(page, fragment, pause, tallies[m]);
        tallies[m].router.push(...routerTimes);
        if ((await shownQuery(page)) !== '') throw new Error('bench: the page did not come back to recent activity');
      }
    }
    for (const page of pages) await page.context().close();
    desk.close();

    const keys = FRAGMENTS.reduce((sum, f) => sum + [...f].length, 0);
    table(
      `Search in Chromium: keystroke to painted results, from the third character (${count.toLocaleString('en')} visitors, seeded in ${(seeding / 1000).toFixed(1)} s; ${ROUNDS} rounds of ${FRAGMENTS.length} fragments, ${keys} keys, 80–120 ms apart)`,
      MODES.map((mode, m) => {
        const { latencies, superseded, router: routed } = tallies[m];
        return [
          mode.label,
          `p50 ${ms(percentile(latencies, 50))}  p95 ${ms(percentile(latencies, 95))}`,
          `${latencies.length} keystrokes painted, ${superseded} never painted (a newer key came first); ${routed.length} searches sent, router p50 ${ms(median(routed))} p95 ${ms(percentile(routed, 95))}`,
        ];
      }),
    );
    const [before, now] = tallies.map((tally) => percentile(tally.latencies, 95));
    console.log(`  p95 now / before: ${(now / before).toFixed(2)}×`);
    // Chromium's frames share the processors with whatever else runs: say how busy they were.
    console.log(`  ${cpus().length} processors, load average over the last 5 minutes ${loadavg()[1].toFixed(1)}`);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

