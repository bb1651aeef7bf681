import { join, resolve, sep } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { DeskState } from '../../shared/contract/app';
import { DATA_SUBFOLDER, PRODUCT_NAME } from '../../main/core/data-folder';
import { createCallHandler, type CallEvent } from '../../main/electron/ipc';
import { builtPaths, crashDumpsFolder, dataDirectory, nativeBindingPath, userDataFolder } from '../../main/electron/paths';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  SESSION_PARTITION,
  appResponseHeaders,
  contentSecurityPolicy,
  contentSecurityPolicyMeta,
  idleLockDue,
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSender,
  permissionDecision,
  resolveAppFile,
  windowOpenDecision,
  windowOptions,
} from '../../main/electron/security';
import { ADMIN, openTestDesk } from '../support/desk';

const packaged = { isPackaged: true };
const fromSources = { isPackaged: false };

/** URLs no part of the shell may let through. */
const FOREIGN_URLS = [
  'https://evil.example/',
  'http://localhost:5173/',
  'http://127.0.0.1/',
  'ws://localhost:5173/',
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'javascript:alert(1)',
  'about:blank',
  'chrome://gpu',
  'devtools://devtools/bundled/inspector.html',
  'app://evil/index.html',
  'app://guichet.evil/index.html',
  'app://guichet:8080/index.html',
  'app://user:pw@guichet/index.html',
  'app:///etc/passwd',
  'app:guichet/index.html',
  'APP://GUICHET/index.html',
  'blob:https://evil.example/0d9c',
  '',
  'not a url',
];

describe('the window', () => {
  const options = windowOptions('/app/out/preload/index.cjs', packaged);
  const prefs = options.webPreferences ?? {};

  it('isolates the page: contextIsolation, sandbox, no Node anywhere', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('keeps web security and turns off what the desk does not need', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      plugins: false,
      enableWebSQL: false,
      spellcheck: false,
      webgl: false,
      safeDialogs: true,
      navigateOnDragDrop: false,
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.additionalArguments).toBeUndefined();
  });

  it('disables middle-click (Auxclick), which would try to open a new window', () => {
    expect(prefs.disableBlinkFeatures?.split(',')).toContain('Auxclick');
  });

  it('offers DevTools only when run from the sources', () => {
    expect(prefs.devTools).toBe(false);
    expect(windowOptions('/p', fromSources).webPreferences?.devTools).toBe(true);
  });

  it('keeps the page’s storage in memory: the session is not a persist: partition', () => {
    expect(prefs.partition).toBe(SESSION_PARTITION);
    expect(SESSION_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('waits for the first paint before it shows the window', () => {
    expect(options.show).toBe(false);
  });
});

describe('the app:// scheme', () => {
  it('is standard and secure, without fetch, CORS, service workers or a CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      standard: true,
      secure: true,
      supportFetchAPI: false,
      corsEnabled: false,
      bypassCSP: false,
      allowServiceWorkers: false,
      stream: false,
      codeCache: false,
    });
  });
});

describe('the Content-Security-Policy', () => {
  const directives = new Map(
    contentSecurityPolicy()
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values] as const),
  );

  it('runs only the app’s own scripts: no eval, no inline script', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy()).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy()).not.toContain('wasm-unsafe-eval');
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('allows inline styles only (Mantine), never inline scripts', () => {
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    const withInline = [...directives].filter(([, values]) => values.includes("'unsafe-inline'")).map(([name]) => name);
    expect(withInline).toEqual(['style-src']);
  });

  it('opens no connection and embeds nothing', () => {
    for (const name of ['connect-src', 'object-src', 'base-uri', 'form-action', 'frame-ancestors', 'frame-src', 'worker-src']) {
      expect(directives.get(name), name).toEqual(["'none'"]);
    }
  });

  it('loads images and fonts only from the app or from the page itself', () => {
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('font-src')).toEqual(["'self'", 'data:']);
    expect(contentSecurityPolicy()).not.toMatch(/https?:|\*/);
  });

  it('writes the same policy into the page’s meta tag, without frame-ancestors (ignored there)', () => {
    expect(contentSecurityPolicyMeta()).toBe(contentSecurityPolicy().replace("; frame-ancestors 'none'", ''));
    expect(contentSecurityPolicyMeta()).not.toContain('frame-ancestors');
  });

  it('is sent with every file, with an exact type, nosniff and no caching', () => {
    const headers = appResponseHeaders('/r/assets/index-abc.js');
    expect(headers).toMatchObject({
      'Content-Type': 'text/javascript; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    });
    expect(appResponseHeaders('/r/index.html')['Content-Type']).toBe('text/html; charset=utf-8');
    expect(appResponseHeaders('/r/assets/noto-sans.woff2')['Content-Type']).toBe('font/woff2');
    expect(appResponseHeaders('/r/assets/x.css')['Content-Type']).toBe('text/css; charset=utf-8');
    expect(appResponseHeaders('/r/assets/unknown')['Content-Type']).toBe('application/octet-stream');
  });
});

describe('navigation and new windows', () => {
  it('lets the page move within app://guichet/ only', () => {
    expect(isAllowedNavigation(APP_ENTRY_URL)).toBe(true);
    expect(isAllowedNavigation('app://guichet/index.html#/visitors')).toBe(true);
    for (const url of FOREIGN_URLS) expect(isAllowedNavigation(url), url).toBe(false);
  });

  it('opens no new window, whatever the URL', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it('refuses every permission, clipboard writes included', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'display-capture',
      'fullscreen',
      'openExternal',
      'hid',
      'serial',
      'usb',
      'fileSystem',
      'idle-detection',
      'local-fonts',
      'persistent-storage',
      'window-management',
      'unknown',
    ]) {
      expect(permissionDecision(permission), permission).toBe(false);
    }
  });
});

describe('IPC senders', () => {
  it('trusts the main frame of the app’s page only', () => {
    expect(isTrustedSender(APP_ENTRY_URL, true)).toBe(true);
    expect(isTrustedSender('app://guichet/index.html#/lock', true)).toBe(true);
  });

  it('refuses subframes, even of the app', () => {
    expect(isTrustedSender(APP_ENTRY_URL, false)).toBe(false);
  });

  it('refuses any other page, and a frame already gone', () => {
    for (const url of FOREIGN_URLS) expect(isTrustedSender(url, true), url).toBe(false);
    expect(isTrustedSender(null, true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });
});

describe('network requests', () => {
  it('lets through the app’s files and URLs the page builds in memory', () => {
    for (const url of ['app://guichet/index.html', 'app://guichet/assets/index-abc.js', 'data:image/png;base64,AAAA', 'blob:app://guichet/0d9c']) {
      expect(isAllowedRequest(url, packaged), url).toBe(true);
    }
  });

  it('cancels everything else', () => {
    for (const url of FOREIGN_URLS.filter((u) => !u.startsWith('devtools:'))) {
      expect(isAllowedRequest(url, packaged), url).toBe(false);
      expect(isAllowedRequest(url, fromSources), url).toBe(false);
    }
    expect(isAllowedRequest('https://electronjs.org/headers', fromSources)).toBe(false);
  });

  it('lets DevTools load only when run from the sources', () => {
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', fromSources)).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', packaged)).toBe(false);
  });
});

describe('serving the renderer', () => {
  const root = resolve('/srv/guichet/out/renderer');

  it('serves only files inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://guichet/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://guichet/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://guichet/index.html?x=1#/visitors')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://guichet/assets/index-B1_x-y.js')).toBe(join(root, 'assets', 'index-B1_x-y.js'));
  });

  it('refuses path traversal in every spelling', () => {
    for (const url of [
      'app://guichet/../../etc/passwd',
      'app://guichet/assets/../../../etc/passwd',
      'app://guichet/%2e%2e/%2e%2e/etc/passwd',
      'app://guichet/..%2f..%2fetc%2fpasswd',
      'app://guichet/..%5c..%5cwindows%5cwin.ini',
      'app://guichet/assets\\..\\..\\secret',
      'app://guichet/./index.html',
      'app://guichet//etc/passwd',
      'app://guichet/C:/Windows/win.ini',
      'app://guichet/index.html%00.png',
      'app://guichet/.env',
      'app://guichet/assets/',
    ]) {
      expect(resolveAppFile(root, url), url).toBeNull();
    }
  });

  it('refuses other hosts and schemes', () => {
    for (const url of FOREIGN_URLS) expect(resolveAppFile(root, url), url).toBeNull();
  });

  it('never resolves outside the folder', () => {
    const samples = ['a', 'a/b', 'a.b/c', 'x-y_z/index.html', 'deep/er/file.woff2'];
    for (const sample of samples) {
      const file = resolveAppFile(root, `app://guichet/${sample}`);
      expect(file?.startsWith(root + sep)).toBe(true);
    }
  });
});

describe('idle lock', () => {
  const open: DeskState = {
    kind: 'open',
    user: { id: 1, login: 'amina', displayName: 'Amina', roles: ['admin'], language: 'fr', mustChangePassword: false },
    idleLockMinutes: 5,
    timeZone: 'Africa/Casablanca',
  } as DeskState;

  it('locks an open desk once the system has been idle for the desk’s setting', () => {
    expect(idleLockDue(open, 299)).toBe(false);
    expect(idleLockDue(open, 300)).toBe(true);
    expect(idleLockDue(open, 3600)).toBe(true);
  });

  it('has nothing to lock when the desk is locked or not set up', () => {
    expect(idleLockDue({ kind: 'locked', lastLogin: 'amina' }, 100_000)).toBe(false);
    expect(idleLockDue({ kind: 'setup' }, 100_000)).toBe(false);
  });
});

describe('paths', () => {
  it('puts the data where the admin command line looks for it', () => {
    const userData = userDataFolder('/home/amina/.config');
    expect(userData).toBe(join('/home/amina/.config', PRODUCT_NAME));
    expect(dataDirectory({ isPackaged: true, env: {}, userData })).toBe(join(userData, DATA_SUBFOLDER));
  });

  it('lets GUICHET_DATA_DIR move the data only when run from the sources', () => {
    const env = { GUICHET_DATA_DIR: '/tmp/scratch' };
    expect(dataDirectory({ isPackaged: false, env, userData: '/u' })).toBe('/tmp/scratch');
    expect(dataDirectory({ isPackaged: true, env, userData: '/u' })).toBe(join('/u', DATA_SUBFOLDER));
  });

  it('keeps crash dumps in a folder of its own, which main empties', () => {
    expect(crashDumpsFolder('/u')).toBe(join('/u', 'crash-dumps'));
  });

  it('loads SQLite’s Electron build from native/electron, or from resources/native once installed', () => {
    expect(nativeBindingPath({ isPackaged: false, appPath: '/src/guichet', resourcesPath: '/x' })).toBe(
      join('/src/guichet', 'native', 'electron', 'better_sqlite3.node'),
    );
    expect(nativeBindingPath({ isPackaged: true, appPath: '/x/app.asar', resourcesPath: '/opt/Guichet/resources' })).toBe(
      join('/opt/Guichet/resources', 'native', 'better_sqlite3.node'),
    );
  });

  it('finds the preload and the renderer beside the main bundle', () => {
    expect(builtPaths('/app/out/main')).toEqual({ preload: join('/app/out/preload/index.cjs'), renderer: join('/app/out/renderer'), backupWorker: join('/app/out/main/backup-worker.js') });
  });
});

describe('the IPC gate', () => {
  const ourWindow = { id: 'our window' };
  const trusted = (): CallEvent => ({ sender: ourWindow, senderFrame: { url: APP_ENTRY_URL, parent: null } });

  function gateOver(t: ReturnType<typeof openTestDesk> | null, problem: 'data.inUse' | null = null) {
    const refused = vi.fn();
    const handle = createCallHandler({
      router: t?.router ?? { dispatch: () => Promise.reject(new Error('no desk, no dispatch')) },
      desk: () => t?.desk ?? null,
      deskProblem: () => problem,
      isOurWindow: (sender) => sender === ourWindow,
      onRefused: refused,
    });
    return { handle, refused };
  }

  it('hands a call from the app’s main frame to the router', async () => {
    const t = openTestDesk();
    try {
      const { handle, refused } = gateOver(t);
      expect(await handle(trusted(), 'app.status', {})).toMatchObject({ ok: true, value: { state: { kind: 'setup' } } });
      expect(refused).not.toHaveBeenCalled();
    } finally {
      t.close();
    }
  });

  it('refuses, before anything runs, calls from a subframe, another page, another window or a gone frame', async () => {
    const t = openTestDesk();
    try {
      const { handle, refused } = gateOver(t);
      const input = { ...ADMIN, language: 'fr' };
      const untrusted: CallEvent[] = [
        { sender: ourWindow, senderFrame: { url: APP_ENTRY_URL, parent: { url: APP_ENTRY_URL } } },
        { sender: ourWindow, senderFrame: { url: 'https://evil.example/', parent: null } },
        { sender: ourWindow, senderFrame: { url: 'file:///tmp/index.html', parent: null } },
        { sender: { id: 'another window' }, senderFrame: { url: APP_ENTRY_URL, parent: null } },
        { sender: ourWindow, senderFrame: null },
      ];
      for (const event of untrusted) {
        expect(await handle(event, 'setup.create', input)).toEqual({ ok: false, error: { code: 'call.forbidden' } });
      }
      expect(refused).toHaveBeenCalledTimes(untrusted.length);
      // Nothing was set up by the refused calls.
      expect(t.desk.status().state).toEqual({ kind: 'setup' });
    } finally {
      t.close();
    }
  });

  it('answers with the reason when the data folder could not be opened', async () => {
    const { handle } = gateOver(null, 'data.inUse');
    expect(await handle(trusted(), 'app.status', {})).toEqual({ ok: false, error: { code: 'data.inUse' } });
  });
});
