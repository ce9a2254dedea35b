import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Builds `dist/container-lifecycle.js`, the ES module that defines `<container-lifecycle>`
 * (docs/contracts.md §4), and its chunks in `dist/container-lifecycle/`. Run after the
 * site build (`npm run build`); it adds to `dist/` without emptying it.
 *
 * What a deck needs to show the widget is `container-lifecycle.js` and ONE chunk it imports
 * statically (`container-lifecycle/element-*.js`: React, React Flow, the machines, the
 * styles). What the first view does not show (the compose and events-log parsers, yaml,
 * zod, dagre, html-to-image, stories, saves, the log's entries and the replay panel) are
 * `import()` chunks beside it, loaded on first use. Every import is relative to the module
 * that makes it, so the folder works from any path or CDN with one
 * `<script type="module" src=".../container-lifecycle.js">`.
 *
 * The element's styles live in its shadow root: `src/embed/shadowStyles.ts` imports
 * them as strings (`?inline`). The components' plain `import './X.css'` (for the pages)
 * are turned into nothing here, so no style sheet is emitted or put in the document.
 */
export function shadowOnlyStyles(): Plugin {
  const EMPTY = '\0container-lifecycle:no-document-css';
  return {
    name: 'container-lifecycle:shadow-only-styles',
    enforce: 'pre',
    resolveId(source) {
      return /\.css$/.test(source) ? EMPTY : null;
    },
    load(id) {
      return id === EMPTY ? 'export {};' : null;
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [shadowOnlyStyles(), react()],
  // Library mode leaves process.env alone; React needs its production build chosen here.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    // Library mode keeps whitespace in ES output (for later bundlers); this file goes to browsers as is.
    minify: true,
    lib: {
      entry: 'src/embed/element.tsx',
      formats: ['es'],
      fileName: () => 'container-lifecycle.js',
    },
    rolldownOptions: {
      output: {
        minify: true,
        chunkFileNames: 'container-lifecycle/[name]-[hash].js',
        // Everything the entry imports statically in one chunk (Rolldown would otherwise
        // split out each module that a lazy chunk shares: a dozen requests, worse gzip).
        // The entry module stays in container-lifecycle.js: its `import.meta.url` is the
        // script's own URL ("Copy link" opens embed.html beside it).
        codeSplitting: { groups: [{ name: 'element', tags: ['$initial'], test: (id: string) => !id.endsWith('/src/embed/element.tsx') }] },
      },
    },
  },
});
