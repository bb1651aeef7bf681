import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicyMeta } from './main/electron/security';
import { rendererConfig } from './vite.renderer.config';

const root = import.meta.dirname;

/** Native modules stay in node_modules (they cannot be bundled); everything else is bundled. */
const NATIVE_MODULES = ['better-sqlite3-multiple-ciphers', '@node-rs/argon2'];

/**
 * Writes the CSP into the built index.html as well: main sends it as a header with every
 * file (main/electron/window.ts), the meta tag is a second layer. Only in the Electron
 * build; the e2e suite builds the renderer with vite.renderer.config.ts alone.
 */
const cspMetaTag: Plugin = {
  name: 'guichet:csp-meta',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicyMeta() }, injectTo: 'head-prepend' },
  ],
};

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Bundle zod, shared/ and main/core into one file, so that the installed app needs
      // only the two native modules from node_modules (electron-builder.yml `files`).
      externalizeDeps: false,
      rolldownOptions: {
        // The backup worker is an entry of its own (out/main/backup-worker.js): a worker thread loads a file.
        input: { index: resolve(root, 'main/electron/main.ts'), 'backup-worker': resolve(root, 'main/core/backups/sqlite-worker.ts') },
        external: NATIVE_MODULES,
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can only require 'electron': shared/ and zod are bundled in.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'main/electron/preload.ts') },
        // A sandboxed preload cannot be an ES module; `.cjs` keeps Node from reading it as one
        // (package.json says "type": "module").
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  // The UI's own Vite config (the e2e suite builds the same one): root renderer/, base './',
  // React, output out/renderer.
  renderer: {
    ...rendererConfig,
    plugins: [...(rendererConfig.plugins ?? []), cspMetaTag],
    build: {
      ...rendererConfig.build,
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
