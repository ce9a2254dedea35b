import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Relative base: the built site works from any sub-path (GitHub Pages, a deck's folder).
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    rollupOptions: {
      input: { index: 'index.html' },
    },
  },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Files starting with _ are local scratch files, never part of the suite.
    exclude: ['test/e2e/**', 'node_modules/**', 'test/**/_*'],
    environment: 'node',
  },
});
