// Bundles bench entry points with Vite (SSR build: TS and the repo's extensionless imports;
// node_modules stay external, so xstate, yaml, zod and dagre load their normal production
// builds) into `outDir` as `<name>.mjs`, plus the scale bench's worker. Used by run.mjs and profile.mjs.
import { join } from 'node:path';
import { build } from 'vite';

/** `entries`: name → path from the repo root. Returns nothing; the files are `<outDir>/<name>.mjs`. */
export async function bundleBench(repoRoot, outDir, entries) {
  const input = Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, join(repoRoot, path)]));
  await build({
    configFile: false,
    root: repoRoot,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      reportCompressedSize: false,
      rollupOptions: {
        input: { ...input, scaleWorker: join(repoRoot, 'bench/suites/scaleWorker.ts') },
        output: { format: 'es', entryFileNames: '[name].mjs' },
      },
    },
  });
}
