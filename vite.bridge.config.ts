import { defineConfig } from 'vite';

/**
 * The live bridge (`container-lifecycle live`) as ONE file, `dist/bridge/cli.js`, with
 * dockerode and its dependencies inside: the package's bin runs it with no extra
 * install, and a consumer of the machines (xstate only) never installs dockerode.
 * ssh2's optional native add-ons stay out (it falls back to pure JS without them).
 */
// dockerode and ssh2 are CommonJS and read __dirname/require: give the ES module both.
const CJS_GLOBALS = [
  '#!/usr/bin/env node',
  "import { createRequire as __bridgeRequire } from 'node:module';",
  "import { fileURLToPath as __bridgePath } from 'node:url';",
  "import { dirname as __bridgeDir } from 'node:path';",
  'const require = __bridgeRequire(import.meta.url);',
  'const __filename = __bridgePath(import.meta.url);',
  'const __dirname = __bridgeDir(__filename);',
].join('\n');

export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'bridge/bin.ts',
    outDir: 'dist/bridge',
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      external: ['cpu-features', /\.node$/],
      output: { entryFileNames: 'cli.js', format: 'es', banner: CJS_GLOBALS },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
