/** Profiling target: only the containerMachine half of bench 1, long enough for --cpu-prof. */
import { createActor, SimulatedClock } from 'xstate';
import { containerMachine } from '../../machines';

export function run(seconds = 5): void {
  const clock = new SimulatedClock();
  const actors = Array.from({ length: 100 }, (_, i) =>
    createActor(containerMachine, { clock, input: { name: `c${i}`, image: 'nginx:alpine', process: { onStopSignal: 'graceful', shutdownMs: 200, exitCode: 0 } } }).start(),
  );
  const cycle = [{ type: 'start' }, { type: 'pause' }, { type: 'unpause' }, { type: 'stop' }] as const;
  const end = Date.now() + seconds * 1000;
  let n = 0;
  while (Date.now() < end) {
    for (const e of cycle) for (const a of actors) a.send(e);
    n += 400;
  }
  console.log(`${n} commands, ${((n / seconds) | 0).toLocaleString('en')} cmd/s`);
}
