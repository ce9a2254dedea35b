/**
 * Profiling target: bench 2's steady state, `architecture.send` on random containers, at
 * one size N, with GC time per command (perf_hooks) and timing by parts.
 * Usage: node [--cpu-prof] bench/profile.mjs send <N>   (ROOT=sendLoop for the analyzer)
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { SimulatedClock } from 'xstate';
import { createArchitecture, outcomeOf, cliLine, type Architecture, type ContainerEvent } from '../../machines';
import { median, nowNs } from '../lib/measure';
import { mulberry32 } from '../../test/support/prng';
import { scaleSpec } from '../suites/scaleSpec';

const COMMANDS: ContainerEvent[] = [{ type: 'start' }, { type: 'stop' }, { type: 'pause' }, { type: 'unpause' }, { type: 'restart' }, { type: 'kill' }];

function stream(arch: Architecture, length: number, seed: number) {
  const names = arch.containers.map((c) => c.name);
  const rnd = mulberry32(seed);
  return Array.from({ length }, () => [names[Math.floor(rnd() * names.length)]!, COMMANDS[Math.floor(rnd() * COMMANDS.length)]!] as const);
}

function sendLoop(arch: Architecture, s: ReadonlyArray<readonly [string, ContainerEvent]>): number {
  const t0 = nowNs();
  for (const [name, event] of s) arch.send(name, event);
  return (nowNs() - t0) / s.length;
}

/** Same stream, but straight to the actor (no runtime: no lookup, outcome check, log). */
function actorLoop(arch: Architecture, s: ReadonlyArray<readonly [string, ContainerEvent]>): number {
  const actors = s.map(([name]) => arch.containerActor(name)!);
  const t0 = nowNs();
  for (let i = 0; i < s.length; i++) {
    const a = actors[i]!;
    const e = s[i]![1];
    if (outcomeOf(a.getSnapshot(), e).kind === 'ok') a.send(e);
  }
  return (nowNs() - t0) / s.length;
}

/** Runtime bookkeeping without the machine: lookup + outcome + cliLine. */
function lookupLoop(arch: Architecture, s: ReadonlyArray<readonly [string, ContainerEvent]>): number {
  let sink = 0;
  const t0 = nowNs();
  for (const [name, event] of s) {
    const a = arch.containerActor(name)!;
    sink += cliLine(name, event).length + outcomeOf(a.getSnapshot(), event).kind.length;
  }
  if (sink < 0) console.log(sink);
  return (nowNs() - t0) / s.length;
}

export async function run(n = 10): Promise<void> {
  let gcNs = 0;
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcNs += e.duration * 1e6;
  });
  obs.observe({ entryTypes: ['gc'] });
  const t0 = nowNs();
  const clock = new SimulatedClock();
  const arch = createArchitecture(scaleSpec(n), { clock, up: true });
  console.log(`N=${n}: setup ${((nowNs() - t0) / 1e6).toFixed(0)} ms`);
  const flush = () => new Promise((r) => setTimeout(r, 0));
  const rows: Record<string, number[]> = { send: [], sendGc: [], actor: [], lookup: [], tick: [] };
  for (let round = 0; round < 8; round++) {
    const s = stream(arch, 10000, round);
    await flush();
    gcNs = 0;
    const ns = sendLoop(arch, s);
    await flush();
    if (round > 0) {
      rows.send!.push(ns);
      rows.sendGc!.push(gcNs / s.length);
    }
    const a = actorLoop(arch, stream(arch, 10000, 100 + round));
    const l = lookupLoop(arch, stream(arch, 10000, 200 + round));
    const tt = nowNs();
    for (let i = 0; i < 20; i++) clock.increment(50);
    const tick = (nowNs() - tt) / 20;
    if (round > 0) {
      rows.actor!.push(a);
      rows.lookup!.push(l);
      rows.tick!.push(tick);
    }
  }
  obs.disconnect();
  const m = (k: string) => median(rows[k]!).toFixed(0).padStart(8);
  console.log(`ns/cmd  send ${m('send')}  (GC during send ${m('sendGc')})  actor-only ${m('actor')}  lookup+outcome+cli ${m('lookup')}  | clock.increment(50) ${m('tick')} ns/tick`);
  console.log(`pending timers in clock: ${(clock as unknown as { timeouts: Map<unknown, unknown> }).timeouts.size}`);
}
