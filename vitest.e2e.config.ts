import { defineConfig } from 'vitest/config';

// Browser (black-box) tests against the BUILT site: `npm run test:e2e` runs `vite build`
// first; test/e2e/globalSetup.ts serves dist/ and provides its URL. See test/e2e/README.md.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    fileParallelism: false, // 2-core machine: one Chromium at a time
    globalSetup: ['test/e2e/globalSetup.ts'],
    reporters: ['default'],
  },
});
