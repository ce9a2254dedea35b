import { defineConfig } from 'vite';

/**
 * Builds `dist/container-lifecycle-reveal.js`: the reveal.js plugin as a classic script
 * for decks without a bundler (`<script src>` defines the global `ContainerLifecycleReveal`,
 * docs/contracts.md §6). Bundlers import `container-lifecycle/reveal` (vite.lib.config.ts).
 * Run after the site build; it adds to `dist/` without emptying it.
 */
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    minify: true,
    lib: {
      entry: 'src/reveal/plugin.ts',
      formats: ['iife'],
      name: 'ContainerLifecycleReveal',
      fileName: () => 'container-lifecycle-reveal.js',
    },
    rolldownOptions: { output: { exports: 'default' } },
  },
});
