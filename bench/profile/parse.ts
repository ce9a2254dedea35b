/** parseCompose growth beyond the bench's sizes: node [--cpu-prof] bench/profile.mjs parse */
import { parseCompose } from '../../src/model/compose/parseCompose';
import { median, nowNs } from '../lib/measure';
import { syntheticCompose } from '../suites/composeParse';

export function run(): void {
  for (const shape of ['chain', 'fanout'] as const) {
    for (const n of [100, 500, 1000, 2000]) {
      const text = syntheticCompose(shape, n);
      parseCompose(text);
      const t: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = nowNs();
        const r = parseCompose(text);
        t.push(nowNs() - t0);
        if (!r.ok) throw new Error(r.error.message);
      }
      console.log(`${shape}-${n}: ${(median(t) / 1e6).toFixed(0)} ms, ${(median(t) / 1e6 / n).toFixed(3)} ms/svc`);
    }
  }
}
