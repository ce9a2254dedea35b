/**
 * Model-based tests of the architecture's timed behaviour with `xstate/graph`: the timed
 * `docker stop` (SIGTERM, grace period, SIGKILL; docs/docker-behaviour.md §2.1) and a
 * `docker compose up` with `depends_on` conditions (§6).
 *
 * The graph is explored on the real system: a state is the list of steps taken so far
 * (`fromTransition`), and `serializeState` replays them on a fresh `Architecture` with a
 * `SimulatedClock` and reads what the machines say: the container's Docker status and
 * exit code, the architecture machine's pending stop, the Compose run actor's state and
 * each service's phase. So the states below are the machines' own, and every edge is a
 * real command or a real wait on the actor clock.
 */
import { fromTransition, SimulatedClock } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import {
  commandError,
  createArchitecture,
  stopOf,
  type Architecture,
  type ArchitectureSpec,
  type ContainerEvent,
  type ServiceSpec,
} from '../../machines';

const T0 = Date.UTC(2026, 0, 1);

function service(name: string, extra: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    name,
    image: `${name}:1`,
    replicas: 1,
    restartPolicy: 'no',
    dependsOn: [],
    profiles: [],
    ports: [],
    expose: [],
    networks: ['default'],
    environment: {},
    ...extra,
  } as ServiceSpec;
}

const spec = (...services: ServiceSpec[]): ArchitectureSpec =>
  ({ project: 'm', services, networks: ['default'], volumes: [], activeProfiles: [] }) as unknown as ArchitectureSpec;

/** A step of the model: a command through the entry point, or time on the actor clock. */
type Step = { type: 'send'; name: string; event: ContainerEvent } | { type: 'advance'; ms: number };
type StepEvent = Step & { type: string };

interface Built {
  architecture: Architecture;
  clock: SimulatedClock;
  /** The log entry of each step (for `send`). */
  outcomes: Array<'ok' | 'no-op' | 'error' | null>;
}

/** Builds the architecture and takes `steps` (synchronously: the clock runs every due timer). */
function build(s: ArchitectureSpec, steps: readonly Step[], options: { up: boolean; compose?: boolean }): Built {
  const clock = new SimulatedClock();
  clock.set(T0);
  const architecture = createArchitecture(s, { clock, up: options.up });
  if (options.compose) architecture.compose('up');
  const outcomes = steps.map((step) => {
    if (step.type === 'advance') {
      clock.increment(step.ms);
      return null;
    }
    return architecture.send(step.name, step.event).outcome;
  });
  return { architecture, clock, outcomes };
}

/** `xstate/graph` logic whose snapshot is the path of steps taken. */
const stepsLogic = fromTransition((steps: readonly Step[], event: StepEvent) => [...steps, event as Step], [] as readonly Step[]);

// ---------------------------------------------------------------------------------------
// The timed stop
// ---------------------------------------------------------------------------------------

/** PID 1 ignores SIGTERM: `docker stop` waits the 10 s grace period, then SIGKILL (137). */
const STOP_SPEC = spec(service('web', { process: { onStopSignal: 'ignores' } }));
const WEB = 'm-web-1';
const WEB_STEPS: StepEvent[] = [
  { type: 'send', name: WEB, event: { type: 'stop' } },
  { type: 'send', name: WEB, event: { type: 'restart' } },
  { type: 'send', name: WEB, event: { type: 'kill' } },
  { type: 'send', name: WEB, event: { type: 'pause' } },
  { type: 'send', name: WEB, event: { type: 'unpause' } },
  { type: 'send', name: WEB, event: { type: 'start' } },
  { type: 'send', name: WEB, event: { type: 'exit', exitCode: 0 } },
  { type: 'advance', ms: 5_000 },
];

/** What the machines say about `web` now. */
function stopView({ architecture, clock }: Built) {
  const actor = architecture.containerActor(WEB)!;
  const state = architecture.actor.getSnapshot();
  const pending = stopOf(state.context.pending, actor.id);
  const inspect = actor.getSnapshot();
  return {
    status: architecture.status(WEB),
    exitCode: inspect.context.exitCode,
    pending: pending ? `${pending.event.type}, SIGKILL in ${pending.endsAt - clock.now()} ms` : null,
  };
}

const stopKey = (steps: readonly Step[]) => {
  const built = build(STOP_SPEC, steps, { up: true });
  const key = JSON.stringify(stopView(built));
  built.architecture.stop();
  return key;
};

describe('model: the timed docker stop (SIGTERM → grace period → SIGKILL)', () => {
  const paths = getShortestPaths(stepsLogic, { events: WEB_STEPS, serializeState: (s) => stopKey(s.context) });
  const states = paths.map((p) => JSON.parse(stopKey(p.state.context)) as ReturnType<typeof stopView>);

  it('reaches exactly the states Docker has: running or paused with a stop pending, never a "stopping" status', () => {
    const keys = new Set(states.map((s) => `${s.status}${s.pending ? ` (${s.pending})` : ''}${s.status === 'exited' ? ` ${s.exitCode}` : ''}`));
    expect([...keys].sort()).toEqual(
      [
        'running',
        'running (stop, SIGKILL in 10000 ms)',
        'running (stop, SIGKILL in 5000 ms)',
        'running (restart, SIGKILL in 10000 ms)',
        'running (restart, SIGKILL in 5000 ms)',
        'paused',
        'paused (stop, SIGKILL in 10000 ms)',
        'paused (stop, SIGKILL in 5000 ms)',
        'paused (restart, SIGKILL in 10000 ms)',
        'paused (restart, SIGKILL in 5000 ms)',
        'exited 137',
        'exited 0',
      ].sort(),
    );
  });

  it('every edge out of a state with a stop pending: kill and the process end act at once, every other command is refused, the deadline sends SIGKILL', () => {
    let checked = 0;
    for (const path of paths) {
      const before = JSON.parse(stopKey(path.state.context)) as ReturnType<typeof stopView>;
      if (!before.pending) continue;
      for (const step of WEB_STEPS) {
        const built = build(STOP_SPEC, [...path.state.context, step], { up: true });
        const after = stopView(built);
        const outcome = built.outcomes.at(-1);
        if (step.type === 'advance') {
          // Half the grace period: still pending; the second half: SIGKILL, exit 137, nothing pending.
          if (before.pending.endsWith('in 5000 ms')) {
            expect(after.pending).toBeNull();
            if (before.pending.startsWith('restart')) expect(after.status).toBe('running');
            else expect(after).toMatchObject({ status: 'exited', exitCode: 137 });
          } else expect(after.pending).toMatch(/in 5000 ms$/);
        } else if (step.event.type === 'kill' || step.event.type === 'exit') {
          // They go ahead, as the container's own rules say (a paused process cannot exit by itself).
          const alone = build(STOP_SPEC, path.state.context, { up: true });
          const ownAnswer = alone.architecture.containerActor(WEB)!.getSnapshot().can(step.event);
          alone.architecture.stop();
          expect(outcome).toBe(ownAnswer ? 'ok' : 'error');
          if (ownAnswer) expect(after).toEqual({ status: 'exited', exitCode: step.event.type === 'kill' ? 137 : 0, pending: null });
          else expect(after).toEqual(before);
        } else {
          expect(outcome).toBe('error');
          const entry = built.architecture.getLog().at(-1)!;
          expect(entry.message).toMatch(/^docker (stop|restart) m-web-1 is still in progress$/);
          expect(after).toEqual(before);
        }
        built.architecture.stop();
        checked++;
      }
    }
    expect(checked).toBe(8 * WEB_STEPS.length);
  });

  it('the stop that reaches its deadline is logged once, with SIGTERM, SIGKILL, die 137 and stop', () => {
    const built = build(STOP_SPEC, [WEB_STEPS[0]!, { type: 'advance', ms: 5_000 }, { type: 'advance', ms: 5_000 }], { up: true });
    const stops = built.architecture.getLog().filter((e) => e.cli === `docker stop ${WEB}`);
    expect(stops.map((e) => e.events.map((m) => (m.Action === 'kill' ? `kill ${m.Actor.Attributes.signal}` : m.Action)))).toEqual([
      ['kill 15', 'kill 9', 'disconnect', 'die', 'stop'],
    ]);
    built.architecture.stop();
  });
});

describe('can(), commandError() and send() agree in every state, a pending stop included', () => {
  const paths = getShortestPaths(stepsLogic, { events: WEB_STEPS, serializeState: (s) => stopKey(s.context) });
  const COMMANDS: ContainerEvent[] = [
    { type: 'start' },
    { type: 'stop' },
    { type: 'stop', timeoutSeconds: 0 },
    { type: 'restart' },
    { type: 'kill' },
    { type: 'kill', signal: 'SIGTERM' },
    { type: 'pause' },
    { type: 'unpause' },
    { type: 'remove' },
    { type: 'remove', force: true },
    { type: 'exit', exitCode: 1 },
    { type: 'oom' },
    { type: 'update', restartPolicy: 'always' },
  ];

  it.each(['simulation', 'live'] as const)('%s mode: for every reachable state × every command', (mode) => {
    let pendingStates = 0;
    for (const path of paths) {
      for (const command of COMMANDS) {
        const built = build(STOP_SPEC, path.state.context, { up: true });
        const { architecture } = built;
        const live = mode === 'live' ? rebuildLive(built, path.state.context) : architecture;
        const actor = live.containerActor(WEB)!;
        const pending = stopOf(live.actor.getSnapshot().context.pending, actor.id);
        if (pending) pendingStates++;
        const can = live.can(WEB, command);
        const error = live.commandError(WEB, command);
        const reason = live.disabledReason(WEB, command);
        const snapshot = actor.getSnapshot();
        const entry = live.send(WEB, command);
        const changed = entry.events.length > 0 || actor.getSnapshot() !== snapshot || stopOf(live.actor.getSnapshot().context.pending, actor.id) !== pending;
        const where = `${mode} ${JSON.stringify(path.state.context)} + ${JSON.stringify(command)}`;
        expect(error === null ? entry.outcome !== 'error' : entry.outcome === 'error' && entry.message === error, where).toBe(true);
        expect(changed, where).toBe(can);
        expect(reason === null, where).toBe(can);
        if (can) expect(error, where).toBeNull();
        // Without a pending stop (and in simulation), the architecture answers as the container does.
        if (!pending && mode === 'simulation') expect(can, where).toBe(snapshot.can(command));
        if (!pending && mode === 'simulation') expect(error, where).toBe(commandError(snapshot, command));
        if (pending && !['kill', 'exit', 'oom'].includes(command.type) && !(command.type === 'remove' && command.force)) {
          expect(reason ?? '', where).toMatch(/still in progress|live mode/);
        }
        if (mode === 'live' && ['exit', 'oom', 'update'].includes(command.type)) expect(reason, where).toMatch(/live mode/);
        live.stop();
        if (live !== architecture) architecture.stop();
      }
    }
    expect(pendingStates).toBeGreaterThan(0);
  });
});

/** The same steps on an architecture in live mode (simulation-only steps are refused there too). */
function rebuildLive(_built: Built, steps: readonly Step[]): Architecture {
  const clock = new SimulatedClock();
  clock.set(T0);
  const architecture = createArchitecture(STOP_SPEC, { clock, up: true, mode: 'live' });
  for (const step of steps) {
    if (step.type === 'advance') clock.increment(step.ms);
    else architecture.send(step.name, step.event);
  }
  return architecture;
}

// ---------------------------------------------------------------------------------------
// A Compose up
// ---------------------------------------------------------------------------------------

const dependsOn = (on: string, condition: 'service_started' | 'service_healthy' | 'service_completed_successfully') => ({
  service: on,
  condition,
  required: true,
  restart: false,
  via: 'depends_on' as const,
});

/** db has a health check (healthy after its first probe); migrate is a one-shot job; api waits on both. */
const UP_SPEC = spec(
  service('db', { healthcheck: { test: 'pg_isready', intervalMs: 1_000, timeoutMs: 500, retries: 1, startPeriodMs: 0, startIntervalMs: 1_000 } } as Partial<ServiceSpec>),
  service('migrate', { dependsOn: [dependsOn('db', 'service_started')], process: { onStopSignal: 'exits', completesAfterMs: 1_500, completionExitCode: 0 } }),
  service('api', { dependsOn: [dependsOn('db', 'service_healthy'), dependsOn('migrate', 'service_completed_successfully')] }),
);
const UP_STEPS: StepEvent[] = [
  { type: 'advance', ms: 250 },
  { type: 'send', name: 'm-migrate-1', event: { type: 'exit', exitCode: 1 } },
  { type: 'send', name: 'm-db-1', event: { type: 'probe', result: 'fail' } },
];

function upView({ architecture, clock }: Built) {
  const run = architecture.actor.getSnapshot().children.compose;
  const snapshot = run?.getSnapshot();
  const phases = snapshot?.context.phases ?? {};
  const health = (name: string) => architecture.containerActor(name)!.getSnapshot().context.health?.status ?? null;
  const progress = architecture.getComposeProgress()?.status ?? null;
  return {
    // Time tells states apart while the run waits; once it ended, the graph closes.
    t: progress === 'running' ? clock.now() - T0 : null,
    run: String(snapshot?.value ?? 'gone'),
    progress: architecture.getComposeProgress()?.status ?? null,
    db: `${phases['db'] ?? '-'} ${architecture.status('m-db-1')} ${architecture.containerActor('m-db-1')!.getSnapshot().context.probePassing ? 'passing' : 'failing'} ${health('m-db-1')}`,
    migrate: `${phases['migrate'] ?? '-'} ${architecture.status('m-migrate-1')} ${architecture.containerActor('m-migrate-1')!.getSnapshot().context.exitCode}`,
    api: `${phases['api'] ?? '-'} ${architecture.status('m-api-1')}`,
  };
}

const upKey = (steps: readonly Step[]) => {
  const built = build(UP_SPEC, steps, { up: false, compose: true });
  const key = JSON.stringify(upView(built));
  built.architecture.stop();
  return key;
};

describe('model: docker compose up with service_healthy and service_completed_successfully', () => {
  // Only time, then also the failures a dependency can have.
  const onlyTime = getShortestPaths(stepsLogic, { events: [UP_STEPS[0]!], serializeState: (s) => upKey(s.context), limit: 200 });
  const all = getShortestPaths(stepsLogic, { events: UP_STEPS, serializeState: (s) => upKey(s.context), limit: 2000 });
  const views = (paths: typeof all) => paths.map((p) => ({ steps: p.state.context, view: JSON.parse(upKey(p.state.context)) as ReturnType<typeof upView> }));

  it('with time alone, each service goes blocked → waiting → starting → done in dependency order, and the run ends done', () => {
    const seen = views(onlyTime);
    const phasesOf = (s: 'db' | 'migrate' | 'api') => new Set(seen.map(({ view }) => view[s].split(' ')[0]));
    expect([...phasesOf('db')]).toEqual(expect.arrayContaining(['starting', 'done']));
    expect([...phasesOf('migrate')]).toEqual(expect.arrayContaining(['blocked', 'starting', 'done']));
    expect([...phasesOf('api')]).toEqual(expect.arrayContaining(['blocked', 'waiting', 'starting', 'done']));
    const last = seen.find(({ view }) => view.progress === 'done');
    expect(last?.view).toMatchObject({ run: 'done', api: 'done running' });
  });

  it('in every reachable state, api is started only once db is healthy and migrate exited 0 (or the run failed first)', () => {
    const seen = views(all);
    expect(seen.length).toBeGreaterThan(10);
    for (const { steps, view } of seen) {
      const where = JSON.stringify({ steps, view });
      const apiStarted = !view.api.endsWith(' created');
      if (apiStarted) {
        expect(view.db, where).toMatch(/ healthy$/);
        expect(view.migrate, where).toMatch(/ exited 0$/);
      }
      // A phase is the run's, a status the container's: they agree.
      if (view.migrate.startsWith('blocked')) expect(view.migrate, where).toMatch(/ created /);
      if (view.api.startsWith('waiting')) expect(view.api, where).toBe('waiting created');
    }
  });

  it('a dependency that fails its condition fails the run with Compose\'s error, and api is never started', () => {
    const failed = views(all).filter(({ view }) => view.progress === 'failed');
    const errors = new Set(
      failed.map(({ steps }) => {
        const built = build(UP_SPEC, steps, { up: false, compose: true });
        const error = built.architecture.getComposeProgress()?.error;
        built.architecture.stop();
        return error;
      }),
    );
    expect([...errors].sort()).toEqual(['dependency failed to start: container m-db-1 is unhealthy', 'service "migrate" didn\'t complete successfully: exit 1']);
    for (const { view } of failed) expect(view.api).toMatch(/ created$/);
  });
});
