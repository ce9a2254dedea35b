import { defineConfig } from 'vitest/config';

// Live mode against the real Docker engine, in Chromium (`npm run test:live`): needs the
// built site and bridge (the script builds them) and an engine (test/engine/setup.sh).
export default defineConfig({
  test: {
    include: ['test/live/engine/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    // In file order: the engine-restart test comes last.
    sequence: { shuffle: false },
    reporters: ['default'],
  },
});
