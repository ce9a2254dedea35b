/**
 * The README's ```ts blocks are complete Vitest test files that import the package by
 * name (`container-lifecycle`, `container-lifecycle/testing`), as a user would. Two runs
 * read them from README.md itself, so the text and the tests cannot drift apart:
 * - `test/docs/readmeExamples.test.ts`, in the repo, through `readmeExamplesPlugin()`
 *   (each block served as a module, the package imports resolved to the sources);
 * - `test/consumer/package.consumer.test.ts`, against the packed and installed package.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export interface ReadmeBlock {
  /** 1-based line of the block's opening fence in README.md. */
  line: number;
  code: string;
}

export const README_PATH = fileURLToPath(new URL('../../README.md', import.meta.url));
const MACHINES = fileURLToPath(new URL('../../machines/index.ts', import.meta.url));
const TESTING = fileURLToPath(new URL('../../machines/testing/index.ts', import.meta.url));

/** Every ```ts block of `markdown` (```tsx, ```sh and others are not test files). */
export function readmeBlocks(markdown: string): ReadmeBlock[] {
  const blocks: ReadmeBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== '```ts') continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === '```');
    if (end < 0) throw new Error(`README.md:${i + 1}: unclosed code block`);
    blocks.push({ line: i + 1, code: lines.slice(i + 1, end).join('\n') + '\n' });
    i = end;
  }
  return blocks;
}

/** The module id under which the block at `line` is served: `<repo>/README.md.<line>.test.ts`. */
export function readmeBlockId(line: number): string {
  return `${README_PATH}.${line}.test.ts`;
}

/** Serves README blocks as modules; their `container-lifecycle` imports get the sources. */
export function readmeExamplesPlugin(): Plugin {
  // The block's line, from its id however the runner spells it (`/@fs/…`, a query).
  const lineOf = (id: string | undefined): number | null => {
    const match = id?.match(/README\.md\.(\d+)\.test\.ts(?:\?.*)?$/);
    return match ? Number(match[1]) : null;
  };
  return {
    name: 'container-lifecycle:readme-examples',
    apply: 'serve',
    enforce: 'pre',
    resolveId(source, importer) {
      const line = lineOf(source);
      if (line !== null) return readmeBlockId(line);
      if (lineOf(importer) === null) return null;
      if (source === 'container-lifecycle') return MACHINES;
      if (source === 'container-lifecycle/testing') return TESTING;
      return null;
    },
    load(id) {
      const line = lineOf(id);
      if (line === null) return null;
      const block = readmeBlocks(readFileSync(README_PATH, 'utf8')).find((b) => b.line === line);
      if (!block) throw new Error(`README.md has no \`\`\`ts block at line ${line} any more`);
      return block.code;
    },
  };
}
