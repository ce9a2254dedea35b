/**
 * Bench 2 — system scale. Per-command cost of `architecture.send(name, command)` in an
 * architecture of 10, 1 000 and 10 000 containers, random commands on random containers.
 *
 * Each size lives in its own worker thread (scaleWorker.ts), so each has its own V8
 * heap: a big architecture's GC is charged to it, not to the small one. The coordinator
 * asks the workers for samples in turn (10 → 1 000 → 10 000 → 10 …; only one runs at a
 * time), so a change in machine load hits every size alike; each size's ratio is the
 * median of the ratios of adjacent samples.
 */
import { Worker } from 'node:worker_threads';
import { figure, median, spread, type Figure } from '../lib/measure';
import type { FinishReply, SampleReply, SetupReply, WorkerRequest } from './scaleWorker';

export interface ScaleOptions {
  /** Path of the bundled scaleWorker.mjs. */
  workerFile: string;
  sizes?: number[];
  commandsPerSample?: number;
  /** Interleaved rounds (each: one sample per size). */
  rounds?: number;
  /** Largest size whose `architecture.stop()` is timed (O(N²) in XState). */
  teardownUpTo?: number;
}

class SizeWorker {
  private readonly worker: Worker;
  private pending: { resolve: (value: unknown) => void; reject: (error: Error) => void } | null = null;
  private failed: Error | null = null;
  readonly ready: Promise<SetupReply>;

  /** `control: 'bare'` runs bare XState actors instead of an architecture (the floor). */
  constructor(file: string, readonly n: number, control?: 'bare') {
    this.worker = new Worker(file, { workerData: { bench: 'scale', n, control } });
    this.ready = new Promise((resolve, reject) => {
      this.pending = { resolve: resolve as (v: unknown) => void, reject };
    });
    this.worker.on('message', (m) => {
      const p = this.pending;
      this.pending = null;
      p?.resolve(m);
    });
    this.worker.on('error', (e) => {
      this.failed = e;
      const p = this.pending;
      this.pending = null;
      p?.reject(e);
    });
  }

  request<T>(req: WorkerRequest): Promise<T> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise<T>((resolve, reject) => {
      this.pending = { resolve: resolve as (v: unknown) => void, reject };
      this.worker.postMessage(req);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

export async function runSystemScale(options: ScaleOptions): Promise<{ figures: Figure[]; detail: Record<string, unknown> }> {
  const sizes = options.sizes ?? [10, 1000, 10000];
  const perSample = options.commandsPerSample ?? 10000;
  const rounds = options.rounds ?? 12;
  const teardownUpTo = options.teardownUpTo ?? 1000;

  // Build one size at a time (each setup alone on the CPU).
  const workers: SizeWorker[] = [];
  const setups = new Map<number, SetupReply>();
  for (const n of sizes) {
    const w = new SizeWorker(options.workerFile, n);
    setups.set(n, await w.ready);
    workers.push(w);
  }
  const base = sizes[0]!;
  const largest = sizes[sizes.length - 1]!;
  // The control: bare XState actors at the smallest and largest size, sampled in the same rounds.
  const bareSmall = new SizeWorker(options.workerFile, base, 'bare');
  const bareLarge = new SizeWorker(options.workerFile, largest, 'bare');
  await bareSmall.ready;
  await bareLarge.ready;
  const controls = [bareSmall, bareLarge];
  const bareSamples = new Map<SizeWorker, SampleReply[]>(controls.map((w) => [w, []]));
  const samples = new Map<number, SampleReply[]>(sizes.map((n) => [n, []]));
  // Warm-up round (JIT; evicts the `compose up` entry from each 1000-entry log).
  for (const w of [...workers, ...controls]) await w.request<SampleReply>({ cmd: 'sample', commands: perSample, seed: 999 });
  for (let round = 0; round < rounds; round++) {
    // Same seeds for every size in a round: the same command mix everywhere.
    for (const w of workers) samples.get(w.n)!.push(await w.request<SampleReply>({ cmd: 'sample', commands: perSample, seed: 1 + round }));
    for (const w of controls) bareSamples.get(w)!.push(await w.request<SampleReply>({ cmd: 'sample', commands: perSample, seed: 1 + round }));
  }
  const finishes = new Map<number, FinishReply>();
  for (const w of workers) {
    finishes.set(w.n, await w.request<FinishReply>({ cmd: 'finish', teardown: w.n <= teardownUpTo }));
    await w.close();
  }
  for (const w of controls) await w.close();

  const cost = (n: number) => samples.get(n)!.map((s) => s.nsPerCommand);
  const gcCost = (n: number) => samples.get(n)!.map((s) => s.gcNsPerCommand);
  const pairedRatio = (n: number) => median(cost(n).map((v, i) => v / cost(base)[i]!));
  const figures: Figure[] = [];
  for (const n of sizes.slice(1)) {
    figures.push(
      figure({
        id: `scale.sendCost.${n}`,
        group: '2. System scale',
        label: `architecture.send cost at ${n.toLocaleString('en')} containers`,
        unit: 'µs/cmd',
        value: median(cost(n)) / 1000,
        baseline: median(cost(base)) / 1000,
        baselineLabel: `same at ${base} containers`,
        ratio: pairedRatio(n),
        budget: n === largest ? { op: '<=', limit: 1.2 } : null,
        spread: Math.max(spread(cost(n)), spread(cost(base))),
        samples: rounds,
        note: `ratio = median of adjacent-sample ratios; GC pauses ${(median(gcCost(n)) / 1000).toFixed(1)} µs/cmd (at ${base}: ${(median(gcCost(base)) / 1000).toFixed(1)})`,
      }),
    );
  }
  const bareCost = (w: SizeWorker) => bareSamples.get(w)!.map((s) => s.nsPerCommand);
  figures.push(
    figure({
      id: `scale.bareActors.${largest}`,
      group: '2. System scale',
      label: `control: bare XState actors, one event each, at ${largest.toLocaleString('en')}`,
      unit: 'µs/evt',
      value: median(bareCost(bareLarge)) / 1000,
      baseline: median(bareCost(bareSmall)) / 1000,
      baselineLabel: `same at ${base} actors`,
      ratio: median(bareCost(bareLarge).map((v, i) => v / bareCost(bareSmall)[i]!)),
      budget: null,
      spread: Math.max(spread(bareCost(bareLarge)), spread(bareCost(bareSmall))),
      samples: rounds,
      note: `the floor for one XState actor per container: bench 1's bare machine (no context, no actions), random actor per event, same rounds; GC ${(median(bareSamples.get(bareLarge)!.map((s) => s.gcNsPerCommand)) / 1000).toFixed(1)} µs/evt at ${largest.toLocaleString('en')}`,
    }),
  );
  // The entry point against the floor at the same size, same rounds: what one command costs
  // beyond one XState actor's event (issue 12: no dearer than the old `architecture.send`).
  for (const [n, w] of [[base, bareSmall], [largest, bareLarge]] as const) {
    const bare = bareCost(w);
    figures.push(
      figure({
        id: `scale.sendVsBare.${n}`,
        group: '2. System scale',
        label: `architecture.send vs a bare XState actor's event at ${n.toLocaleString('en')}`,
        unit: 'µs/cmd',
        value: median(cost(n)) / 1000,
        baseline: median(bare) / 1000,
        baselineLabel: `bare actors at ${n.toLocaleString('en')}`,
        ratio: median(cost(n).map((v, i) => v / bare[i]!)),
        budget: null,
        spread: Math.max(spread(cost(n)), spread(bare)),
        samples: rounds,
        note: 'ratio = median of same-round ratios',
      }),
    );
  }
  for (const n of sizes.slice(1)) {
    figures.push(
      figure({
        id: `scale.gc.${n}`,
        group: '2. System scale',
        label: `GC pause time per command at ${n.toLocaleString('en')}`,
        unit: 'µs/cmd',
        value: median(gcCost(n)) / 1000,
        baseline: median(gcCost(base)) / 1000,
        baselineLabel: `same at ${base} containers`,
        ratio: median(gcCost(n).map((v, i) => v / gcCost(base)[i]!)),
        budget: null,
      }),
    );
  }
  const sb = setups.get(base)!;
  for (const n of sizes.slice(1)) {
    const s = setups.get(n)!;
    figures.push(
      figure({
        id: `scale.setup.${n}`,
        group: '2. System scale',
        label: `createArchitecture(up) per container at ${n.toLocaleString('en')}`,
        unit: 'µs/ctr',
        value: (s.setupMs * 1000) / n,
        baseline: (sb.setupMs * 1000) / base,
        baselineLabel: `same at ${base} containers`,
        budget: null,
        note: `total ${s.setupMs.toFixed(0)} ms (one build; ${base}: ${sb.setupMs.toFixed(1)} ms)`,
      }),
    );
  }
  const fb = finishes.get(base)!;
  for (const n of sizes.slice(1)) {
    const f = finishes.get(n)!;
    if (f.teardownMs === null || fb.teardownMs === null) continue;
    figures.push(
      figure({
        id: `scale.teardown.${n}`,
        group: '2. System scale',
        label: `architecture.stop() per container at ${n.toLocaleString('en')}`,
        unit: 'µs/ctr',
        value: (f.teardownMs * 1000) / n,
        baseline: (fb.teardownMs * 1000) / base,
        baselineLabel: `same at ${base} containers`,
        budget: null,
        note: `total ${f.teardownMs.toFixed(0)} ms`,
      }),
    );
  }
  for (const n of sizes.slice(1)) {
    const s = setups.get(n)!;
    figures.push(
      figure({
        id: `scale.clockTick.${n}`,
        group: '2. System scale',
        label: `SimulatedClock.increment(50) after up at ${n.toLocaleString('en')}`,
        unit: 'µs/tick',
        value: s.tickNs / 1000,
        baseline: sb.tickNs / 1000,
        baselineLabel: `same at ${base} containers`,
        budget: null,
        note: `${s.pendingTimers} pending timers (at ${base}: ${sb.pendingTimers})`,
      }),
    );
  }
  if (typeof (globalThis as { gc?: unknown }).gc === 'function') {
    const mid = sizes[Math.max(1, sizes.length - 2)]!;
    figures.push(
      figure({
        id: 'scale.memoryPerContainer',
        group: '2. System scale',
        label: `heap per container at ${largest.toLocaleString('en')} (steady, after commands)`,
        unit: 'KiB',
        value: finishes.get(largest)!.bytesPerContainerSteady / 1024,
        baseline: finishes.get(mid)!.bytesPerContainerSteady / 1024,
        baselineLabel: `same at ${mid.toLocaleString('en')} containers`,
        budget: null,
        note: `right after up (log holds the up entry): ${(setups.get(largest)!.bytesPerContainerAfterUp / 1024).toFixed(1)} KiB`,
      }),
    );
  }
  return {
    figures,
    detail: {
      commandsPerSample: perSample,
      rounds,
      sizes: sizes.map((n) => ({ n, setup: setups.get(n), samples: samples.get(n), finish: finishes.get(n), nsPerCommandMedian: median(cost(n)) })),
    },
  };
}
