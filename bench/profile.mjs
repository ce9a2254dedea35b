#!/usr/bin/env node
// Profiling helper: bundles bench/profile/<name>.ts like run.mjs does and calls its run().
// Usage: node --cpu-prof --cpu-prof-dir=bench/.out/prof bench/profile.mjs machine [seconds]
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { build } from 'vite';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const [name = 'machine', seconds = '5'] = process.argv.slice(2);
const outDir = join(repoRoot, 'bench/.out/profile');
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
      input: { [name]: join(repoRoot, `bench/profile/${name}.ts`), scaleWorker: join(repoRoot, 'bench/suites/scaleWorker.ts') },
      output: { format: 'es', entryFileNames: '[name].mjs' },
    },
  },
});
const mod = await import(pathToFileURL(join(outDir, `${name}.mjs`)).href);
await mod.run(Number(seconds), outDir);
