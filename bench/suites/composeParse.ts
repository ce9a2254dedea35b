/**
 * Bench 3 — compose parse + validate + layout. For each fixture file, the big graphs of
 * the browser tests (a 40-service chain, 200 services) and synthetic
 * chain / fan-out files of 100 and 500 services: `parseCompose` (YAML, zod schema,
 * normalisation, consistency + cycle checks) and `layoutArchitecture` (dagre), timed
 * separately. Baselines: plain `yaml.parse` of the same text (what validation costs on
 * top of reading), and the 100-service file of the same shape (how cost grows).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseCompose } from '../../src/model/compose/parseCompose';
import { chainCompose, platformCompose } from '../../test/fixtures/generatedCompose';
import { figure, median, nowNs, type Figure } from '../lib/measure';

type LayoutFn = (spec: never) => { positions: Record<string, unknown> };

/** Synthetic compose file: `chain` (svc-i depends on svc-(i-1)) or `fanout` (a gateway depends on every worker, every worker on db + cache). */
export function syntheticCompose(shape: 'chain' | 'fanout', n: number): string {
  const lines: string[] = [`name: synthetic-${shape}-${n}`, 'services:'];
  const service = (name: string, deps: Array<[string, string]>, i: number) => {
    lines.push(`  ${name}:`);
    lines.push(`    image: registry.example.com/team/${name}:${1 + (i % 7)}.${i % 10}`);
    lines.push(`    restart: ${i % 2 ? 'unless-stopped' : 'on-failure:3'}`);
    lines.push('    environment:', `      SERVICE_NAME: ${name}`, `      LOG_LEVEL: info`, `      PORT: "${8000 + (i % 1000)}"`);
    lines.push('    ports:', `      - "${10000 + i}:8080"`);
    lines.push('    expose:', '      - "9090"');
    if (i % 3 === 0) {
      lines.push('    healthcheck:', '      test: ["CMD", "curl", "-f", "http://localhost:8080/health"]', '      interval: 10s', '      timeout: 2s', '      retries: 3', '      start_period: 5s');
    }
    lines.push('    networks:', '      - backend');
    if (deps.length > 0) {
      lines.push('    depends_on:');
      for (const [dep, condition] of deps) lines.push(`      ${dep}:`, `        condition: ${condition}`);
    }
  };
  if (shape === 'chain') {
    for (let i = 0; i < n; i++) service(`svc-${i}`, i === 0 ? [] : [[`svc-${i - 1}`, (i - 1) % 3 === 0 ? 'service_healthy' : 'service_started']], i);
  } else {
    service('db', [], 0);
    service('cache', [], 3);
    const workers = Array.from({ length: n - 3 }, (_, i) => `worker-${i}`);
    workers.forEach((w, i) => service(w, [['db', 'service_healthy'], ['cache', 'service_healthy']], i + 1));
    service('gateway', workers.map((w) => [w, 'service_started'] as [string, string]), 1);
  }
  lines.push('networks:', '  backend: {}');
  return lines.join('\n') + '\n';
}

/**
 * Median ns of each of `fns`, sampled alternately (so load changes hit all alike) until
 * `minMs` spent and at least `minSamples` rounds taken.
 */
function measure(fns: Array<() => void>, minMs: number, minSamples: number, maxSamples = 500): number[][] {
  for (const fn of fns) {
    fn(); // warm-up, twice
    fn();
  }
  const times: number[][] = fns.map(() => []);
  const start = nowNs();
  let rounds = 0;
  while (rounds < maxSamples && (rounds < minSamples || nowNs() - start < minMs * 1e6)) {
    fns.forEach((fn, i) => {
      const t0 = nowNs();
      fn();
      times[i]!.push(nowNs() - t0);
    });
    rounds++;
  }
  return times;
}

export interface ComposeRow {
  file: string;
  services: number;
  containers: number;
  bytes: number;
  yamlMs: number;
  parseMs: number;
  layoutMs: number | null;
  totalMs: number;
  msPerService: number;
}

export function runComposeParse(options: { fixturesDir: string; layout: LayoutFn | null; minMs?: number }): {
  figures: Figure[];
  rows: ComposeRow[];
  detail: Record<string, unknown>;
} {
  const minMs = options.minMs ?? 300;
  const inputs: Array<{ file: string; text: string }> = readdirSync(options.fixturesDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(options.fixturesDir, file), 'utf8') }));
  // The big graphs of the browser tests and screenshots (test/e2e/bigGraphs.e2e.test.ts).
  inputs.push({ file: 'generated chain-40', text: chainCompose(40) }, { file: 'generated platform-200', text: platformCompose(200) });
  for (const shape of ['chain', 'fanout'] as const) {
    for (const n of [100, 500]) inputs.push({ file: `synthetic ${shape}-${n}`, text: syntheticCompose(shape, n) });
  }

  // Warm the JIT on every input first, so the first file measured does not pay compile time.
  for (let i = 0; i < 3; i++) {
    for (const { file, text } of inputs) {
      parseYaml(text, { merge: true, maxAliasCount: -1 });
      const r = parseCompose(text, { fileName: file });
      if (r.ok && options.layout && i === 0) options.layout(r.spec as never);
    }
  }
  // Groups measured together, samples interleaved: each fixture alone; each synthetic
  // shape's 100 and 500 together (so the growth ratio is paired sample by sample).
  const groups: Array<Array<{ file: string; text: string }>> = [
    ...inputs.filter((i) => !i.file.startsWith('synthetic')).map((i) => [i]),
    ...(['chain', 'fanout'] as const).map((shape) => inputs.filter((i) => i.file.startsWith(`synthetic ${shape}-`))),
  ];
  const rows: ComposeRow[] = [];
  const raw = new Map<string, { parse: number[]; layout: number[] | null }>();
  for (const group of groups) {
    const fns: Array<() => void> = [];
    const prepared = group.map(({ file, text }) => {
      const result = parseCompose(text, { fileName: file });
      if (!result.ok) throw new Error(`${file}: parseCompose failed: ${result.error.message}`);
      const spec = result.spec;
      const at = fns.length;
      fns.push(() => parseYaml(text, { merge: true, maxAliasCount: -1 }), () => parseCompose(text, { fileName: file }));
      if (options.layout) fns.push(() => options.layout!(spec as never));
      return { file, text, spec, at };
    });
    const times = measure(fns, minMs * group.length, group.length > 1 ? 9 : 15, 200);
    for (const { file, text, spec, at } of prepared) {
      const containers = options.layout ? Object.keys(options.layout(spec as never).positions).length : spec.services.reduce((s, x) => s + x.replicas, 0);
      const parseMs = median(times[at + 1]!) / 1e6;
      const layoutMs = options.layout ? median(times[at + 2]!) / 1e6 : null;
      const totalMs = parseMs + (layoutMs ?? 0);
      raw.set(file, { parse: times[at + 1]!, layout: options.layout ? times[at + 2]! : null });
      rows.push({
        file,
        services: spec.services.length,
        containers,
        bytes: Buffer.byteLength(text),
        yamlMs: median(times[at]!) / 1e6,
        parseMs,
        layoutMs,
        totalMs,
        msPerService: totalMs / spec.services.length,
      });
    }
  }
  /** Median over paired samples of (per-service cost at 500) / (per-service cost at 100). */
  const growth = (shape: string, part: 'parse' | 'layout' | 'total'): number => {
    const small = raw.get(`synthetic ${shape}-100`)!;
    const big = raw.get(`synthetic ${shape}-500`)!;
    const pick = (r: { parse: number[]; layout: number[] | null }, i: number) =>
      part === 'parse' ? r.parse[i]! : part === 'layout' ? r.layout![i]! : r.parse[i]! + (r.layout?.[i] ?? 0);
    return median(small.parse.map((_, i) => pick(big, i) / 500 / (pick(small, i) / 100)));
  };

  const figures: Figure[] = [];
  for (const row of rows) {
    figures.push(
      figure({
        id: `compose.parse.${row.file}`,
        group: '3. Compose parse + layout',
        label: `parseCompose ${row.file} (${row.services} svc)`,
        unit: 'ms',
        value: row.parseMs,
        baseline: row.yamlMs,
        baselineLabel: 'yaml.parse of the same text',
        budget: null,
        note: row.layoutMs !== null ? `layout ${row.layoutMs.toFixed(2)} ms; total ${row.totalMs.toFixed(2)} ms = ${row.msPerService.toFixed(3)} ms/service` : 'layout skipped',
      }),
    );
  }
  for (const shape of ['chain', 'fanout']) {
    const small = rows.find((r) => r.file === `synthetic ${shape}-100`)!;
    const big = rows.find((r) => r.file === `synthetic ${shape}-500`)!;
    figures.push(
      figure({
        id: `compose.growth.parse.${shape}`,
        group: '3. Compose parse + layout',
        label: `parse ms/service, ${shape} 500 vs 100`,
        unit: 'ms/svc',
        value: big.parseMs / big.services,
        baseline: small.parseMs / small.services,
        ratio: growth(shape, 'parse'),
        baselineLabel: `${shape}-100`,
        budget: null,
      }),
    );
    if (big.layoutMs !== null && small.layoutMs !== null) {
      figures.push(
        figure({
          id: `compose.growth.layout.${shape}`,
          group: '3. Compose parse + layout',
          label: `layout ms/service, ${shape} 500 vs 100`,
          unit: 'ms/svc',
          value: big.layoutMs / big.services,
          baseline: small.layoutMs / small.services,
          ratio: growth(shape, 'layout'),
          baselineLabel: `${shape}-100`,
          budget: null,
        }),
      );
    }
    figures.push(
      figure({
        id: `compose.growth.total.${shape}`,
        group: '3. Compose parse + layout',
        label: `parse+layout ms/service, ${shape} 500 vs 100`,
        unit: 'ms/svc',
        value: big.msPerService,
        baseline: small.msPerService,
        ratio: growth(shape, 'total'),
        baselineLabel: `${shape}-100`,
        budget: null,
        note: `total ${big.totalMs.toFixed(0)} ms at 500 services`,
      }),
    );
  }
  return { figures, rows, detail: { layout: options.layout !== null } };
}
