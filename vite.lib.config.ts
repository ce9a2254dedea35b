import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import pkg from './package.json' with { type: 'json' };
import { shadowOnlyStyles } from './vite.element.config.ts';

/**
 * The npm library (package.json "exports"), for bundlers: `container-lifecycle` (the
 * machines, no React), `container-lifecycle/testing` (the test harness) and
 * `container-lifecycle/react` (the `<ContainerLifecycle>` component) and
 * `container-lifecycle/reveal` (the reveal.js plugin, no dependencies). The peer
 * dependencies stay external (xstate for the machines; React and the UI libraries,
 * optional peers, for `./react`); the component's styles are inlined as strings for its
 * shadow root. Types: `tsc -p tsconfig.lib.json` writes them to dist/lib/types and
 * `scripts/dtsExtensions.mjs` gives their relative imports file extensions (NodeNext). The custom element
 * (`container-lifecycle/element`) is the self-contained dist/container-lifecycle.js.
 */
const dependencies = Object.keys(pkg.peerDependencies);

export default defineConfig({
  plugins: [shadowOnlyStyles(), react()],
  build: {
    outDir: 'dist/lib',
    emptyOutDir: true,
    copyPublicDir: false,
    sourcemap: true,
    lib: {
      entry: {
        machines: 'machines/index.ts',
        testing: 'machines/testing/index.ts',
        react: 'src/embed/ContainerLifecycle.tsx',
        reveal: 'src/reveal/plugin.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      // `react`, `react/jsx-runtime`, `@xyflow/react`, … but not `@xyflow/react/dist/style.css?inline` (inlined).
      external: (id) => !id.includes('.css') && dependencies.some((d) => id === d || id.startsWith(`${d}/`)),
    },
  },
});
