/**
 * Runs the README's examples as written: each ```ts block of README.md is a Vitest test
 * file, served by `readmeExamplesPlugin()` (vite.config.ts) with its `container-lifecycle`
 * imports resolved to the sources. The same blocks run against the packed package in
 * test/consumer/.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README_PATH, readmeBlockId, readmeBlocks } from './readmeBlocks';

const blocks = readmeBlocks(readFileSync(README_PATH, 'utf8'));

it('the README has test examples for the machine, the harness and the paths', () => {
  const code = blocks.map((b) => b.code).join('\n');
  for (const name of ['containerMachine', 'createTestArchitecture', 'lifecyclePaths']) expect(code).toContain(name);
});

for (const block of blocks) {
  describe(`README.md:${block.line}`, async () => {
    await import(/* @vite-ignore */ readmeBlockId(block.line));
  });
}
