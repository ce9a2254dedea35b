/**
 * What-if for bench 2, one process per (N, variant) so heaps do not mix:
 *   node bench/profile.mjs scaleFixes <N>   with VARIANT=shipped|noTimer|noTimerLog
 * `noTimer`: the container machine without the `after: probeInterval` timer on
 * `running.up` (what a machine that arms the health monitor only when a healthcheck
 * exists would do for these healthcheck-less containers); `noTimerLog`: plus the
 * in-place log of sendFixes.ts. Bench-only runtime patching: machines/ is not modified.
 */
import { SimulatedClock, type AnyStateMachine } from 'xstate';
import { Architecture, architectureMachine, containerMachine, createArchitecture, type ContainerEvent } from '../../machines';
import { median, mulberry32, nowNs } from '../lib/measure';
import { scaleSpec } from '../suites/scaleSpec';

function withoutProbeTimer(): AnyStateMachine {
  const c = containerMachine.config as Record<string, any>;
  const { after: _after, ...up } = c.states.running.states.up;
  const config = { ...c, states: { ...c.states, running: { ...c.states.running, states: { ...c.states.running.states, up } } } };
  const Ctor = containerMachine.constructor as new (config: unknown, impl: unknown) => AnyStateMachine;
  return new Ctor(config, containerMachine.implementations);
}

export function run(n = 10): void {
  const variant = process.env.VARIANT ?? 'shipped';
  if (variant !== 'shipped') (architectureMachine.implementations.actors as Record<string, unknown>).container = withoutProbeTimer();
  if (variant === 'noTimerLog') {
    const proto = Architecture.prototype as unknown as Record<string, unknown>;
    proto.append = function (this: { log: unknown[]; logLimit: number; listeners: Set<(l: unknown) => void> }, entry: unknown) {
      this.log.push(entry);
      if (this.log.length > 2 * this.logLimit) this.log.splice(0, this.log.length - this.logLimit);
      for (const l of this.listeners) l(this.log);
    };
  }
  let t0 = nowNs();
  const clock = new SimulatedClock();
  const arch = createArchitecture(scaleSpec(n), { clock, up: true });
  const setupMs = (nowNs() - t0) / 1e6;
  const timers = (clock as unknown as { timeouts: Map<unknown, unknown> }).timeouts.size;
  t0 = nowNs();
  for (let i = 0; i < 20; i++) clock.increment(50);
  const tickUs = (nowNs() - t0) / 20 / 1000;
  const names = arch.containers.map((c) => c.name);
  const cmds: ContainerEvent[] = [{ type: 'start' }, { type: 'stop' }, { type: 'pause' }, { type: 'unpause' }, { type: 'restart' }, { type: 'kill' }];
  const rnd = mulberry32(5);
  const res: number[] = [];
  for (let i = 0; i < 8; i++) {
    const s = Array.from({ length: 10000 }, () => [names[Math.floor(rnd() * names.length)]!, cmds[Math.floor(rnd() * cmds.length)]!] as const);
    const t = nowNs();
    for (const [name, e] of s) arch.send(name, e);
    if (i > 0) res.push((nowNs() - t) / s.length);
  }
  t0 = nowNs();
  if (n <= 3000) arch.stop();
  const stopMs = (nowNs() - t0) / 1e6;
  console.log(
    `${variant.padEnd(10)} N=${String(n).padEnd(5)} send ${(median(res) / 1000).toFixed(1).padStart(5)} µs/cmd · setup ${setupMs.toFixed(0).padStart(6)} ms · stop ${n <= 3000 ? stopMs.toFixed(0).padStart(5) + ' ms' : 'skipped'} · tick ${tickUs.toFixed(1)} µs (${timers} timers)`,
  );
}
