import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { contentSecurityPolicy } from '../../main/electron/security';
import { PROCEDURE_NAMES, type DeskEvent } from '../../shared/contract';
import { createWindowApi } from '../../shared/contract/window-api';
import type { Result } from '../../shared/errors';

/**
 * The built renderer (out/renderer) in a Playwright page, as the app runs it: served
 * from a fake origin under the shell's own CSP, every other request refused, and
 * `window.api` made by the very `createWindowApi` the preload uses, bound through
 * `exposeBinding` to a call into the real router. The e2e harness and the search
 * benchmark both start a page this way.
 */

export const ORIGIN = 'http://guichet.test';
export const APP_URL = `${ORIGIN}/index.html`;
export const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export function assertRendererBuilt(): void {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build:renderer` first (npm run test:e2e does).');
  }
}

function serveFile(rendererDir: string, pathname: string): { status: number; body: Buffer; contentType: string } {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^[/\\]+/, '') || 'index.html';
  const file = resolve(rendererDir, relative);
  if (!file.startsWith(rendererDir + sep) || !existsSync(file)) {
    return { status: 404, body: Buffer.from('not found'), contentType: 'text/plain' };
  }
  return { status: 200, body: readFileSync(file), contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' };
}

/** The page's view of the binding: what the init script defines on `window`. */
interface BoundWindow {
  __guichetEmit(event: DeskEvent): void;
}

export interface RendererBinding {
  /** Sends a desk event to the page, as main does over IPC. */
  emit(event: DeskEvent): Promise<void>;
}

/**
 * Serves the renderer to `context` and binds `page`'s `window.api` to `call`. Requests
 * outside the app's origin are aborted and passed to `onOutsideRequest`. `rendererDir`
 * is another build of the renderer (the search benchmark's baseline), else out/renderer.
 */
export async function bindRenderer(
  context: BrowserContext,
  page: Page,
  call: (name: unknown, input: unknown) => Promise<Result<unknown>>,
  onOutsideRequest: (url: string) => void = () => undefined,
  rendererDir: string = RENDERER_DIR,
): Promise<RendererBinding> {
  // Nothing leaves the machine: every request but the app's own is refused and noted.
  await context.route('**/*', (route) => {
    onOutsideRequest(route.request().url());
    return route.abort('blockedbyclient');
  });
  await context.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    const { status, body, contentType } = serveFile(rendererDir, url.pathname);
    const headers: Record<string, string> = { 'content-type': contentType, 'x-content-type-options': 'nosniff' };
    // The shell's own CSP (main/electron/security.ts), so the page runs under it.
    if (contentType.startsWith('text/html')) headers['content-security-policy'] = contentSecurityPolicy();
    return route.fulfill({ status, body, headers });
  });

  await page.exposeBinding('__guichetCall', (_source, name: unknown, input: unknown) => call(name, input));
  await page.addInitScript(`(() => {
    const listeners = new Set();
    const call = (name, input) => window.__guichetCall(name, input);
    const subscribe = (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    Object.defineProperty(window, '__guichetEmit', {
      value: (event) => { for (const listener of [...listeners]) listener(event); },
    });
    const api = (${createWindowApi.toString()})(${JSON.stringify(PROCEDURE_NAMES)}, call, subscribe);
    Object.defineProperty(window, 'api', { value: Object.freeze(api), enumerable: true });
  })();`);

  return {
    emit: (event) => page.evaluate((e) => (globalThis as unknown as BoundWindow).__guichetEmit(e), event),
  };
}
