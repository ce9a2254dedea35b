/**
 * Profiling target: `createArchitecture(spec, { up: true })` at N containers (bench 2's
 * setup), by parts. Usage: node [--cpu-prof] bench/profile.mjs setup <N>
 */
import { createActor, SimulatedClock } from 'xstate';
import { architectureMachine, createArchitecture, dependencyOrder } from '../../machines';
import { nowNs } from '../lib/measure';
import { scaleSpec } from '../suites/scaleSpec';

export function run(n = 3000): void {
  const spec = scaleSpec(n);
  let t0 = nowNs();
  const levels = dependencyOrder(spec);
  console.log(`dependencyLevels: ${((nowNs() - t0) / 1e6).toFixed(1)} ms (${levels.length} levels)`);

  t0 = nowNs();
  const bare = createActor(architectureMachine, { input: { spec }, clock: new SimulatedClock() });
  bare.start();
  console.log(`architectureMachine actor start (createAll, ${n} spawns, no runtime): ${((nowNs() - t0) / 1e6).toFixed(0)} ms`);
  bare.stop();

  t0 = nowNs();
  const created = createArchitecture(spec, { clock: new SimulatedClock(), up: false });
  console.log(`createArchitecture(up: false): ${((nowNs() - t0) / 1e6).toFixed(0)} ms`);
  created.stop();

  t0 = nowNs();
  const up = createArchitecture(spec, { clock: new SimulatedClock(), up: true });
  console.log(`createArchitecture(up: true): ${((nowNs() - t0) / 1e6).toFixed(0)} ms; log entries ${up.getLog().length}, events in up entry ${up.getLog()[0]?.events.length}`);
  up.stop();
}
