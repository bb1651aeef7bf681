import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/**
 * The renderer alone: root `renderer/`, relative asset paths (it is served from
 * `app://` in Electron and from a fake origin in the e2e suite). electron-vite can
 * reuse `rendererConfig` as its `renderer` section.
 */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    // Fonts and images stay files: the CSP allows `font-src 'self'`, not data: URIs.
    assetsInlineLimit: 0,
    target: 'chrome130',
    sourcemap: false,
    // A desktop app reads its bundle from disk: one chunk is fine.
    chunkSizeWarningLimit: 2000,
  },
};

export default defineConfig(rendererConfig);
