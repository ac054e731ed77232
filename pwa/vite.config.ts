import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

// Django serves the API, the admin and its static files; in development the
// Vite server forwards those paths to it so the app stays same-origin.
const BACKEND = 'http://127.0.0.1:8000';
const backendProxy = {
  '/api': BACKEND,
  '/admin': BACKEND,
  '/static': BACKEND,
};

export const THEME_COLOR = '#0d5c63';
export const BACKGROUND_COLOR = '#f4f7f6';

export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      // A small service worker of our own (src/sw.ts): the precache and the
      // navigation fallback as before, plus public catalogue reads and the
      // outbox's Background Sync.
      strategies: 'injectManifest',
      srcDir: 'src',
      // Built to /sw.js.
      filename: 'sw.ts',
      registerType: 'prompt',
      // The app registers the worker itself (src/pwa/register.ts) so it can
      // show its own update banner.
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      // Every file of the build (icons included) is matched by globPatterns below.
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Pintu Warga',
        short_name: 'Pintu Warga',
        description:
          'Satu pintu layanan publik kabupaten untuk warga, pelaku UMKM, dan petugas pemerintah.',
        lang: 'id',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        categories: ['government', 'utilities'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        // Precache the app shell only (manifest.webmanifest is added by the plugin).
        globPatterns: ['**/*.{js,css,html,png,svg}'],
        // Compressed copies are written after the build (scripts/compress.mjs).
        globIgnores: ['**/*.gz', '**/*.br'],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    outDir: '../backend/pwa_build',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2020',
  },
  server: {
    port: 5173,
    proxy: backendProxy,
  },
  preview: {
    proxy: backendProxy,
  },
});
