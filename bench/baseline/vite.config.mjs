// Own config for the bare React + React Flow baseline page (bench/run.ts builds it,
// passing outDir to a temp dir). Same plugin and base as the app's vite.config.ts.
// floor.html: the same page plus the machines, for the bundle bench's floor figure.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    emptyOutDir: true,
    reportCompressedSize: false,
    rollupOptions: { input: { index: fileURLToPath(new URL('index.html', import.meta.url)), floor: fileURLToPath(new URL('floor.html', import.meta.url)) } },
  },
});
