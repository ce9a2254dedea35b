/**
 * The container machine's chart: `chartFromMachine` with Docker's words. What is written
 * here is about events, not states: which payloads to try for an event type (guards read
 * them), sample containers to evaluate guards in, and Docker command names for labels.
 */
import { initialTransition, type AnyMachineSnapshot, type AnyStateNode, type MachineContext } from 'xstate';
import { containerMachine, dockerStatus, type ContainerEvent, type ContainerInput, type ContainerSnapshot } from '../../../machines';
import { chartFromMachine } from './chartFromMachine';
import type { ChartSpec, LabelInput } from './spec';
import type { StateChart } from './types';

/**
 * Payloads to try per event type, simplest first. `kill -s SIGHUP` survives a process
 * with a handler (nginx reloads), `SIGWINCH` any process; exit 1 is a crash, exit 0 a
 * clean end; a probe flips the simulated health-check result.
 */
const CANDIDATES: Partial<Record<ContainerEvent['type'], readonly ContainerEvent[]>> = {
  kill: [{ type: 'kill' }, { type: 'kill', signal: 'SIGHUP' }, { type: 'kill', signal: 'SIGWINCH' }],
  remove: [{ type: 'remove' }, { type: 'remove', force: true }],
  exit: [{ type: 'exit', exitCode: 1 }, { type: 'exit', exitCode: 0 }],
  probe: [{ type: 'probe', result: 'fail' }, { type: 'probe', result: 'pass' }],
  update: [{ type: 'update', restartPolicy: 'always' }],
  rename: [{ type: 'rename', name: 'chart-renamed' }],
};

/**
 * Sample containers whose contexts guards are evaluated in: one per restart policy that
 * changes a branch, one whose process handles signals, one with a health check.
 */
const SAMPLE_INPUTS: readonly ContainerInput[] = [
  { name: 'chart', image: 'chart', id: '0'.repeat(64), restartPolicy: 'no' },
  { name: 'chart', image: 'chart', id: '0'.repeat(64), restartPolicy: 'always' },
  { name: 'chart', image: 'chart', id: '0'.repeat(64), process: { onStopSignal: 'graceful' } },
  { name: 'chart', image: 'chart', id: '0'.repeat(64), healthcheck: { test: 'true' } },
];

/** Names of `after` delays as a learner says them. */
const DELAY_LABELS: Readonly<Record<string, string>> = {
  restartBackoff: 'back-off elapsed',
  probeInterval: 'health probe',
};

/** Events that are not Docker CLI commands, by type. */
const EVENT_LABELS: Readonly<Record<string, string>> = {
  'daemon.restore': 'dockerd restore',
  'health.probe': 'health probe',
};

/** Docker's name for a concrete container event: `docker rm -f`, `docker kill -s SIGHUP`, `crash`. */
function containerEventLabel(event: ContainerEvent): string {
  switch (event.type) {
    case 'kill':
      return event.signal ? `docker kill -s ${event.signal}` : 'docker kill';
    case 'remove':
      return event.force ? 'docker rm -f' : 'docker rm';
    case 'exit':
      return event.exitCode === 0 ? 'exit 0' : 'crash';
    case 'oom':
      return 'OOM kill';
    case 'probe':
      return event.result === 'pass' ? 'probe passes' : 'probe fails';
    case 'update':
      return `docker update --restart ${event.restartPolicy}`;
    case 'rename':
      return `docker rename ${event.name}`;
    default:
      return EVENT_LABELS[event.type] ?? `docker ${event.type}`;
  }
}

function label({ kind, eventType, event, delay }: LabelInput<ContainerEvent>): string {
  if (kind === 'delayed') {
    return typeof delay === 'string' ? (DELAY_LABELS[delay] ?? `after ${delay}`) : `after ${String(delay)} ms`;
  }
  if (kind === 'eventless') return 'always';
  return event ? containerEventLabel(event) : eventType;
}

/** Docker's `State.Status` of an atomic state (`dockerStatus` of a snapshot resolved to it). */
function statusIn(node: AnyStateNode, snapshot: AnyMachineSnapshot | null): string | null {
  if (node.type === 'compound' || node.type === 'parallel' || snapshot === null) return null;
  return dockerStatus(snapshot as ContainerSnapshot);
}

function sampleContexts(): MachineContext[] {
  return SAMPLE_INPUTS.map((input) => initialTransition(containerMachine, input)[0].context);
}

/** How the container machine is charted (also used for live transitions). */
export const containerChartSpec: ChartSpec<ContainerEvent> = {
  machine: containerMachine,
  candidateEvents: (eventType) => CANDIDATES[eventType as ContainerEvent['type']] ?? [],
  contexts: sampleContexts(),
  label,
  status: statusIn,
  // Docker's `State.Status` in that state, when it is not the state's own name.
  caption: (node, snapshot) => {
    const status = statusIn(node, snapshot);
    return status === node.key ? null : status;
  },
};

let cached: StateChart<ContainerEvent> | null = null;

/** The container machine's state chart (derived once, then cached). */
export function containerChart(): StateChart<ContainerEvent> {
  cached ??= chartFromMachine(containerChartSpec);
  return cached;
}
