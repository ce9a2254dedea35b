/**
 * Bench 1 — machine throughput. Commands/s through `containerMachine` actors versus a
 * minimal five-state XState machine (no context, no actions, no guards) taking the
 * same transitions: the "raw XState" baseline. Same actor count, same event objects,
 * same `SimulatedClock`, samples interleaved subject/baseline.
 */
import { assign, createActor, createMachine, emit, SimulatedClock, type AnyActorRef } from 'xstate';
import { containerMachine } from '../../machines';
import { figure, median, spread, timeOnce, type Figure } from '../lib/measure';

/** The raw-XState baseline: Docker's five states, bare transitions. */
export const bareMachine = createMachine({
  id: 'bare',
  initial: 'created',
  states: {
    created: { on: { start: 'running', remove: 'removed' } },
    running: { on: { pause: 'paused', stop: 'stopped', kill: 'stopped', restart: { target: 'running', reenter: true } } },
    paused: { on: { unpause: 'running', stop: 'stopped' } },
    stopped: { on: { start: 'running', remove: 'removed' } },
    removed: { type: 'final' },
  },
});

const sampleContext = createActor(containerMachine, { input: { name: 'c', image: 'nginx:alpine' } }).getSnapshot().context;

/** One transition of the floor machine: a new context (as `docker inspect` changes) and one Docker event. */
const touch = [
  assign(({ context }: { context: typeof sampleContext }) => ({ ...context, startCount: context.startCount + 1 })),
  emit(({ context }: { context: typeof sampleContext }) => ({ type: 'docker.event', message: { Action: 'start', id: context.id } })),
];

/**
 * The control, not a budget: the bare machine plus the least any container machine that
 * keeps docs/contracts.md's promises does per command: a context shaped like
 * `containerMachine`'s (what `inspectState` reads), one `assign` and one `emit`.
 */
const floorMachine = createMachine({
  id: 'floor',
  context: sampleContext,
  initial: 'created',
  states: {
    created: { on: { start: { target: 'running', actions: touch }, remove: 'removed' } },
    running: { on: { pause: { target: 'paused', actions: touch }, stop: { target: 'stopped', actions: touch } } },
    paused: { on: { unpause: { target: 'running', actions: touch }, stop: { target: 'stopped', actions: touch } } },
    stopped: { on: { start: { target: 'running', actions: touch }, remove: 'removed' } },
    removed: { type: 'final' },
  },
});

/** start → pause → unpause → stop: four real transitions, back to a state that accepts `start`. */
const CYCLE = [{ type: 'start' }, { type: 'pause' }, { type: 'unpause' }, { type: 'stop' }] as const;

export interface ThroughputOptions {
  actors?: number;
  /** Full cycles per actor per sample (each cycle is 4 commands). */
  cyclesPerSample?: number;
  samples?: number;
  warmupSamples?: number;
}

function makeActors(kind: 'container' | 'bare' | 'floor', count: number): AnyActorRef[] {
  const clock = new SimulatedClock();
  return Array.from({ length: count }, (_, i) => {
    const actor =
      kind === 'container'
        ? createActor(containerMachine, { clock, input: { name: `c${i}`, image: 'nginx:alpine', process: { onStopSignal: 'graceful', shutdownMs: 200, exitCode: 0 } } })
        : createActor(kind === 'bare' ? bareMachine : floorMachine, { clock });
    actor.start();
    return actor;
  });
}

/** One sample: `cycles` rounds of the 4-command cycle sent to every actor. Returns ns. */
function sample(actors: readonly AnyActorRef[], cycles: number): number {
  return timeOnce(() => {
    for (let c = 0; c < cycles; c++) {
      for (const event of CYCLE) {
        for (let a = 0; a < actors.length; a++) actors[a]!.send(event);
      }
    }
  });
}

export function runMachineThroughput(options: ThroughputOptions = {}): { figures: Figure[]; detail: Record<string, unknown> } {
  const actorCount = options.actors ?? 100;
  const cycles = options.cyclesPerSample ?? 100;
  const samples = options.samples ?? 9;
  const warmup = options.warmupSamples ?? 3;
  const commands = actorCount * cycles * CYCLE.length;

  const container = makeActors('container', actorCount);
  const bare = makeActors('bare', actorCount);
  const floor = makeActors('floor', actorCount);
  for (let i = 0; i < warmup; i++) {
    sample(bare, cycles);
    sample(container, cycles);
    sample(floor, cycles);
  }
  const bareNs: number[] = [];
  const containerNs: number[] = [];
  const floorNs: number[] = [];
  for (let i = 0; i < samples; i++) {
    // Alternate which goes first, so neither always follows the other's garbage.
    if (i % 2) {
      containerNs.push(sample(container, cycles));
      bareNs.push(sample(bare, cycles));
    } else {
      bareNs.push(sample(bare, cycles));
      containerNs.push(sample(container, cycles));
    }
    floorNs.push(sample(floor, cycles));
  }
  // Sanity: every actor went through the cycle (ends in `stopped`).
  const states = new Set(container.map((a) => JSON.stringify(a.getSnapshot().value)));
  for (const a of [...container, ...bare, ...floor]) a.stop();

  const perSec = (ns: number) => commands / (ns / 1e9);
  const containerRate = perSec(median(containerNs));
  const bareRate = perSec(median(bareNs));
  return {
    figures: [
      figure({
        id: 'machine.throughput',
        group: '1. Machine throughput',
        label: `containerMachine commands/s (${actorCount} actors, start→pause→unpause→stop)`,
        unit: 'cmd/s',
        value: containerRate,
        baseline: bareRate,
        // Throughput ratio of adjacent samples (bare time / container time), median: drift in machine load cancels.
        ratio: median(containerNs.map((ns, i) => bareNs[i]! / ns)),
        baselineLabel: 'bare 5-state XState machine, same transitions',
        budget: { op: '>=', limit: 0.5 },
        spread: Math.max(spread(containerNs), spread(bareNs)),
        samples,
        note: `ratio = median of adjacent-sample ratios; container ${(median(containerNs) / commands).toFixed(0)} ns/cmd, bare ${(median(bareNs) / commands).toFixed(0)} ns/cmd; final states ${[...states].join(', ')}`,
      }),
      figure({
        id: 'machine.throughput.floor',
        group: '1. Machine throughput',
        label: 'control: bare machine + container-sized context, one assign, one emit',
        unit: 'cmd/s',
        value: perSec(median(floorNs)),
        baseline: bareRate,
        ratio: median(floorNs.map((ns, i) => bareNs[i]! / ns)),
        baselineLabel: 'bare 5-state XState machine, same transitions',
        budget: null,
        spread: spread(floorNs),
        samples,
        note: `the least a machine keeping docs/contracts.md's promises (inspect fields in context, Docker events through emit) does per command; ${(median(floorNs) / commands).toFixed(0)} ns/cmd`,
      }),
    ],
    detail: {
      commandsPerSample: commands,
      floorNsPerCommand: median(floorNs) / commands,
      containerNsPerCommand: median(containerNs) / commands,
      bareNsPerCommand: median(bareNs) / commands,
      containerSamplesNs: containerNs,
      bareSamplesNs: bareNs,
    },
  };
}
