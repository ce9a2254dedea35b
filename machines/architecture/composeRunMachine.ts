/**
 * One `docker compose <action>` over time, as an XState actor (spawned by the
 * architecture machine as its child `compose`; see `architectureMachine`). Source:
 * docker/compose `pkg/compose/{up,start,stop,down,restart,pause,kill}.go`,
 * `dependencies.go` and `convergence.go` (docs/docker-behaviour.md §6):
 * - up/start/restart (state `forward`): each service once its dependencies are done and
 *   their `depends_on` conditions hold (service_started / service_healthy /
 *   service_completed_successfully, polled every `COMPOSE_POLL_MS`); the first failure
 *   ends the run (errgroup cancel);
 * - stop/down (state `backward`): reverse dependency order, the containers of a level in
 *   parallel; a level lasts as long as its slowest stop;
 * - pause/unpause/kill (state `allAtOnce`): every running container at once, no order.
 *
 * Each service of a forward run is in one phase (`ServicePhase`): `blocked` (a dependency
 * is not done), `waiting` (its conditions are checked, again every poll), `starting` (its
 * API calls were made; a start takes `COMPOSE_STEP_MS` on screen, a restart its stop's
 * grace period), `done`. Every wait is a delayed event on the actor clock (`poll`,
 * `service.done`, `level.done`), so a `SimulatedClock` drives the whole run.
 *
 * The run starts on `begin` (sent by the architecture's facade once the child exists):
 * its first steps are Docker commands through the architecture's entry point, which must
 * not be called while the architecture is still processing the event that spawned it.
 */
import { assign, enqueueActions, setup } from 'xstate';
import { stopOutcome } from '../container/processModel';
import type { ContainerEvent } from '../container/types';
import { COMPOSE_POLL_MS, checkCondition } from './composeConditions';
import type { ComposeAction, ComposeHost, ComposeProgress } from './composeHost';
import { reverseDependencyOrder } from './dependencyOrder';
import { isServiceActive } from './profiles';
import type { ArchitectureSpec, ServiceSpec } from './spec';

/** Simulated time one service's start takes on screen, ms. */
export const COMPOSE_STEP_MS = 400;
/** Shortest time a stop level takes on screen, ms. */
const STOP_LEVEL_MIN_MS = 100;

/** Where one service of a forward run (up/start/restart) is. */
export type ServicePhase = 'blocked' | 'waiting' | 'starting' | 'done';

export interface ComposeRunInput {
  action: ComposeAction;
  host: ComposeHost;
}

export interface ComposeRunContext {
  action: ComposeAction;
  host: ComposeHost;
  /** The project as the run found it (replica counts may change later; the run keeps this). */
  spec: ArchitectureSpec;
  /** The services the run acts on (active profiles), in file order. */
  services: readonly ServiceSpec[];
  /** Forward runs: each service's phase. */
  phases: Readonly<Record<string, ServicePhase>>;
  /** Backward runs: service names per level, dependents first; `level` is the one being stopped. */
  levels: readonly string[][];
  level: number;
  /** Compose's error, once the run failed. */
  error: string | undefined;
  /** What the UI shows; a new object on every change. */
  progress: ComposeProgress;
}

export type ComposeRunEvent =
  /** Starts the run. */
  | { type: 'begin' }
  /** Delayed: check `service`'s conditions again (Compose polls `ContainerInspect`). */
  | { type: 'poll'; service: string }
  /** Delayed: `service`'s API calls returned. */
  | { type: 'service.done'; service: string }
  /** Delayed: the stop level in progress is over. */
  | { type: 'level.done' };

/** A handler's working copy of the context, and the delayed events it schedules. */
interface Draft {
  context: ComposeRunContext;
  phases: Record<string, ServicePhase>;
  progress: ComposeProgress;
  later: Array<{ event: ComposeRunEvent; delay: number; id: string }>;
}

function draftOf(context: ComposeRunContext): Draft {
  const p = context.progress;
  return {
    context,
    phases: { ...context.phases },
    progress: { ...p, active: [...p.active], finished: [...p.finished], warnings: [...p.warnings] },
    later: [],
  };
}

/**
 * The dependencies that order a run: all of them, except for `restart`, which keeps only
 * `depends_on` entries with `restart: true` (compose `restart.go` prepareRestartProject).
 */
function dependenciesOf(action: ComposeAction, service: ServiceSpec) {
  return action === 'restart' ? service.dependsOn.filter((d) => d.restart) : service.dependsOn;
}

/** Forward: moves every `blocked` service whose dependencies are all done to `waiting`, and checks it. */
function visit(draft: Draft): void {
  const { services, action } = draft.context;
  const names = new Set(services.map((s) => s.name));
  for (const service of services) {
    if (draft.context.error !== undefined) return;
    if (draft.phases[service.name] !== 'blocked') continue;
    const deps = dependenciesOf(action, service).filter((d) => names.has(d.service));
    if (!deps.every((d) => draft.phases[d.service] === 'done')) continue;
    draft.phases[service.name] = 'waiting';
    draft.progress.active.push({ service: service.name });
    check(draft, service);
  }
}

/** Forward: checks `service`'s conditions; waits (poll), fails, or acts and schedules `service.done`. */
function check(draft: Draft, service: ServiceSpec): void {
  const { spec, host, action } = draft.context;
  for (const dependency of dependenciesOf(action, service)) {
    const dep = spec.services.find((s) => s.name === dependency.service);
    if (!dep || !isServiceActive(spec, dep)) continue; // required:false or inactive: the parser warned
    const containers = host.containerNames(dep.name).map((name) => ({ name, state: host.inspect(name) }));
    const verdict = checkCondition(dependency, containers);
    if (verdict.verdict === 'fail') {
      if (dependency.required) return fail(draft, verdict.message);
      // `required: false`: Compose warns and goes on (convergence.go waitDependencies).
      draft.progress.warnings.push(`optional dependency "${dependency.service}" is not running or is unhealthy`);
      continue;
    }
    if (verdict.verdict === 'wait') {
      const at = draft.progress.active.findIndex((a) => a.service === service.name);
      const slot = draft.progress.active[at];
      if (slot && slot.waitingFor !== verdict.reason) draft.progress.active[at] = { ...slot, waitingFor: verdict.reason };
      draft.later.push({ event: { type: 'poll', service: service.name }, delay: COMPOSE_POLL_MS, id: `poll:${service.name}` });
      return;
    }
  }
  const failure = act(draft.context, service);
  if (failure) return fail(draft, failure);
  draft.phases[service.name] = 'starting';
  // Compose's API call returns when the daemon is done: a restart after its stop's grace period.
  const slowest = Math.max(
    COMPOSE_STEP_MS,
    ...host.containerNames(service.name).map((name) => {
      const p = host.pending(name);
      return p ? p.endsAt - p.startedAt : 0;
    }),
  );
  draft.later.push({ event: { type: 'service.done', service: service.name }, delay: slowest, id: `done:${service.name}` });
}

/** The per-container commands of a forward step; returns Compose's error, if any. */
function act(context: ComposeRunContext, service: ServiceSpec): string | undefined {
  const { host, action } = context;
  if (action === 'up') host.ensureContainers(service.name);
  for (const name of host.containerNames(service.name)) {
    const status = host.inspect(name)?.Status;
    // Compose lists the project's existing containers: a removed one is not there to act on.
    if (status === undefined || status === 'removed') continue;
    if (action === 'restart') {
      const r = host.exec(name, { type: 'restart' });
      if (!r.ok) return r.message;
      continue;
    }
    // Compose starts every container whose State != "running" (containers.go isNotRunning).
    if (status === 'running' || status === 'restarting') continue;
    const r = host.exec(name, { type: 'start' });
    if (!r.ok) return `Error response from daemon: ${r.message}`;
  }
  return undefined;
}

function fail(draft: Draft, message: string | undefined): void {
  draft.context = { ...draft.context, error: message ?? 'failed' };
}

/** Backward: stops (and for `down` removes) the containers of the current level; `level.done` when its slowest stop is over. */
function stopLevel(draft: Draft): void {
  const { levels, level: i, host } = draft.context;
  const level = levels[i];
  if (!level) return;
  draft.progress.active = level.map((service) => ({ service }));
  let slowest = STOP_LEVEL_MIN_MS;
  for (const service of level) {
    for (const name of host.containerNames(service)) {
      const snapshot = host.snapshot(name);
      const status = host.inspect(name)?.Status;
      if (!snapshot || status === 'removed') continue;
      const live = status === 'running' || status === 'paused' || status === 'restarting';
      if (live) {
        slowest = Math.max(slowest, stopOutcome(snapshot.context.process).durationMs);
        host.exec(name, { type: 'stop' });
      }
    }
  }
  draft.later.push({ event: { type: 'level.done' }, delay: slowest, id: 'level' });
}

/**
 * `down`: the current level's containers are removed once their stops are over (Compose's
 * down stops a container, then removes it: docker/compose pkg/compose/down.go). Removing at
 * once would SIGKILL a container still in its grace period.
 */
function removeLevel(draft: Draft): void {
  const { levels, level: i, host, action } = draft.context;
  if (action !== 'down') return;
  for (const service of levels[i] ?? []) {
    for (const name of host.containerNames(service)) {
      const status = host.inspect(name)?.Status;
      if (status !== undefined && status !== 'removed') host.exec(name, { type: 'remove', force: true });
    }
  }
}

/** pause/unpause/kill: every container with Running == true (running, paused, restarting), at once. */
function actAll(draft: Draft): void {
  const { services, host, action } = draft.context;
  const event: ContainerEvent = { type: action as 'pause' | 'unpause' | 'kill' };
  const errors: string[] = [];
  for (const service of services) {
    for (const name of host.containerNames(service.name)) {
      if (!host.inspect(name)?.Running) continue;
      const r = host.exec(name, event);
      if (!r.ok && r.message) errors.push(`Error response from daemon: ${r.message}`);
    }
    draft.progress.finished.push(service.name);
  }
  if (errors.length) fail(draft, errors.join('\n'));
}

/** Runs `step` on a draft of the context, then assigns it and schedules its delayed events. */
function handle(step: (draft: Draft, event: ComposeRunEvent) => void) {
  return enqueueActions<ComposeRunContext, ComposeRunEvent, undefined, ComposeRunEvent, never, never, never, never, never>(
    ({ context, event, enqueue }) => {
      const draft = draftOf(context);
      step(draft, event);
      enqueue.assign({ ...draft.context, phases: draft.phases, progress: draft.progress });
      for (const { event: later, delay, id } of draft.later) enqueue.raise(later, { delay, id });
    },
  );
}

function initialContext({ action, host }: ComposeRunInput): ComposeRunContext {
  const spec = host.spec;
  const services = spec.services.filter((s) => isServiceActive(spec, s));
  const forward = action === 'up' || action === 'start' || action === 'restart';
  return {
    action,
    host,
    spec,
    services,
    phases: forward ? Object.fromEntries(services.map((s) => [s.name, 'blocked' as const])) : {},
    levels: action === 'stop' || action === 'down' ? reverseDependencyOrder({ ...spec, services }) : [],
    level: 0,
    error: undefined,
    progress: { action, status: 'running', active: [], finished: [], warnings: [] },
  };
}

export const composeRunMachine = setup({
  types: {
    context: {} as ComposeRunContext,
    events: {} as ComposeRunEvent,
    input: {} as ComposeRunInput,
  },
  guards: {
    forward: ({ context }) => context.action === 'up' || context.action === 'start' || context.action === 'restart',
    backward: ({ context }) => context.action === 'stop' || context.action === 'down',
    failed: ({ context }) => context.error !== undefined,
    allServicesDone: ({ context }) => context.services.every((s) => context.phases[s.name] === 'done'),
    allLevelsDone: ({ context }) => context.level >= context.levels.length,
  },
}).createMachine({
  id: 'composeRun',
  context: ({ input }) => initialContext(input),
  initial: 'idle',
  states: {
    idle: {
      on: {
        begin: [{ guard: 'forward', target: 'forward' }, { guard: 'backward', target: 'backward' }, { target: 'allAtOnce' }],
      },
    },
    forward: {
      entry: handle((draft) => visit(draft)),
      on: {
        poll: {
          actions: handle((draft, event) => {
            if (event.type !== 'poll' || draft.phases[event.service] !== 'waiting') return;
            const service = draft.context.services.find((s) => s.name === event.service);
            if (service) check(draft, service);
          }),
        },
        'service.done': {
          actions: handle((draft, event) => {
            if (event.type !== 'service.done') return;
            draft.phases[event.service] = 'done';
            draft.progress.active = draft.progress.active.filter((a) => a.service !== event.service);
            draft.progress.finished.push(event.service);
            visit(draft);
          }),
        },
      },
      always: [
        { guard: 'failed', target: 'failed' },
        { guard: 'allServicesDone', target: 'done' },
      ],
    },
    backward: {
      entry: handle((draft) => stopLevel(draft)),
      on: {
        'level.done': {
          actions: handle((draft) => {
            removeLevel(draft);
            draft.progress.finished.push(...(draft.context.levels[draft.context.level] ?? []));
            draft.context = { ...draft.context, level: draft.context.level + 1 };
            stopLevel(draft);
          }),
        },
      },
      always: { guard: 'allLevelsDone', target: 'done' },
    },
    allAtOnce: {
      entry: handle((draft) => actAll(draft)),
      always: [{ guard: 'failed', target: 'failed' }, { target: 'done' }],
    },
    done: {
      type: 'final',
      entry: assign({ progress: ({ context }) => ({ ...context.progress, status: 'done' as const, active: [] }) }),
    },
    failed: {
      type: 'final',
      entry: assign({
        progress: ({ context }) => ({ ...context.progress, status: 'failed' as const, active: [], ...(context.error ? { error: context.error } : {}) }),
      }),
    },
  },
});
