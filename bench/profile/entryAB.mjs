#!/usr/bin/env node
// A/B of the architecture's command entry point: `Architecture.send` of a git ref ("base")
// against the working tree ("mine"), at 10 and 10 000 containers, in one process.
//
//   node --expose-gc bench/profile/entryAB.mjs [--ref=52a48ff^] [--rounds=15] [--commands=10000]
//
// Each side is bench 2's scale worker (bench/suites/scaleWorker.ts: N services × 1 replica,
// `docker compose up`, SimulatedClock standing still, seeded random start/stop/pause/
// unpause/restart/kill), bundled by bench/bundle.mjs: the ref's from a temporary
// `git worktree` (removed afterwards), the working tree's from here. One worker thread per
// side and size (its own heap and GC), plus bench 2's control (N bare XState actors).
// Samples are interleaved: every round asks each worker for one sample of the same seed
// in turn, so machine noise hits both sides alike. Printed: each side's median µs per
// command, and the median of the per-round ratios mine/base (the figure to budget: ≤ 1.0).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bundleBench } from '../bundle.mjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const ref = arg('ref', '52a48ff^');
const rounds = Number(arg('rounds', '15'));
const commands = Number(arg('commands', '10000'));
const sizes = [10, 10_000];

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Bundles the scale worker of `root` into `root/bench/.out/ab`; returns its path. */
async function buildWorker(root) {
  const outDir = join(root, 'bench/.out/ab');
  await bundleBench(root, outDir, {});
  return join(outDir, 'scaleWorker.mjs');
}

function spawn(file, n, control) {
  const worker = new Worker(file, { workerData: { bench: 'scale', n, control } });
  let waiting = null;
  worker.on('message', (m) => {
    const resolve = waiting;
    waiting = null;
    resolve?.(m);
  });
  worker.on('error', (e) => {
    console.error(e);
    process.exit(1);
  });
  const ready = new Promise((resolve) => (waiting = resolve));
  const ask = (msg) =>
    new Promise((resolve) => {
      waiting = resolve;
      worker.postMessage(msg);
    });
  return { ready, ask, close: () => worker.terminate() };
}

const sha = execFileSync('git', ['-C', repoRoot, 'rev-parse', '--short', ref], { encoding: 'utf8' }).trim();
const head = execFileSync('git', ['-C', repoRoot, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const dirty = execFileSync('git', ['-C', repoRoot, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
const tmp = mkdtempSync(join(tmpdir(), 'entry-ab-'));
const baseRoot = join(tmp, 'base');
execFileSync('git', ['-C', repoRoot, 'worktree', 'add', '--detach', baseRoot, sha], { stdio: 'ignore' });
let baseFile;
let mineFile;
try {
  // The ref's dependencies are the working tree's (node_modules stays external in the bundle).
  symlinkSync(join(repoRoot, 'node_modules'), join(baseRoot, 'node_modules'), 'dir');
  baseFile = await buildWorker(baseRoot);
  mineFile = await buildWorker(repoRoot);
  console.log(`base = ${ref} (${sha}), mine = working tree (${head}${dirty ? ' + changes' : ''}); ${rounds} rounds × ${commands} commands, node ${process.version}`);

  const workers = {};
  for (const n of sizes) {
    for (const [side, file, control] of [['base', baseFile], ['mine', mineFile], ['bare', mineFile, 'bare']]) {
      const w = spawn(file, n, control);
      await w.ready;
      workers[`${side}${n}`] = w;
    }
  }
  const samples = Object.fromEntries(Object.keys(workers).map((k) => [k, []]));
  for (const w of Object.values(workers)) await w.ask({ cmd: 'sample', commands, seed: 999 }); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const [k, w] of Object.entries(workers)) samples[k].push((await w.ask({ cmd: 'sample', commands, seed: 1 + r })).nsPerCommand);
  }
  for (const n of sizes) {
    const base = samples[`base${n}`];
    const mine = samples[`mine${n}`];
    const bare = samples[`bare${n}`];
    const ratios = mine.map((v, i) => v / base[i]);
    const us = (v) => (v / 1000).toFixed(2);
    console.log(
      `n=${String(n).padStart(5)}: base ${us(median(base))} µs, mine ${us(median(mine))} µs, bare ${us(median(bare))} µs` +
        ` | mine/base median ${median(ratios).toFixed(3)} (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)})` +
        ` | base/bare ${median(base.map((v, i) => v / bare[i])).toFixed(2)}, mine/bare ${median(mine.map((v, i) => v / bare[i])).toFixed(2)}`,
    );
  }
  for (const w of Object.values(workers)) await w.close();
} finally {
  execFileSync('git', ['-C', repoRoot, 'worktree', 'remove', '--force', baseRoot], { stdio: 'ignore' });
  rmSync(tmp, { recursive: true, force: true });
  if (mineFile) rmSync(join(repoRoot, 'bench/.out/ab'), { recursive: true, force: true });
}
