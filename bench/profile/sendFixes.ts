/**
 * What-if for bench 2 (bench-only monkeypatch of Architecture's private log methods;
 * machines/ is not modified): `append` pushing in place (trim amortised, a copy made
 * lazily only when someone reads the log) and `finish` popping the stack, versus as
 * shipped. Same architecture, same command stream, alternating samples.
 * Usage: node bench/profile.mjs sendFixes <N>
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { SimulatedClock } from 'xstate';
import { Architecture, createArchitecture, type ContainerEvent } from '../../machines';
import { median, mulberry32, nowNs } from '../lib/measure';
import { scaleSpec } from '../suites/scaleSpec';

type Internals = { log: unknown[]; logLimit: number; stack: unknown[]; listeners: Set<(l: unknown) => void>; append(e: unknown): void; finish(e: unknown, r?: unknown): unknown };
const proto = Architecture.prototype as unknown as Internals;
const shipped = { append: proto.append, finish: proto.finish };
const patched = {
  append(this: Internals, entry: unknown) {
    this.log.push(entry);
    if (this.log.length > 2 * this.logLimit) this.log.splice(0, this.log.length - this.logLimit);
    for (const listener of this.listeners) listener(this.log);
  },
  finish(this: Internals, entry: { outcome: string; message?: string }, result?: { kind: string; message: string }) {
    if (result) {
      entry.outcome = result.kind;
      entry.message = result.message;
    }
    if (this.stack[this.stack.length - 1] === entry) this.stack.pop();
    else this.stack = this.stack.filter((e) => e !== entry);
    this.append(entry);
    return entry;
  },
};

export async function run(n = 10): Promise<void> {
  let gcNs = 0;
  const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => (gcNs += e.duration * 1e6)));
  obs.observe({ entryTypes: ['gc'] });
  const arch = createArchitecture(scaleSpec(n), { clock: new SimulatedClock(), up: true });
  const names = arch.containers.map((c) => c.name);
  const cmds: ContainerEvent[] = [{ type: 'start' }, { type: 'stop' }, { type: 'pause' }, { type: 'unpause' }, { type: 'restart' }, { type: 'kill' }];
  const rnd = mulberry32(3);
  const flush = () => new Promise((r) => setTimeout(r, 0));
  const res = { shipped: [] as number[], patched: [] as number[], shippedGc: [] as number[], patchedGc: [] as number[] };
  for (let i = 0; i < 12; i++) {
    const which = i % 2 ? 'patched' : 'shipped';
    Object.assign(proto, which === 'patched' ? patched : shipped);
    const s = Array.from({ length: 10000 }, () => [names[Math.floor(rnd() * names.length)]!, cmds[Math.floor(rnd() * cmds.length)]!] as const);
    await flush();
    gcNs = 0;
    const t0 = nowNs();
    for (const [name, e] of s) arch.send(name, e);
    const ns = (nowNs() - t0) / s.length;
    await flush();
    if (i >= 2) {
      res[which].push(ns);
      res[`${which}Gc`].push(gcNs / s.length);
    }
  }
  obs.disconnect();
  console.log(
    `N=${n}: send ns/cmd shipped ${median(res.shipped).toFixed(0)} (GC ${median(res.shippedGc).toFixed(0)}) · in-place log ${median(res.patched).toFixed(0)} (GC ${median(res.patchedGc).toFixed(0)})`,
  );
}
