#!/usr/bin/env node
// Entry of `npm run bench` (node --expose-gc bench/run.mjs [--quick] [--only=machine,scale,compose,replay,bundle,render,startup] [--profile]).
// Bundles bench/run.ts (bundle.mjs), then runs it.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { bundleBench } from './bundle.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(repoRoot, 'bench/.out');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const profile = args.includes('--profile');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');

if (typeof globalThis.gc !== 'function') console.warn('note: run with node --expose-gc (npm run bench does) for the memory figure');

await bundleBench(repoRoot, outDir, { run: 'bench/run.ts' });

const { main } = await import(pathToFileURL(join(outDir, 'run.mjs')).href);
const { failed } = await main({ repoRoot, outDir, quick, only, profile });
process.exitCode = failed > 0 ? 1 : 0;
