import { defineConfig } from 'vite';

// Static files for the gateway's /console route: everything bundled, nothing fetched from a CDN (the intranet has no internet).
export default defineConfig({
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2500, sourcemap: false },
  logLevel: 'warn',
});
