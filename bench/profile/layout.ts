/** Layout timing in isolation, each input repeated: node bench/profile.mjs layout */
import { readFileSync } from 'node:fs';
import { parseCompose } from '../../src/model/compose/parseCompose';
import { layoutArchitecture } from '../../src/model/layout/layoutArchitecture';
import { architectureGraph } from '../../src/model/layout/architectureGraph';
import { median, nowNs } from '../lib/measure';
import { syntheticCompose } from '../suites/composeParse';
import { chainCompose, platformCompose } from '../../test/fixtures/generatedCompose';

export function run(): void {
  const inputs: Array<[string, string]> = [
    ['otel', readFileSync('test/fixtures/compose/open-telemetry_opentelemetry-demo__compose.yml', 'utf8')],
    ['sentry', readFileSync('test/fixtures/compose/getsentry_self-hosted__docker-compose.yml', 'utf8')],
    ['chain40', chainCompose(40)],
    ['platform200', platformCompose(200)],
    ['chain-100', syntheticCompose('chain', 100)],
    ['chain-200', syntheticCompose('chain', 200)],
    ['chain-500', syntheticCompose('chain', 500)],
    ['fanout-100', syntheticCompose('fanout', 100)],
    ['fanout-500', syntheticCompose('fanout', 500)],
  ];
  const specs = inputs.map(([name, text]) => {
    const r = parseCompose(text, { fileName: 'compose.yml' });
    if (!r.ok) throw new Error(r.error.message);
    return [name, r.spec] as const;
  });
  const only = process.env.ONLY?.split(',');
  const chosen = only ? specs.filter(([name]) => only.includes(name)) : specs;
  for (const [, spec] of chosen) layoutArchitecture(spec);
  for (let round = 0; round < 2; round++)
    for (const [name, spec] of chosen) {
      const g = architectureGraph(spec);
      const t: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = nowNs();
        layoutArchitecture(spec);
        t.push(nowNs() - t0);
      }
      console.log(`${name.padEnd(11)} nodes ${String(g.containers.length).padStart(4)} edges ${String(g.links.length).padStart(4)}  layout ${(median(t) / 1e6).toFixed(1)} ms`);
    }
}
