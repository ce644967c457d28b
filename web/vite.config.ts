import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web UI: built from web/ into dist/web/, which `summitry serve` serves.
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    // One inline-free bundle: the server's Content-Security-Policy allows only same-origin scripts.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `vite --config web/vite.config.ts` during development: the API runs on `summitry serve`.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
