/**
 * Where the time of one storm goes, for the render-under-load report (`--profile`): a
 * Chromium trace (main-thread self time by event, grouped: script, style, layout, paint,
 * GC) and a V8 CPU profile (self and inclusive time by function and by source module).
 * Run on unminified builds with source maps, so each sampled function keeps its name and
 * is attributed to its module (react-dom, @xyflow/react, xstate, src/…). Files go to test-results/render-profile/ (git-ignored; bench/.out is emptied by every run).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export interface StormProfile {
  files: { trace: string; cpuprofile: string };
  /** Filled by the caller: renders while idle and per command, by component (unminified names). */
  idle?: unknown;
  renders?: Array<{ name: string; perCommand: number }>;
  wallMs: number;
  /** Main thread self time by category, ms. */
  categories: Record<string, number>;
  /** Main thread self time by trace event name, top 15. */
  topEvents: Array<{ name: string; ms: number }>;
  cpu: {
    sampledMs: number;
    bySource: Array<{ source: string; ms: number; pct: number }>;
    topSelf: Array<{ fn: string; ms: number; pct: number }>;
    topInclusive: Array<{ fn: string; ms: number; pct: number }>;
  };
}

export const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  'v8',
  'blink',
  'blink.user_timing',
];

function category(name: string): string {
  if (/GC|Sweep|Mark|Scaveng|Compact|BlinkGC|ThreadState/i.test(name)) return 'gc';
  if (/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation|Document::updateStyle|StyleEngine)/.test(name)) return 'style';
  if (/^(Layout|UpdateLayout|LocalFrameView::layout|InvalidateLayout|IntersectionObserver)/.test(name)) return 'layout';
  if (/^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers|Commit|PaintImage|Decode|LocalFrameView::RunPaint|LocalFrameView::RunPrePaint|LocalFrameView::UpdateLifecyclePhases|cc::|ProxyMain|ScrollingCoordinator)/.test(name)) return 'paint/composite';
  if (/^(FunctionCall|EvaluateScript|v8|V8|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|CompileScript|CompileCode|HandlePostMessage|ParseHTML|XHR|ResourceReceive|MessagePort)/.test(name)) return 'script';
  return 'other';
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Main-thread self time by event name, for the renderer main thread with the most work. */
function analyzeTrace(events: TraceEvent[]): { wallMs: number; byName: Map<string, number> } {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: { key: string; total: number } | null = null;
  for (const m of mains) {
    const key = `${m.pid}:${m.tid}`;
    const total = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X').reduce((a, e) => a + (e.dur ?? 0), 0);
    if (!best || total > best.total) best = { key, total };
  }
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === best?.key && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const byName = new Map<string, number>();
  const stack: Array<{ end: number; name: string; self: number }> = [];
  const pop = () => {
    const top = stack.pop()!;
    byName.set(top.name, (byName.get(top.name) ?? 0) + top.self);
  };
  for (const e of mine) {
    while (stack.length && stack[stack.length - 1]!.end <= e.ts) pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.self -= Math.min(e.dur!, parent.end - e.ts);
    stack.push({ end: e.ts + e.dur!, name: e.name, self: e.dur! });
  }
  while (stack.length) pop();
  const ts = mine.map((e) => e.ts);
  const wallMs = ts.length ? (Math.max(...mine.map((e) => e.ts + e.dur!)) - Math.min(...ts)) / 1000 : 0;
  for (const [k, v] of byName) byName.set(k, v / 1000);
  return { wallMs, byName };
}

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/**
 * A source map's `mappings`, decoded to: per generated line (0-based), the sorted
 * generated columns where a segment starts and the index of its source file.
 */
export function decodeMappings(mappings: string): Array<{ cols: number[]; src: number[] }> {
  const lines: Array<{ cols: number[]; src: number[] }> = [];
  let src = 0;
  for (const line of mappings.split(';')) {
    const cols: number[] = [];
    const srcs: number[] = [];
    let col = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.get(ch) ?? 0;
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += values[0] ?? 0;
      if (values.length >= 4) {
        src += values[1]!;
        cols.push(col);
        srcs.push(src);
      }
    }
    lines.push({ cols, src: srcs });
  }
  return lines;
}

/** `(url, line, column)` → source module path, through the chunk's source map (`<chunk>.map`). */
function sourceLookup(readFile: (url: string) => string | null): (url: string, line: number, column: number) => string | null {
  const cache = new Map<string, { sources: string[]; lines: Array<{ cols: number[]; src: number[] }> } | null>();
  return (url, line, column) => {
    if (!cache.has(url)) {
      let entry = null;
      const text = readFile(`${url}.map`);
      if (text !== null) {
        const map = JSON.parse(text) as { sources: string[]; mappings: string };
        entry = { sources: map.sources.map((p) => p.replace(/^(\.\.\/)+/, '').replace(/^\0/, '')), lines: decodeMappings(map.mappings) };
      }
      cache.set(url, entry);
    }
    const entry = cache.get(url);
    const l = entry?.lines[line];
    if (!entry || !l || l.cols.length === 0) return null;
    let found = -1;
    for (let i = 0; i < l.cols.length && l.cols[i]! <= column; i++) found = i;
    return entry.sources[l.src[found === -1 ? 0 : found]!] ?? null;
  };
}

/** A module path shortened to its package, or to `src/<area>/<feature>`, `machines/<area>`, `bench/<dir>`. */
function sourceGroup(path: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (nm) return nm[1]!;
  const m = /(?:^|\/)(src|machines|bench)\/(.+)$/.exec(path);
  if (!m) return path;
  const parts = m[2]!.split('/');
  const keep = m[1] === 'src' ? 2 : 1;
  return [m[1], ...parts.slice(0, Math.min(keep, parts.length - 1))].join('/') || path;
}

export function analyzeCpu(prof: CpuProfile, readChunk: (url: string) => string | null): StormProfile['cpu'] {
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
  const lookup = sourceLookup(readChunk);
  const moduleOf = (url: string, line: number, column: number): string => lookup(url, line, column) ?? (url ? url.split('/').pop()! : '(native)');
  const key = (id: number) => {
    const f = byId.get(id)!.callFrame;
    const name = f.functionName || '(anonymous)';
    if (!f.url) return name;
    return `${name} ${moduleOf(f.url, f.lineNumber, f.columnNumber).replace(/^.*node_modules\//, '').replace(/^.*?\/((?:src|machines|bench)\/)/, '$1')}`;
  };
  const idle = new Set(['(idle)', '(program)', '(root)']);
  let total = 0;
  const selfBy = new Map<string, number>();
  const inclBy = new Map<string, number>();
  const sourceBy = new Map<string, number>();
  for (const [id, t] of self) {
    const node = byId.get(id)!;
    if (idle.has(node.callFrame.functionName)) continue;
    total += t;
    const k = key(id);
    selfBy.set(k, (selfBy.get(k) ?? 0) + t);
    const src = node.callFrame.url ? sourceGroup(moduleOf(node.callFrame.url, node.callFrame.lineNumber, node.callFrame.columnNumber)) : node.callFrame.functionName || '(native)';
    sourceBy.set(src, (sourceBy.get(src) ?? 0) + t);
    const seen = new Set<string>();
    for (let i: number | undefined = id; i !== undefined; i = parent.get(i)) {
      const kk = key(i);
      if (seen.has(kk) || idle.has(byId.get(i)!.callFrame.functionName)) continue;
      seen.add(kk);
      inclBy.set(kk, (inclBy.get(kk) ?? 0) + t);
    }
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([fn, us]) => ({ fn, ms: us / 1000, pct: (100 * us) / total }));
  return {
    sampledMs: total / 1000,
    bySource: top(sourceBy, 15).map(({ fn, ms, pct }) => ({ source: fn, ms, pct })),
    topSelf: top(selfBy, 25),
    topInclusive: top(inclBy, 40),
  };
}

/** Main-thread self time by category and by event name, from a Chromium trace's JSON. */
export function traceSummary(traceJson: Buffer): { wallMs: number; categories: Record<string, number>; topEvents: Array<{ name: string; ms: number }> } {
  const parsed = JSON.parse(traceJson.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const { wallMs, byName } = analyzeTrace(events);
  const categories: Record<string, number> = {};
  for (const [name, ms] of byName) categories[category(name)] = (categories[category(name)] ?? 0) + ms;
  const topEvents = [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([name, ms]) => ({ name, ms }));
  return { wallMs, categories, topEvents };
}

/** Runs `fn` while Chromium traces `page`; returns its result and the trace summary. */
export async function traced<T>(browser: Browser, page: Page, fn: () => Promise<T>): Promise<{ result: T; trace: ReturnType<typeof traceSummary> }> {
  await browser.startTracing(page, { categories: CATEGORIES });
  const result = await fn();
  return { result, trace: traceSummary(await browser.stopTracing()) };
}

/** Runs `storm` with a Chromium trace and a CPU profile recording; writes both under `outPrefix`. */
export async function profileStorm(browser: Browser, page: Page, storm: () => Promise<unknown>, outPrefix: string, chunkRoot?: (url: string) => string | null): Promise<StormProfile> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await browser.startTracing(page, { categories: CATEGORIES });
  await cdp.send('Profiler.start');
  await storm();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const traceBuffer = await browser.stopTracing();
  await cdp.detach();
  const files = { trace: `${outPrefix}.trace.json`, cpuprofile: `${outPrefix}.cpuprofile` };
  writeFileSync(files.trace, traceBuffer);
  writeFileSync(files.cpuprofile, JSON.stringify(profile));
  const { wallMs, categories, topEvents } = traceSummary(traceBuffer);
  const readChunk =
    chunkRoot ??
    ((url: string) => {
      try {
        return readFileSync(new URL(url).pathname, 'utf8');
      } catch {
        return null;
      }
    });
  return { files, wallMs, categories, topEvents, cpu: analyzeCpu(profile, readChunk) };
}
