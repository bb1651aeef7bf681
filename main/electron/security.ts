/**
 * Every security decision the shell makes, as pure functions: they import Electron's
 * types only, so the unit tests run them under plain Node (Electron's binary cannot be
 * downloaded on the build machines) and main.ts only wires them to Electron's hooks.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { BrowserWindowConstructorOptions, CustomScheme, WindowOpenHandlerResponse } from 'electron';
import type { DeskState } from '../../shared/contract/app';

/** The renderer is served from this scheme and host, never from `file://` or a server. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'guichet';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The window's session. Without the `persist:` prefix Chromium keeps it in memory: no
 * cookie, cache, localStorage or IndexedDB of the renderer ever reaches the disk, where
 * it would lie outside the encrypted database.
 */
export const SESSION_PARTITION = 'guichet';

/**
 * `standard` gives the scheme real origins and relative URLs; `secure` makes it a secure
 * context. No fetch, no CORS, no service workers, no CSP bypass: the page reads its own
 * files through ordinary loads and talks to main through the preload only.
 */
export const APP_SCHEME_PRIVILEGES: NonNullable<CustomScheme['privileges']> = {
  standard: true,
  secure: true,
  supportFetchAPI: false,
  corsEnabled: false,
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: false,
  codeCache: false,
};

export interface ShellFacts {
  /** `app.isPackaged`: an installed build, as opposed to `npm start` from the sources. */
  isPackaged: boolean;
}

export function windowOptions(preloadPath: string, { isPackaged }: ShellFacts): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Guichet',
    // Shown on `ready-to-show`, so the desk never flashes an empty frame.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      partition: SESSION_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      plugins: false,
      enableWebSQL: false,
      // Chromium's spellchecker downloads dictionaries and sees every word typed.
      spellcheck: false,
      // Nothing the UI draws needs WebGL; one GPU attack surface less.
      webgl: false,
      devTools: !isPackaged,
      safeDialogs: true,
      navigateOnDragDrop: false,
      // A middle click would otherwise try to open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
      autoplayPolicy: 'document-user-activation-required',
    },
  };
}

/**
 * The page's Content-Security-Policy, sent as a header by the `app://` handler.
 * Scripts come only from the app's own files, never inline and never `eval`.
 * `style-src` allows 'unsafe-inline' because Mantine writes its CSS variables into a
 * `<style>` element at run time and components set `style` attributes; a nonce cannot
 * cover attributes. Injected CSS cannot send anything out: images and fonts load only
 * from the app itself (or data:/blob: URLs built in the page) and `connect-src` is 'none'.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
  ].join('; ');
}

/**
 * The same policy for a `<meta http-equiv>` tag in the built index.html, a second layer
 * should the page ever be loaded without the header. `frame-ancestors` is left out:
 * browsers ignore it in a meta tag (and warn).
 */
export function contentSecurityPolicyMeta(): string {
  return contentSecurityPolicy()
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors '))
    .join('; ');
}

/** `app://guichet/…` exactly: the scheme, the host, no port, no user info. */
function isAppUrl(url: string): boolean {
  if (!url.startsWith(`${APP_ORIGIN}/`)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** `will-navigate`, `will-frame-navigate`, `will-redirect`: the page may only move within the app. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** `setWindowOpenHandler`: the desk has one window; links never open another one. */
export function windowOpenDecision(): WindowOpenHandlerResponse {
  return { action: 'deny' };
}

/**
 * Permission requests and checks (camera, microphone, notifications, geolocation,
 * clipboard, fullscreen, HID, serial, USB, ...): always refused. Even
 * `clipboard-sanitized-write` is refused: what the desk shows (a visitor's details, the
 * recovery key) must not land in clipboard histories or synced clipboards. A person can
 * still select text and press Ctrl+C, which needs no permission.
 */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/**
 * Every IPC call must come from the main frame of the app's own page: not from a
 * subframe, not from a page the window was somehow navigated to.
 */
export function isTrustedSender(frameUrl: string | null | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/**
 * `webRequest.onBeforeRequest`: the app makes no network request at all. Its own files
 * (`app://guichet/`), URLs the page builds in memory (`data:`, its own `blob:`) and, in
 * development only, the DevTools front end are let through; everything else is cancelled.
 */
export function isAllowedRequest(url: string, { isPackaged }: ShellFacts): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith('data:')) return true;
  if (url.startsWith(`blob:${APP_ORIGIN}/`)) return true;
  if (!isPackaged && url.startsWith('devtools://')) return true;
  return false;
}

/** Segments Vite writes: letters, digits, `-`, `_`, `.`; never a hidden or dot segment. */
const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * The file of `rootDir` an `app://` URL names, or null. Only the app's host; only plain
 * segments (no `..`, `.`, empty, hidden, percent-encoded or backslashed ones), checked on
 * the raw URL before any normalisation; and the result must lie inside `rootDir`.
 */
export function resolveAppFile(rootDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  const rawPath = url.slice(APP_ORIGIN.length + 1).split(/[?#]/, 1)[0] ?? '';
  const segments = rawPath === '' ? ['index.html'] : rawPath.split('/');
  if (!segments.every((segment) => SAFE_SEGMENT.test(segment) && segment !== '..')) return null;
  const root = resolve(rootDir);
  const file = resolve(root, ...segments);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The headers of every file the `app://` handler serves: an exact type (module scripts
 * need one, and `nosniff` forbids guessing), the CSP, no caching, no referrer.
 */
export function appResponseHeaders(file: string): Record<string, string> {
  const dot = file.lastIndexOf('.');
  const extension = dot >= 0 ? file.slice(dot).toLowerCase() : '';
  return {
    'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** How often main asks the OS how long nobody has touched the keyboard or the mouse. */
export const IDLE_POLL_MS = 15_000;

/**
 * Linux has no lock-screen event: the desk locks itself when the system has been idle for
 * the desk's setting. Only an open desk has something to lock.
 */
export function idleLockDue(state: DeskState, systemIdleSeconds: number): boolean {
  return state.kind === 'open' && systemIdleSeconds >= state.idleLockMinutes * 60;
}
