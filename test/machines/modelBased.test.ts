/**
 * Model-based tests with `xstate/graph` (the `@xstate/graph` package is deprecated).
 *
 * The graph is explored with the commands of the brief plus the machine's own delayed
 * events (`xstate.after.*`: restart back-off, health probes) and, for the health-check
 * variant, the `probe` knob. Generated paths are then
 * 1. checked step by step: `snapshot.can(event)` is true exactly when the event changes
 *    the snapshot (value or context) or emits Docker events, and `commandError` is null
 *    whenever `can` is true (docs/contracts.md §1);
 * 2. replayed on a real actor with a `SimulatedClock` (delayed events by advancing the
 *    clock), which must show the same states and the same Docker events.
 * Shortest and simple paths never take an edge back into a state they already visited
 * (`restart` of a running container, `start` of a stopped one …), so every edge of the
 * graph also gets an "edge path": the shortest path to its source, then that edge.
 *
 * A state is told apart by its value and the context fields that guards read (manual stop,
 * cancelled restart manager, probe result, health), so the graph stays finite.
 */
import { createActor, SimulatedClock, transition, type ActorLogic, type AnyStateNode } from 'xstate';
import { createTestModel, getShortestPaths, getSimplePaths, getStateNodes, TestModel, type StatePath } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import {
  commandError,
  containerMachine,
  dockerStatus,
  lifecycleState,
  outcomeOf,
  type ContainerEvent,
  type ContainerInput,
  type ContainerSnapshot,
  type DockerEventMessage,
} from '../../machines';
import { COMMANDS, ID, IMAGE, NAME, summarize, T0 } from './containerDriver';

type Path = StatePath<ContainerSnapshot, ContainerEvent>;

const PROBES: readonly ContainerEvent[] = [
  { type: 'probe', result: 'pass' },
  { type: 'probe', result: 'fail' },
];
/** `docker update --restart`: enabled in every state but `removed`. */
const UPDATE: ContainerEvent = { type: 'update', restartPolicy: 'on-failure:1' };
/** `docker rename`: enabled in every state but `removed`, once per new name. */
const RENAME: ContainerEvent = { type: 'rename', name: 'renamed' };
/** Internal: re-arms timers after a restore; re-enters its state without changing it. */
const RESTORE: ContainerEvent = { type: 'daemon.restore' };

const STATE_NODES: AnyStateNode[] = [containerMachine.root, ...getStateNodes(containerMachine.root)];
/**
 * Timer events: `xstate.after.<delay>.<state id>` of the `after` transitions (restart
 * back-off), and the health monitor's `health.probe`, which the machine raises to itself
 * with a delay (only for a container with a health check).
 */
const PROBE = { type: 'health.probe' } as unknown as ContainerEvent;
const DELAYED: readonly ContainerEvent[] = [
  ...STATE_NODES.flatMap((node) => node.after.map((t) => ({ type: t.eventType }) as unknown as ContainerEvent)),
  PROBE,
];
const isDelayed = (event: { type: string }) => event.type.startsWith('xstate.after.') || event.type === PROBE.type;
/** Which named delay a timer event waits for. */
const delayOf = (event: { type: string }) => (event.type === PROBE.type ? 'probeInterval' : (event.type.split('.')[2] ?? ''));

/** Delay (ms) before each named delay fires, read from the snapshot the timer was armed in. */
const DELAY_MS: Record<string, (snapshot: ContainerSnapshot) => number> = {
  restartBackoff: (s) => s.context.restartDelayMs,
  probeInterval: (s) => s.context.healthcheck?.intervalMs ?? Number.POSITIVE_INFINITY, // variants use startPeriod 0
};

const HEALTHCHECK = { test: 'curl -f http://localhost/', intervalMs: 1000, retries: 1 };

interface Variant {
  name: string;
  input: Partial<ContainerInput>;
  events: readonly ContainerEvent[];
  /** getSimplePaths is exponential in the number of states; skipped where it explodes. */
  simplePaths: boolean;
}

const VARIANTS: readonly Variant[] = [
  { name: "restart policy 'no'", input: { restartPolicy: 'no' }, events: [...COMMANDS, UPDATE, RENAME], simplePaths: true },
  { name: "restart policy 'always'", input: { restartPolicy: 'always' }, events: [...COMMANDS, UPDATE, RENAME], simplePaths: true },
  {
    name: "'always', PID 1 ignores SIGTERM/SIGHUP",
    input: { restartPolicy: 'always', process: { onStopSignal: 'ignores' } },
    events: [...COMMANDS, UPDATE, RENAME],
    simplePaths: true,
  },
  {
    name: 'health check (1 s, 1 retry)',
    input: { healthcheck: HEALTHCHECK },
    events: [...COMMANDS, UPDATE, RENAME, ...PROBES],
    simplePaths: false,
  },
];

/** Events explored in `snapshot`: every one, in every state, `removed` included. */
function eventsIn(_snapshot: ContainerSnapshot, variant: Variant): ContainerEvent[] {
  return [...variant.events, ...DELAYED, RESTORE];
}

const inputOf = (variant: Variant): ContainerInput => ({ name: NAME, image: IMAGE, id: ID, ...variant.input });

/** What guards read, besides the state value. */
function stateKey(snapshot: ContainerSnapshot): string {
  const c = snapshot.context;
  return JSON.stringify({
    value: snapshot.value,
    manuallyStopped: c.manuallyStopped,
    restartCancelled: c.restartCancelled,
    probePassing: c.probePassing,
    health: c.health && [c.health.status, c.health.failingStreak > 0],
  });
}

function pathsOf(variant: Variant, kind: 'shortest' | 'simple'): Path[] {
  const generate = kind === 'shortest' ? getShortestPaths : getSimplePaths;
  return generate(containerMachine, {
    input: inputOf(variant),
    events: (snapshot) => eventsIn(snapshot, variant),
    serializeState: stateKey,
  }) as Path[];
}

/** One path per edge of the graph: the shortest path to the edge's source, then the edge. */
function edgePathsOf(variant: Variant, shortest: Path[]): Path[] {
  return shortest.flatMap((path) =>
    eventsIn(path.state, variant)
      .filter((event) => containerMachine.getTransitionData(path.state, event).length > 0)
      .map((event) => {
        const next = transition(containerMachine, path.state, event)[0];
        return { state: next, steps: [...path.steps, { event, state: next }], weight: path.weight + 1 };
      }),
  );
}

const describePath = (path: Path) =>
  path.steps
    .slice(1)
    .map((s) => JSON.stringify(s.event))
    .join(' → ') || '(initial)';

/** The pure result of `event` on `snapshot`: next snapshot and the Docker events it emits. */
function pureStep(snapshot: ContainerSnapshot, event: ContainerEvent) {
  const [next, actions] = transition(containerMachine, snapshot, event);
  const messages = (actions as Array<{ type: string; params?: { event?: { message?: DockerEventMessage } } }>)
    .filter((a) => a.type === 'xstate.emit')
    .map((a) => a.params?.event?.message)
    .filter((m): m is DockerEventMessage => m !== undefined);
  return { next, events: messages.map(summarize) };
}

/** docs/contracts.md §1 rules for every probe event at `snapshot`; returns the violations. */
function contractViolations(snapshot: ContainerSnapshot, events: readonly ContainerEvent[]): string[] {
  const where = `${JSON.stringify(snapshot.value)}`;
  const violations: string[] = [];
  for (const event of events) {
    const can = snapshot.can(event);
    const { next, events: emitted } = pureStep(snapshot, event);
    const changed =
      JSON.stringify(next.value) !== JSON.stringify(snapshot.value) ||
      JSON.stringify(next.context) !== JSON.stringify(snapshot.context) ||
      emitted.length > 0;
    const error = commandError(snapshot, event);
    if (can !== changed) violations.push(`${where} ${JSON.stringify(event)}: can=${can} but changed=${changed}`);
    if (can && error !== null) violations.push(`${where} ${JSON.stringify(event)}: can=true but commandError=${error}`);
    if (!can && error === null && outcomeOf(snapshot, event).kind !== 'no-op') {
      violations.push(`${where} ${JSON.stringify(event)}: rejected without a reason`);
    }
  }
  return violations;
}

/**
 * Replays `path` on an actor with a SimulatedClock; returns mismatches with the graph
 * (state after each step, and the Docker events each step emits).
 */
function replayMismatches(path: Path, variant: Variant): string[] {
  const clock = new SimulatedClock();
  clock.set(T0);
  const actor = createActor(containerMachine, { input: inputOf(variant), clock });
  const log: string[] = [];
  actor.on('docker.event', ({ message }) => log.push(summarize(message)));
  actor.start();
  const mismatches: string[] = [];
  path.steps.forEach((step, i) => {
    const before = path.steps[i - 1]?.state;
    if (before === undefined) return; // steps[0] is xstate.init
    const from = log.length;
    if (isDelayed(step.event)) {
      clock.increment(DELAY_MS[delayOf(step.event)]?.(actor.getSnapshot()) ?? Number.NaN);
    } else {
      actor.send(step.event);
    }
    const expected = pureStep(before, step.event).events;
    const actual = log.slice(from);
    if (stateKey(actor.getSnapshot()) !== stateKey(step.state)) {
      mismatches.push(`step ${i} ${JSON.stringify(step.event)}: actor ${stateKey(actor.getSnapshot())} ≠ graph ${stateKey(step.state)}`);
    }
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      mismatches.push(`step ${i} ${JSON.stringify(step.event)}: actor events ${actual.join(', ')} ≠ ${expected.join(', ')}`);
    }
  });
  actor.stop();
  return mismatches;
}

/** Every transition of the machine definition, labelled `source on event #index → targets`. */
const ALL_TRANSITIONS = STATE_NODES.flatMap((node) =>
  [...node.transitions.values()].flatMap((list) =>
    list.map((t, i) => ({
      definition: t,
      label: `${node.id} on ${t.eventType} #${i} → ${(t.target ?? []).map((s: AnyStateNode) => s.id).join(',') || '(self)'}`,
    })),
  ),
);

const PATHS = VARIANTS.map((variant) => {
  const shortest = pathsOf(variant, 'shortest');
  return { variant, shortest, edges: edgePathsOf(variant, shortest), simple: variant.simplePaths ? pathsOf(variant, 'simple') : [] };
});

describe('xstate/graph: reachability and coverage', () => {
  it('every top-level state and running.restarting is reached', () => {
    const reached = new Set<string>();
    let restarting = false;
    for (const { shortest } of PATHS) {
      for (const path of shortest) {
        reached.add(lifecycleState(path.state));
        restarting ||= path.state.matches({ running: 'restarting' });
      }
    }

    expect([...reached].sort()).toEqual(['created', 'paused', 'removed', 'running', 'stopped']);
    expect(restarting).toBe(true);
  });

  it('every transition of the machine definition is taken by a generated path', () => {
    const taken = new Set<unknown>();
    for (const { shortest, simple, edges } of PATHS) {
      for (const path of [...shortest, ...simple, ...edges]) {
        path.steps.forEach((step, i) => {
          const before = path.steps[i - 1]?.state;
          if (before) for (const t of containerMachine.getTransitionData(before, step.event)) taken.add(t);
        });
      }
    }

    const untaken = ALL_TRANSITIONS.filter((t) => !taken.has(t.definition)).map((t) => t.label);

    expect(ALL_TRANSITIONS.length).toBeGreaterThan(30);
    expect(untaken).toEqual([]);
  });
});

describe.each(PATHS.map((p) => [p.variant.name, p] as const))('xstate/graph, %s', (_, { variant, shortest, simple, edges }) => {
  const counts = `${shortest.length} shortest, ${simple.length} simple, ${edges.length} edge paths`;

  it(`can() ⇔ the event changes something; commandError is null when can() (${counts})`, { timeout: 60_000 }, () => {
    const violations = new Set<string>();
    for (const path of [...shortest, ...simple, ...edges]) {
      for (const step of path.steps) {
        const commands = eventsIn(step.state, variant).filter((e) => !isDelayed(e) && e !== RESTORE);
        for (const v of contractViolations(step.state, commands)) violations.add(v);
      }
    }

    expect([...violations]).toEqual([]);
  });

  const kinds = [
    ['shortest', shortest],
    ['edge', edges],
    ['simple', simple],
  ] as const;
  it.each(kinds.filter(([, paths]) => paths.length > 0))('%s paths replay identically on an actor with a SimulatedClock', { timeout: 60_000 }, (_kind, paths) => {
    const mismatches = paths.flatMap((path) => replayMismatches(path, variant).map((m) => `${describePath(path)}: ${m}`));

    expect(mismatches).toEqual([]);
  });
});

describe('daemon.restore re-arms the timers XState does not persist', () => {
  /** An actor restored from `source`'s persisted snapshot (XState does not persist timers). */
  function restored(source: ReturnType<typeof createActor<typeof containerMachine>>, now: number) {
    const clock = new SimulatedClock();
    clock.set(now);
    const actor = createActor(containerMachine, {
      snapshot: source.getPersistedSnapshot(),
      input: { name: NAME, image: IMAGE },
      clock,
    });
    const log: string[] = [];
    actor.on('docker.event', ({ message }) => log.push(summarize(message)));
    actor.start();
    return { actor, clock, log };
  }

  it('restarting on daemon.restore: the back-off starts over and fires on the new clock', () => {
    const clock = new SimulatedClock();
    clock.set(T0);
    const source = createActor(containerMachine, { input: { name: NAME, image: IMAGE, id: ID, restartPolicy: 'always' }, clock });
    source.start();
    source.send({ type: 'start' });
    source.send({ type: 'exit', exitCode: 1 });
    const { actor, clock: restoredClock, log } = restored(source, T0 + 5000);

    restoredClock.increment(60_000);
    const withoutRestore = [...log];
    actor.send({ type: 'daemon.restore' });
    restoredClock.increment(99);
    const early = [...log];
    restoredClock.increment(1);

    expect(withoutRestore).toEqual([]);
    expect(early).toEqual([]);
    expect(log).toEqual(['network connect', 'start']);
    expect(actor.getSnapshot().matches({ running: 'up' })).toBe(true);
  });

  it('running with a health check on daemon.restore: the probe timer runs again', () => {
    const clock = new SimulatedClock();
    clock.set(T0);
    const source = createActor(containerMachine, { input: { name: NAME, image: IMAGE, id: ID, healthcheck: HEALTHCHECK }, clock });
    source.start();
    source.send({ type: 'start' });
    const { actor, clock: restoredClock, log } = restored(source, T0);
    restoredClock.increment(5_000);
    const withoutRestore = [...log];

    actor.send({ type: 'daemon.restore' });
    restoredClock.increment(1_000);

    expect(withoutRestore).toEqual([]);
    expect(log).toEqual([
      'exec_create: curl -f http://localhost/',
      'exec_start: curl -f http://localhost/',
      'exec_die exitCode=0',
      'health_status: healthy',
    ]);
  });
});

describe('xstate/graph API limits', () => {
  it('createTestModel refuses machines with `after` transitions; a TestModel built directly works', async () => {
    expect(() => createTestModel(containerMachine)).toThrow('After events on test machines are not supported');

    const variant = VARIANTS[1] as Variant;
    // TestModel's ActorLogic parameter does not accept a machine with typed `emitted` events.
    const logic = containerMachine as unknown as ActorLogic<ContainerSnapshot, ContainerEvent, ContainerInput>;
    const model = new TestModel(logic, {
      input: inputOf(variant),
      events: (snapshot: ContainerSnapshot) => eventsIn(snapshot, variant),
      serializeState: stateKey,
    });
    const paths = model.getShortestPaths({ allowDuplicatePaths: true });
    expect(new Set(paths.map((p) => dockerStatus(p.state)))).toEqual(
      new Set(['created', 'running', 'restarting', 'paused', 'exited', 'removed']),
    );

    for (const path of paths) {
      const clock = new SimulatedClock();
      const actor = createActor(containerMachine, { input: inputOf(variant), clock }).start();
      const exec = ({ event }: { event: ContainerEvent }) => {
        if (isDelayed(event)) clock.increment(DELAY_MS[delayOf(event)]?.(actor.getSnapshot()) ?? Number.NaN);
        else actor.send(event);
      };
      await path.test({
        events: Object.fromEntries([...variant.events, ...DELAYED, RESTORE].map((e) => [e.type, exec])),
        states: { '*': (state) => expect(actor.getSnapshot().value).toEqual(state.value) },
      });
    }
  });
});
