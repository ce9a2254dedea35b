#!/usr/bin/env node
// Entry of `npm run bench` (node --expose-gc bench/run.mjs [--quick] [--only=machine,scale,compose,bundle,render,startup] [--profile]).
// Bundles bench/run.ts with Vite (SSR build: TS + the repo's extensionless imports; node_modules
// stay external, so xstate, yaml, zod and dagre load their normal production builds), then runs it.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { build } from 'vite';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(repoRoot, 'bench/.out');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const profile = args.includes('--profile');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');

if (typeof globalThis.gc !== 'function') console.warn('note: run with node --expose-gc (npm run bench does) for the memory figure');

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
      input: { run: join(repoRoot, 'bench/run.ts'), scaleWorker: join(repoRoot, 'bench/suites/scaleWorker.ts') },
      output: { format: 'es', entryFileNames: '[name].mjs' },
    },
  },
});

const { main } = await import(pathToFileURL(join(outDir, 'run.mjs')).href);
const { failed } = await main({ repoRoot, outDir, quick, only, profile });
process.exitCode = failed > 0 ? 1 : 0;
