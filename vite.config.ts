import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readmeExamplesPlugin } from './test/docs/readmeBlocks.ts';
import { prerenderPages } from './vite.prerender.ts';

/**
 * After the site is written, builds the custom element (vite.element.config.ts) and the
 * reveal.js plugin script (vite.reveal.config.ts) into the same folder, so any `vite build`
 * writes all of docs/contracts.md §4 and §6: index.html, embed.html, container-lifecycle.js and
 * container-lifecycle-reveal.js (a site build empties the folder first).
 */
function customElementBuild(): Plugin {
  let outDir = 'dist';
  return {
    name: 'container-lifecycle:custom-element',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      const { build } = await import('vite');
      await build({ configFile: 'vite.element.config.ts', logLevel: 'warn', build: { outDir, emptyOutDir: false } });
      await build({ configFile: 'vite.reveal.config.ts', logLevel: 'warn', build: { outDir, emptyOutDir: false } });
    },
  };
}

// Relative base: the built site works from any sub-path (GitHub Pages, a deck's folder).
export default defineConfig({
  base: './',
  // readmeExamplesPlugin: serve only (Vitest), runs the README's examples (test/docs/readmeExamples.test.ts).
  plugins: [react(), prerenderPages(), customElementBuild(), readmeExamplesPlugin()],
  build: {
    outDir: 'dist',
    rollupOptions: {
      // embed.html: the chromeless embed page (docs/contracts.md §4); live.html: the live page
      // served by `container-lifecycle live` (bridge/). The custom element
      // (container-lifecycle.js) follows, built by customElementBuild().
      input: { index: 'index.html', embed: 'embed.html', live: 'live.html' },
    },
  },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Files starting with _ are local scratch files, never part of the suite.
    // test/consumer: against the packed package (vitest.consumer.config.ts), not the sources.
    exclude: ['test/e2e/**', 'test/engine/**', 'test/consumer/**', 'node_modules/**', 'test/**/_*'],
    environment: 'node',
  },
});
