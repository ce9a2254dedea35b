/**
 * Lifecycle test paths from `xstate/graph`, as plain data that anyone can replay against
 * their own UI, CLI wrapper or real Docker host: each path is a list of commands and the
 * Docker status expected after each.
 */
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { containerMachine } from '../container/containerMachine';
import { dockerStatus } from '../container/inspectState';
import type { ContainerEvent, ContainerInput, DockerStatus } from '../container/types';

/** The commands and process events explored by default. */
export const DEFAULT_PATH_EVENTS: readonly ContainerEvent[] = [
  { type: 'start' },
  { type: 'stop' },
  { type: 'kill' },
  { type: 'pause' },
  { type: 'unpause' },
  { type: 'restart' },
  { type: 'remove' },
  { type: 'remove', force: true },
  { type: 'exit', exitCode: 0 },
  { type: 'exit', exitCode: 1 },
  { type: 'oom' },
];

export interface LifecyclePath {
  /** Docker status at the end of the path. */
  target: DockerStatus;
  /** Commands from `created`, each with the status Docker shows after it. */
  steps: Array<{ event: ContainerEvent; status: DockerStatus }>;
}

export interface PathOptions {
  /** `shortest`: one shortest path per reachable state; `simple`: every path without a repeated state. */
  kind?: 'shortest' | 'simple';
  events?: readonly ContainerEvent[];
  input?: ContainerInput;
}

/**
 * Paths through the container lifecycle, starting at `created`.
 * States are told apart by their state value (plus Docker's status), not by context,
 * so the graph stays the size of the chart.
 */
export function lifecyclePaths(options: PathOptions = {}): LifecyclePath[] {
  // on-failure makes both `exited` (exit 0) and `restarting` (exit 1) reachable.
  const input = options.input ?? { name: 'web', image: 'nginx:alpine', id: '0'.repeat(64), restartPolicy: 'on-failure' };
  const events = [...(options.events ?? DEFAULT_PATH_EVENTS)];
  const generate = options.kind === 'simple' ? getSimplePaths : getShortestPaths;
  const paths = generate(containerMachine, {
    input,
    events,
    serializeState: (snapshot) => JSON.stringify(snapshot.value),
    serializeEvent: (event) => JSON.stringify(event),
  });
  return paths.map((path) => ({
    target: dockerStatus(path.state),
    steps: path.steps.slice(1).map((step) => ({ event: step.event as ContainerEvent, status: dockerStatus(step.state) })),
  }));
}
