/**
 * Test driver for one container actor on a `SimulatedClock`: sends commands, records the
 * Docker events each one emits, and brings a fresh container to each source state of the
 * §2.3 table (docs/docker-behaviour.md). Not a test file; imported by the `*.test.ts` files here.
 */
import { createActor, SimulatedClock } from 'xstate';
import {
  containerMachine,
  DEFAULT_PATH_EVENTS,
  inspectState,
  type ContainerEvent,
  type ContainerInput,
  type DockerEventMessage,
  type DockerStatus,
} from '../../machines';

/** A real-looking 64-hex container ID (from the docker/cli PR #4544 sample in §3.4). */
export const ID = '4ac3bba8abd68961e627540fed81ad16d55b88e45629d7cdb792126d09b6488d';
export const NAME = 'order-service';
export const IMAGE = 'node:20-alpine';
/** 2026-11-29T12:00:00Z, the simulated clock's time when each container is created. */
export const T0 = Date.UTC(2026, 10, 29, 12, 0, 0);
/** Exit code used to leave a container in `exited` / `restarting`, so "unchanged" is visible. */
export const SOURCE_EXIT_CODE = 3;

/** The commands of the brief (docs/contracts.md §1 events with the options the UI offers) and the process events. */
export const COMMANDS: readonly ContainerEvent[] = [...DEFAULT_PATH_EVENTS, { type: 'kill', signal: 'SIGHUP' }];

/** The §2.3 table's source states (`exited` is the lesson's Stopped). */
export type SourceState = 'created' | 'running' | 'paused' | 'restarting' | 'exited';
export const SOURCE_STATES: readonly SourceState[] = ['created', 'running', 'paused', 'restarting', 'exited'];

/**
 * One line per Docker event, as the tables write them: `start`, `kill signal=15`,
 * `die exitCode=143`, `network connect`.
 */
export function summarize(message: DockerEventMessage): string {
  if (message.Type === 'network') return `network ${message.Action}`;
  const { signal, exitCode } = message.Actor.Attributes;
  return [message.Action, signal === undefined ? '' : `signal=${signal}`, exitCode === undefined ? '' : `exitCode=${exitCode}`]
    .filter(Boolean)
    .join(' ');
}

export type Container = ReturnType<typeof createContainer>;

/** A started actor for `order-service` (policy `no` unless `input` says otherwise), in `created`. */
export function createContainer(input: Partial<ContainerInput> = {}) {
  const clock = new SimulatedClock();
  clock.set(T0);
  const actor = createActor(containerMachine, { input: { name: NAME, image: IMAGE, id: ID, ...input }, clock });
  const messages: DockerEventMessage[] = [];
  actor.on('docker.event', ({ message }) => messages.push(message));
  actor.start();

  const since = (from: number) => messages.slice(from).map(summarize);
  return {
    actor,
    clock,
    /** Every Docker event message emitted so far, in order. */
    messages,
    snapshot: () => actor.getSnapshot(),
    inspect: () => inspectState(actor.getSnapshot()),
    /** Sends `event`; returns the events it emitted (summarized), in order. */
    send(event: ContainerEvent): string[] {
      const from = messages.length;
      actor.send(event);
      return since(from);
    },
    /** Advances the simulated clock by `ms`; returns the events emitted meanwhile (back-off starts). */
    advance(ms: number): string[] {
      const from = messages.length;
      clock.increment(ms);
      return since(from);
    },
  };
}

/** Docker status each source state shows in `docker inspect`. */
const STATUS_OF: Record<SourceState, DockerStatus> = {
  created: 'created',
  running: 'running',
  paused: 'paused',
  restarting: 'restarting',
  exited: 'exited',
};

/**
 * A container brought to `source`, one simulated second per step:
 * - running: `start`; paused: `start`, `pause`;
 * - exited: `start`, then the process exits with {@link SOURCE_EXIT_CODE} (policy `no`);
 * - restarting: policy `always`, `start`, then the process exits with {@link SOURCE_EXIT_CODE}
 *   (the 100 ms back-off has not elapsed).
 */
export function containerIn(source: SourceState, input: Partial<ContainerInput> = {}): Container {
  const restartPolicy = input.restartPolicy ?? (source === 'restarting' ? 'always' : 'no');
  const container = createContainer({ ...input, restartPolicy });
  const steps: Record<SourceState, ContainerEvent[]> = {
    created: [],
    running: [{ type: 'start' }],
    paused: [{ type: 'start' }, { type: 'pause' }],
    restarting: [{ type: 'start' }, { type: 'exit', exitCode: SOURCE_EXIT_CODE }],
    exited: [{ type: 'start' }, { type: 'exit', exitCode: SOURCE_EXIT_CODE }],
  };
  for (const event of steps[source]) {
    container.advance(1000);
    container.send(event);
  }
  const status = container.inspect().Status;
  if (status !== STATUS_OF[source]) throw new Error(`driver: expected ${source}, got ${status}`);
  return container;
}
