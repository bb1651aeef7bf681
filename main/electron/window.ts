/**
 * The window, its session and its menu, wired to the decisions of security.ts.
 */
import { readFile } from 'node:fs/promises';
import { BrowserWindow, Menu, type Session, type WebContents } from 'electron';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  appResponseHeaders,
  isAllowedNavigation,
  isAllowedRequest,
  permissionDecision,
  resolveAppFile,
  windowOpenDecision,
  windowOptions,
  type ShellFacts,
} from './security';

/**
 * Applied to every session (the default one and the window's in-memory partition): no
 * permission, no device, no network request, no download, no spellchecker.
 * Downloads are refused because a file the page saved would be plaintext outside the
 * vault; exports go through main as audited procedures.
 */
export function hardenSession(session: Session, facts: ShellFacts): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionDecision(permission)));
  session.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
  session.setDevicePermissionHandler(() => false);
  session.setSpellCheckerEnabled(false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, facts) }));
  session.on('will-download', (event) => event.preventDefault());
}

/** Serves out/renderer under `app://guichet/` with the CSP; nothing else, GET only. */
export function serveApp(session: Session, rendererRoot: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return new Response(null, { status: 405 });
    const file = resolveAppFile(rendererRoot, request.url);
    if (!file) return new Response(null, { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(new Uint8Array(body), { status: 200, headers: appResponseHeaders(file) });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}

/** Applied to every web contents ever created: it stays on the app and opens nothing. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (details) => {
    if (!isAllowedNavigation(details.url)) details.preventDefault();
  });
  contents.on('will-frame-navigate', (details) => {
    if (!isAllowedNavigation(details.url)) details.preventDefault();
  });
  contents.on('will-redirect', (details) => {
    if (!isAllowedNavigation(details.url)) details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => windowOpenDecision());
}

/**
 * Installed builds have no menu, so no reload and no DevTools entry; macOS keeps the
 * application and Edit menus by role, without which copy and paste do not work there.
 * Development keeps Electron's default menu (DevTools, reload).
 */
export function installMenu(facts: ShellFacts): void {
  if (!facts.isPackaged) return;
  Menu.setApplicationMenu(process.platform === 'darwin' ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }]) : null);
}

export function createMainWindow(preloadPath: string, facts: ShellFacts): BrowserWindow {
  const window = new BrowserWindow(windowOptions(preloadPath, facts));
  // Screen sharing and screenshots see a black window (Windows and macOS).
  window.setContentProtection(true);
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch(() => console.error('guichet: the window could not load the app'));
  return window;
}
