/**
 * The machine without actors: a snapshot in, a command, a snapshot and Docker's events
 * out. Built on XState's pure `initialTransition()` / `transition()`, so results equal
 * what an actor does for the same command (the actor runs the same transitions).
 * Delayed transitions (restart back-off) do not fire here: there is no clock; send the
 * snapshot to an actor with a `SimulatedClock` for those.
 */
import { initialTransition, transition } from 'xstate';
import { atTime } from '../container/clock';
import { outcomeOf } from '../container/commandError';
import { containerMachine } from '../container/containerMachine';
import type { ContainerSnapshot } from '../container/inspectState';
import type { CommandOutcome } from '../container/commandOutcome';
import type { ContainerEvent, ContainerInput, DockerEventMessage } from '../container/types';

/** Result of one pure step. */
export interface PureStep {
  snapshot: ContainerSnapshot;
  /** Docker events emitted by the step, in order. */
  events: DockerEventMessage[];
  /** The daemon's answer; on `no-op`/`error` the snapshot is the one passed in. */
  outcome: CommandOutcome;
}

function emitted(actions: ReadonlyArray<{ type: string; params?: unknown }>): DockerEventMessage[] {
  return actions
    .filter((a) => a.type === 'xstate.emit')
    .map((a) => (a.params as { event?: { message?: DockerEventMessage } } | undefined)?.event?.message)
    .filter((m): m is DockerEventMessage => m !== undefined);
}

/**
 * The snapshot right after `docker create`: state `created`.
 * @param options.now Unix ms used for event times (default `Date.now()`).
 */
export function initialContainerSnapshot(input: ContainerInput, options: { now?: number } = {}): ContainerSnapshot {
  return atTime(options.now ?? Date.now(), () => initialTransition(containerMachine, input)[0]);
}

/**
 * Applies `event` to `snapshot`. Never throws for a Docker-rejected command: returns the
 * same snapshot, no events, and the daemon's `outcome`.
 * @param options.now Unix ms of the command (default `Date.now()`).
 */
export function transitionContainer(
  snapshot: ContainerSnapshot,
  event: ContainerEvent,
  options: { now?: number } = {},
): PureStep {
  const outcome = outcomeOf(snapshot, event);
  if (outcome.kind !== 'ok') return { snapshot, events: [], outcome };
  return atTime(options.now ?? Date.now(), () => {
    const [next, actions] = transition(containerMachine, snapshot, event);
    return { snapshot: next, events: emitted(actions as ReadonlyArray<{ type: string; params?: unknown }>), outcome };
  });
}
