import { defineConfig } from 'vitest/config';

// The differential suite against a real Docker engine (`npm run test:engine`; needs
// test/engine/setup.sh first, which the npm script runs). One file at a time: the engine
// and its event stream are shared.
export default defineConfig({
  test: {
    include: ['test/engine/**/*.engine.test.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
