/**
 * Bench 2 what-ifs, measured like bench 2 (a worker per (variant, N), samples
 * interleaved across all of them): shipped vs noTimer vs inPlaceLog vs both, at 10 and N.
 * Usage: node --expose-gc bench/profile.mjs scaleWhatIf <N=3000>
 */
import { join } from 'node:path';
import { median } from '../lib/measure';
import { SizeWorker } from '../suites/systemScale';
import type { FinishReply, SampleReply, SetupReply } from '../suites/scaleWorker';

export async function run(n = 3000, outDir = ''): Promise<void> {
  const file = join(outDir, 'scaleWorker.mjs');
  const variants = ['shipped', 'noTimer', 'inPlaceLog', 'both'];
  const workers: Array<{ v: string; n: number; w: SizeWorker; setup: SetupReply; s: number[]; gc: number[] }> = [];
  for (const v of variants)
    for (const size of [10, n]) {
      const w = new SizeWorker(file, size, v);
      workers.push({ v, n: size, w, setup: await w.ready, s: [], gc: [] });
    }
  for (const x of workers) await x.w.request<SampleReply>({ cmd: 'sample', commands: 10000, seed: 999 });
  for (let round = 0; round < 10; round++)
    for (const x of workers) {
      const r = await x.w.request<SampleReply>({ cmd: 'sample', commands: 10000, seed: round + 1 });
      x.s.push(r.nsPerCommand);
      x.gc.push(r.gcNsPerCommand);
    }
  console.log(`variant      N      send µs/cmd  (GC)   ratio N/10 (paired)  setup ms  tick µs  stop ms`);
  for (const v of variants) {
    const small = workers.find((x) => x.v === v && x.n === 10)!;
    for (const x of workers.filter((x) => x.v === v)) {
      const f = await x.w.request<FinishReply>({ cmd: 'finish', teardown: x.n <= 3000 });
      await x.w.close();
      const ratio = median(x.s.map((s, i) => s / small.s[i]!));
      console.log(
        `${v.padEnd(11)} ${String(x.n).padStart(5)}  ${(median(x.s) / 1000).toFixed(1).padStart(8)}  (${(median(x.gc) / 1000).toFixed(1)})  ${ratio.toFixed(2).padStart(8)}×  ${x.setup.setupMs.toFixed(0).padStart(12)}  ${(x.setup.tickNs / 1000).toFixed(1).padStart(7)}  ${f.teardownMs?.toFixed(0) ?? '—'}`,
      );
    }
  }
}
