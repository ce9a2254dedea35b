/**
 * Test helper: drive real container actors (with a `SimulatedClock`) into every state the
 * machine can reach, by breadth-first search over state values using the chart's own click
 * events. No state is named here, so a new state is reached (or reported) automatically.
 */
import { createActor, SimulatedClock, type ActorRefFrom } from 'xstate';
import { containerMachine, type ContainerEvent, type ContainerInput } from '../../../machines';
import { chartTransitions } from '../../../src/model/lifecycleChart/chartFromMachine';
import { containerChart } from '../../../src/model/lifecycleChart/containerChart';

/** restartPolicy `always` (so `exit 1` reaches `running.restarting`) and a health check (so `probe` applies). */
const REACH_INPUT: ContainerInput = {
  name: 'web',
  image: 'nginx:alpine',
  restartPolicy: 'always',
  healthcheck: { test: 'curl -f http://localhost/' },
};

export type ContainerActor = ActorRefFrom<typeof containerMachine>;

/** A started actor after `events`, on a simulated clock (time never advances). */
export function actorAfter(events: readonly ContainerEvent[], input: ContainerInput = REACH_INPUT): ContainerActor {
  const clock = new SimulatedClock();
  clock.set(Date.UTC(2026, 0, 1));
  const actor = createActor(containerMachine, { input, clock });
  actor.start();
  for (const event of events) actor.send(event);
  return actor;
}

/** Shortest event sequence to every reachable state value (key: `JSON.stringify(value)`). */
export function pathsToStates(input: ContainerInput = REACH_INPUT): Map<string, ContainerEvent[]> {
  const events = chartTransitions(containerChart())
    .map((t) => t.event)
    .filter((e): e is ContainerEvent => e !== null);
  const paths = new Map<string, ContainerEvent[]>([[JSON.stringify(actorAfter([], input).getSnapshot().value), []]]);
  const queue = [...paths.values()];
  while (queue.length > 0) {
    const path = queue.shift() as ContainerEvent[];
    for (const event of events) {
      const actor = actorAfter([...path, event], input);
      const { value, status } = actor.getSnapshot();
      actor.stop();
      const key = JSON.stringify(value);
      if (!paths.has(key)) {
        paths.set(key, [...path, event]);
        // Nothing leaves a final state: do not send it more events.
        if (status === 'active') queue.push([...path, event]);
      }
    }
  }
  return paths;
}
