import { defineConfig } from 'vitest/config';

// The packed package in a fresh project (test/consumer/package.consumer.test.ts): npm pack,
// npm install, tsc and a nested Vitest run; slow, browser-free, needs the npm registry.
export default defineConfig({
  test: {
    include: ['test/consumer/**/*.consumer.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
