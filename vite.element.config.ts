import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Builds `dist/container-lifecycle.js`: ONE self-contained ES module that defines
 * `<container-lifecycle>` (docs/contracts.md §4). Run after the site build (`npm run build`);
 * it adds to `dist/` without emptying it.
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
    // One file: html-to-image (loaded on first export) is inlined rather than a chunk.
    rolldownOptions: { output: { codeSplitting: false, minify: true } },
  },
});
