/**
 * Evidence for the O(N²) build/teardown: a parent that spawns N bare children one
 * `spawnChild` per raised event (as architectureMachine's createAll → createContainer
 * does) vs all N inside ONE `assign` with `spawn` (XState merges the children once).
 * Usage: node bench/profile.mjs spawn <N=5000>
 */
import { assign, createActor, enqueueActions, setup } from 'xstate';
import { nowNs } from '../lib/measure';
import { bareMachine } from '../suites/machineThroughput';

export function run(n = 5000): void {
  const perEvent = setup({ types: { context: {} as { ids: string[] }, events: {} as { type: 'create'; i: number } }, actors: { child: bareMachine } }).createMachine({
    context: { ids: [] },
    entry: enqueueActions(({ enqueue }) => {
      for (let i = 0; i < n; i++) enqueue.raise({ type: 'create', i });
    }),
    on: {
      create: {
        actions: enqueueActions(({ enqueue, event }) => {
          enqueue.spawnChild('child', { id: `c${event.i}` });
          enqueue.assign({ ids: ({ context }) => [...context.ids, `c${event.i}`] });
        }),
      },
    },
  });
  const oneAssign = setup({ types: { context: {} as { ids: string[] } }, actors: { child: bareMachine } }).createMachine({
    context: { ids: [] },
    entry: assign(({ spawn }) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push(spawn('child', { id: `c${i}` }).id);
      return { ids };
    }),
  });
  for (const [label, machine] of [['spawnChild per raised event', perEvent], ['one assign spawning all', oneAssign]] as const) {
    let t0 = nowNs();
    const actor = createActor(machine as typeof oneAssign).start();
    const build = (nowNs() - t0) / 1e6;
    const count = Object.keys(actor.getSnapshot().children).length;
    t0 = nowNs();
    actor.stop();
    const stop = (nowNs() - t0) / 1e6;
    console.log(`${label.padEnd(30)} N=${n}: build ${build.toFixed(0)} ms (${count} children), stop ${stop.toFixed(0)} ms`);
  }
}
