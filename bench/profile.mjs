#!/usr/bin/env node
// Profiling helper: bundles bench/profile/<name>.ts like run.mjs does and calls its run().
// Usage: node --cpu-prof --cpu-prof-dir=bench/.out/prof bench/profile.mjs machine [seconds]
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { bundleBench } from './bundle.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const [name = 'machine', seconds = '5'] = process.argv.slice(2);
const outDir = join(repoRoot, 'bench/.out/profile');
await bundleBench(repoRoot, outDir, { [name]: `bench/profile/${name}.ts` });
const mod = await import(pathToFileURL(join(outDir, `${name}.mjs`)).href);
await mod.run(Number(seconds), outDir);
