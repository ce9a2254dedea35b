/**
 * The architecture as callers use it: one object that runs the architecture actor,
 * sends Docker commands to containers by name, and turns every command into a log entry
 * (the CLI line plus the Docker events it produced, or Docker's error). Pure: no DOM.
 *
 * A command is synchronous (docs/contracts.md §1): `send()` returns the finished entry.
 * Events that happen later without a command (a restart policy's start after its
 * back-off) are grouped per microtask into `daemon` entries.
 */
import { createActor, type ActorOptions, type ActorRefFrom } from 'xstate';
import { cliLine } from '../container/cli';
import { actorNow } from '../container/clock';
import { containerMachine } from '../container/containerMachine';
import { dockerStatus } from '../container/inspectState';
import type { ContainerEvent, DockerEventMessage, DockerStatus } from '../container/types';
import { inspectState } from '../container/inspectState';
import { disabledReason, outcomeOf } from '../container/commandError';
import type { CommandOutcome } from '../container/commandOutcome';
import { COMPOSE_NOT_LIVE, NOT_LIVE, type ArchitectureMode } from './architectureMode';
import { architectureMachine, COMPOSE_RUN, idInUse, type ContainerEntry, type RecordedContainer } from './architectureMachine';
import { createOutcome, scaleOutcome } from './slotOutcome';
import { architectureOutcome } from './architectureOutcome';
import type { ComposeAction, ComposeHost, ComposeProgress } from './composeHost';
import type { composeRunMachine } from './composeRunMachine';
import { dependencyOrder } from './dependencyOrder';
import { containerName } from './naming';
import { ArchitectureLog, type LogEntry } from './architectureLog';
import type { SavedArchitecture } from './saveFormat';
import { SAVE_FORMAT, SAVE_VERSION } from './saveFormat';
import type { PendingCommand } from './pendingCommand';
import { allStops, stopOf, type PendingStops } from './pendingStops';
import type { ArchitectureSpec, ServiceSpec } from './spec';

export type ContainerActor = ActorRefFrom<typeof containerMachine>;

export interface ArchitectureOptions {
  /** XState clock for every actor (e.g. `new SimulatedClock()` in tests). */
  clock?: ActorOptions<typeof architectureMachine>['clock'];
  /** Start every container after creating it, in dependency order, as `docker compose up -d`. Default true. */
  up?: boolean;
  /** Most log entries kept (older ones are dropped). Default 1000. */
  logLimit?: number;
  /** Create the spec's containers on start (default true). False starts empty, for a replay. */
  createContainers?: boolean;
  /** Restore this save instead of creating containers (validate it with `parseSavedArchitecture` first). */
  restore?: SavedArchitecture;
  /**
   * `simulation` (default), or `live`: a real engine decides, so the entry point refuses
   * what only the simulation does (crash, OOM, probe, update, rename; Compose runs,
   * scaling, create/run by the user), each with its reason (`modeRefusal`; `NOT_LIVE`,
   * `COMPOSE_NOT_LIVE`), logged as refused before Docker (`refusedBy: 'page'`).
   */
  mode?: ArchitectureMode;
}


/** How a `logged()` entry reads once its work is done. */
export interface LoggedResult {
  outcome?: 'no-op' | 'error';
  message?: string;
  container?: string;
  /** With `outcome: 'error'`: refused before Docker (see `LogEntry.refusedBy`). */
  refusedBy?: LogEntry['refusedBy'];
}
type ComposeListener = (progress: ComposeProgress | null) => void;
type PendingListener = (pending: ReadonlyMap<string, PendingCommand>) => void;

type ComposeRunActor = ActorRefFrom<typeof composeRunMachine>;

/** A running architecture. Create with `createArchitecture`; call `stop()` when done. */
export class Architecture {
  readonly actor: ActorRefFrom<typeof architectureMachine>;
  private readonly subscribed = new Set<string>();
  private readonly log: ArchitectureLog;
  private readonly composeListeners = new Set<ComposeListener>();
  /** The last Compose run's progress, kept when its actor is gone (ended, cancelled, stopped). */
  private composeProgress: ComposeProgress | null = null;
  /** Stops watching the Compose run actor in progress. */
  private unwatchCompose: (() => void) | null = null;
  /** `getPending()`'s answer, made again when the machine's `pending` changes. */
  private pendingSeen: PendingStops | null = null;
  private pendingView: ReadonlyMap<string, PendingCommand> = new Map();
  private readonly pendingListeners = new Set<PendingListener>();
  /** The log entries of stops in their grace period, by container ID: finished when the stop completes. */
  private readonly timedEntries = new Map<string, LogEntry>();
  /** `containers` as `watchChildren` last saw it. */
  private watched: readonly ContainerEntry[] | null = null;
  /** Indexes over `containers`, rebuilt only when that array changes (no per-command scans). */
  private indexed: readonly ContainerEntry[] | null = null;
  private byName = new Map<string, ContainerEntry>();
  private byId = new Map<string, ContainerEntry>();
  private byService = new Map<string, ContainerEntry[]>();

  constructor(spec: ArchitectureSpec, options: ArchitectureOptions = {}) {
    this.log = new ArchitectureLog(options.logLimit ?? 1000, {
      now: () => this.now(),
      statusOf: (name) => this.status(name),
      nameOfId: (id) => this.index().byId.get(id)?.name,
    });
    this.actor = createActor(architectureMachine, {
      input: { spec: options.restore?.spec ?? spec, createContainers: options.createContainers !== false, mode: options.mode ?? 'simulation' },
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.restore ? { snapshot: options.restore.snapshot as never } : {}),
    });
    this.actor.on('docker.event', ({ message }) => this.log.record(message));
    this.actor.on('command.completing', ({ id, name, command }) => {
      const entry = this.timedEntries.get(id) ?? this.log.begin(cliLine(name, command));
      entry.time = this.now();
      this.timedEntries.set(id, entry);
      this.log.resume(entry);
    });
    this.actor.on('command.completed', ({ id }) => {
      const entry = this.timedEntries.get(id);
      this.timedEntries.delete(id);
      if (entry) this.log.finish(entry);
    });
    this.actor.on('command.dropped', ({ id }) => {
      const entry = this.timedEntries.get(id);
      this.timedEntries.delete(id);
      if (!entry) return;
      entry.time = this.now();
      entry.message = 'the process ended before the grace period did: nothing left to stop';
      this.log.resume(entry);
      this.log.finish(entry);
    });
    this.actor.subscribe(() => {
      this.watchChildren();
      if (this.actor.getSnapshot().context.pending !== this.pendingSeen && this.pendingListeners.size > 0) {
        const pending = this.getPending();
        for (const listener of this.pendingListeners) listener(pending);
      }
    });
    if (options.restore) {
      const restored = this.log.begin('# restored saved state');
      this.actor.start();
      this.watchChildren();
      // XState does not persist delayed events: re-arm back-offs and health monitors.
      for (const entry of this.containers) {
        const actor = this.ref(entry);
        if (actor?.getSnapshot().can({ type: 'daemon.restore' })) actor.send({ type: 'daemon.restore' });
      }
      this.log.finish(restored);
      // A Compose run the save caught under way goes on: run again, it converges (see `SavedArchitecture.compose`).
      if (options.restore.compose) this.compose(options.restore.compose);
      return;
    }
    if (options.createContainers === false) {
      this.actor.start();
      return;
    }
    const up = this.log.begin(options.up === false ? 'docker compose create' : 'docker compose up -d');
    this.actor.start();
    this.watchChildren();
    if (options.up !== false) {
      for (const level of dependencyOrder(spec)) {
        for (const service of level) {
          for (const entry of this.ofService(service)) this.ref(entry)?.send({ type: 'start' });
        }
      }
    }
    this.log.finish(up);
  }

  /** The architecture's spec as it is now (replica counts change with `scale`). */
  get spec(): ArchitectureSpec {
    return this.actor.getSnapshot().context.spec;
  }

  /** Current container of every slot, in spec order. */
  get containers(): readonly ContainerEntry[] {
    return this.actor.getSnapshot().context.containers;
  }

  /** The container actor named `name` (the current one in its slot). */
  containerActor(name: string): ContainerActor | undefined {
    const entry = this.index().byName.get(name);
    return entry ? this.ref(entry) : undefined;
  }

  /** Docker status of the container named `name`, or undefined when there is none. */
  status(name: string): DockerStatus | undefined {
    const actor = this.containerActor(name);
    return actor ? dockerStatus(actor.getSnapshot()) : undefined;
  }

  /**
   * The one way in for a Docker command (or process event) on a container, from every
   * surface: sends it to the architecture machine, which decides (`architectureOutcome`)
   * and acts, and returns its log entry. A `docker stop`/`docker restart` of a live
   * process takes Docker's time (SIGTERM, grace period, SIGKILL): the entry comes back
   * at once with no events yet, its container still `running`; the machine delivers the
   * stop when the CLI would return, and the same entry then gets its events and joins the
   * log (`getPending()` shows the countdown meanwhile).
   */
  send(name: string, event: ContainerEvent, kind: LogEntry['kind'] = 'command'): LogEntry {
    if (typeof (event as { type?: unknown } | null)?.type !== 'string') {
      // Untyped input (a hostile postMessage, a corrupt story): answered, never sent to an actor.
      const entry = this.log.begin(`# ${name}: ${JSON.stringify(event) ?? String(event)}`, name, kind);
      return this.log.finish(entry, { kind: 'error', message: `unknown command: ${JSON.stringify(event) ?? String(event)}` });
    }
    const target = this.index().byName.get(name);
    const actor = target ? this.ref(target) : undefined;
    const entry = this.log.begin(cliLine(name, event), name, kind);
    const { pending: stops, mode } = this.actor.getSnapshot().context;
    const pending = target ? stopOf(stops, target.id) : undefined;
    const outcome = architectureOutcome(actor?.getSnapshot(), pending, name, event, mode);
    if (outcome.kind !== 'ok' || !target) return this.log.finish(entry, outcome.kind === 'ok' ? undefined : { kind: outcome.kind, message: outcome.message });
    this.actor.send({ type: 'command', id: target.id, command: event });
    const after = this.actor.getSnapshot().context.pending;
    if (!pending && after !== stops && stopOf(after, target.id)) {
      // The stop is in its grace period: the entry is finished when the machine delivers it.
      this.log.suspend(entry);
      this.timedEntries.set(target.id, entry);
      return entry;
    }
    return this.log.finish(entry);
  }

  /** Simulation or live (`ArchitectureOptions.mode`). */
  get mode(): ArchitectureMode {
    return this.actor.getSnapshot().context.mode ?? 'simulation';
  }

  /**
   * What the entry point would answer to `event` for the container named `name` now:
   * the container's rules, a pending stop's, and the mode's (`architectureOutcome`, the
   * one function `send` and the machine also ask). Pure; never throws.
   */
  outcome(name: string, event: ContainerEvent): CommandOutcome {
    const target = this.index().byName.get(name);
    const actor = target ? this.ref(target) : undefined;
    const pending = target ? stopOf(this.actor.getSnapshot().context.pending, target.id) : undefined;
    return architectureOutcome(actor?.getSnapshot(), pending, name, event, this.mode);
  }

  /** Whether `send(name, event)` would change something now (Docker accepts it and it is not a 304). */
  can(name: string, event: ContainerEvent): boolean {
    return this.outcome(name, event).kind === 'ok';
  }

  /** Docker's error text for `send(name, event)` now, or null when accepted (304 no-ops included). */
  commandError(name: string, event: ContainerEvent): string | null {
    const outcome = this.outcome(name, event);
    return outcome.kind === 'error' ? outcome.message : null;
  }

  /**
   * Why a control for `event` on `name` is disabled, or null when enabled: the pending
   * stop or the mode when they refuse it, else the container's hint (`disabledReason`).
   */
  disabledReason(name: string, event: ContainerEvent): string | null {
    const outcome = this.outcome(name, event);
    if (outcome.kind === 'ok') return null;
    const actor = this.containerActor(name);
    const own = actor ? outcomeOf(actor.getSnapshot(), event) : undefined;
    // Refused by the architecture (a pending stop, the mode), not by the container's own rules.
    if (!own || own.kind !== outcome.kind || own.message !== outcome.message) return outcome.message;
    return actor ? (disabledReason(actor.getSnapshot(), event) ?? outcome.message) : outcome.message;
  }

  /**
   * Runs `fn` inside one log entry headed `cli`: every Docker event it causes lands in
   * that entry. `fn` may return how the entry reads (an error, a note, the container).
   * For callers that drive containers in their own words (a replay, a live engine).
   * With `recorded`, the entry shows exactly those events (what a `docker events` log or a
   * live engine said) and `fn` runs `quietly`: the machine's own events are not shown as
   * if Docker had emitted them.
   */
  logged(
    cli: string,
    fn: () => LoggedResult | void,
    options: { container?: string; kind?: LogEntry['kind']; recorded?: readonly DockerEventMessage[] } = {},
  ): LogEntry {
    const entry = this.log.begin(cli, options.container, options.kind ?? 'command');
    const recorded = options.recorded;
    let result: LoggedResult | void = undefined;
    try {
      result = recorded ? this.quietly(fn) : fn();
    } finally {
      if (recorded) entry.events = [...recorded];
      if (result?.container !== undefined) entry.container = result.container;
      if (result?.message !== undefined && !result.outcome) entry.message = result.message;
      if (result?.outcome === 'error' && result.refusedBy) entry.refusedBy = result.refusedBy;
      this.log.finish(entry, result?.outcome && result.message !== undefined ? { kind: result.outcome, message: result.message } : undefined);
    }
    return entry;
  }

  /**
   * Runs `fn` with nothing logged: the machine's events, and the entries of any command
   * `fn` runs, are dropped. For internal consequences of a recorded event (the machine's
   * `network disconnect` after a recorded `die`), which a recorded log does not contain.
   */
  quietly<T>(fn: () => T): T {
    return this.log.quietly(fn);
  }

  /** Adds a service to the spec (no container yet; `create` makes one). */
  addService(service: ServiceSpec): void {
    this.actor.send({ type: 'addService', service });
  }

  /** Stops in their grace period, by container name (the same map until one begins or ends). */
  getPending(): ReadonlyMap<string, PendingCommand> {
    const { pending } = this.actor.getSnapshot().context;
    if (pending !== this.pendingSeen) {
      this.pendingSeen = pending;
      this.pendingView = new Map(allStops(pending).map((p) => [p.container, p]));
    }
    return this.pendingView;
  }

  /** Calls `listener` whenever a stop's grace period begins or ends. */
  onPending(listener: PendingListener): () => void {
    this.pendingListeners.add(listener);
    return () => this.pendingListeners.delete(listener);
  }

  /**
   * `docker create` for a service slot whose container was removed: a new container
   * (new ID) from the same image, in `created`. Refused, with Docker's conflict
   * message, while the slot's container still exists. `recorded`: the container's real
   * ID, network and labels, for a replayed log or a live engine (see `RecordedContainer`).
   */
  create(service: string, replica = 1, kind: LogEntry['kind'] = 'command', recorded: RecordedContainer = {}): LogEntry {
    return this.createOrRun(service, replica, false, kind, recorded);
  }

  /**
   * `docker rename from to`: same container (ID, state), new name; event `rename`.
   * Refused with Docker's words when `to` is taken (moby `daemon/names.go` `reserveName`)
   * or invalid (see `commandOutcome`).
   */
  rename(from: string, to: string, kind: LogEntry['kind'] = 'command'): LogEntry {
    const entry = this.log.begin(`docker rename ${from} ${to}`, from, kind);
    const actor = this.containerActor(from);
    if (!actor) return this.log.finish(entry, { kind: 'error', message: `No such container: ${from}` });
    const outcome = outcomeOf(actor.getSnapshot(), { type: 'rename', name: to });
    if (outcome.kind !== 'ok') return this.log.finish(entry, { kind: outcome.kind, message: outcome.message });
    const taken = this.containerActor(to.replace(/^\//, ''));
    if (taken && dockerStatus(taken.getSnapshot()) !== 'removed') {
      const id = taken.getSnapshot().context.id;
      return this.log.finish(entry, {
        kind: 'error',
        message: `Error when allocating new name: Conflict. The container name "/${to.replace(/^\//, '')}" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`,
      });
    }
    this.actor.send({ type: 'rename', from, to });
    return this.log.finish(entry);
  }

  /** `docker run -d`: `create`, then `start`. */
  run(service: string, replica = 1): LogEntry {
    return this.createOrRun(service, replica, true);
  }

  /**
   * Runs `docker compose <action>` over simulated time: the architecture machine spawns
   * the run (`composeRunMachine`, which holds Compose's rules) and this returns its log
   * entry at once; progress goes to `onCompose` listeners, and the run's end is logged.
   * A run in progress is cancelled first, as a new Compose command would find the
   * project as it is.
   */
  compose(action: ComposeAction): LogEntry {
    if (this.mode === 'live') return this.refused(`docker compose ${action}`, undefined, COMPOSE_NOT_LIVE);
    this.unwatchCompose?.();
    this.unwatchCompose = null;
    const cli = `docker compose ${action}${action === 'up' ? ' -d' : ''}`;
    const header = this.log.finish(this.log.begin(cli));
    this.actor.send({ type: 'compose', action, host: this.composeHost() });
    const run = this.actor.getSnapshot().children[COMPOSE_RUN] as unknown as ComposeRunActor | undefined;
    if (!run) return header;
    let seen: ComposeProgress | null = null;
    const onSnapshot = () => {
      const { progress } = run.getSnapshot().context;
      if (progress === seen) return;
      seen = progress;
      this.composeProgress = progress;
      if (progress.status !== 'running') {
        this.unwatchCompose?.();
        this.unwatchCompose = null;
        const done = this.log.begin(`# ${cli}: ${progress.status === 'done' ? 'done' : 'failed'}`);
        if (progress.warnings.length > 0) done.message = progress.warnings.map((w) => `WARN ${w}`).join('\n');
        if (progress.error) done.printedBy = 'compose';
        this.log.finish(done, progress.error ? { kind: 'error', message: progress.error } : undefined);
      }
      for (const listener of this.composeListeners) listener(progress);
    };
    const subscription = run.subscribe(onSnapshot);
    this.unwatchCompose = () => subscription.unsubscribe();
    // The run's first steps are commands through `send`: begun only now that the architecture is idle.
    run.send({ type: 'begin' });
    return header;
  }

  /** The current or last compose run's progress (null before any). */
  getComposeProgress(): ComposeProgress | null {
    return this.composeProgress;
  }

  /** Calls `listener` on every compose progress change; returns an unsubscribe function. */
  onCompose(listener: ComposeListener): () => void {
    this.composeListeners.add(listener);
    return () => this.composeListeners.delete(listener);
  }

  /**
   * `docker compose up -d --scale <service>=<replicas>`: new replicas are created and
   * started; replicas above the count are stopped and removed, then forgotten.
   * Services with `container_name` cannot scale (Compose refuses).
   */
  scale(serviceName: string, replicas: number): LogEntry {
    if (this.mode === 'live') return this.refused(`docker compose up -d --scale ${serviceName}=${replicas}`, serviceName, NOT_LIVE);
    const entry = this.log.begin(`docker compose up -d --scale ${serviceName}=${replicas}`);
    const outcome = scaleOutcome(this.spec, serviceName, replicas);
    if (outcome.kind !== 'ok') return this.log.finish(entry, { kind: 'error', message: outcome.message });
    this.actor.send({ type: 'scale', service: serviceName, replicas });
    this.watchChildren(); // new containers' events from here on land in this entry
    this.actor.send({ type: 'start.service', service: serviceName });
    return this.log.finish(entry);
  }

  /**
   * The whole architecture as a JSON-serialisable save (see `parseSavedArchitecture`),
   * with the `docker compose up`/`start` under way, if any (`SavedArchitecture.compose`).
   */
  save(): SavedArchitecture {
    const saved: SavedArchitecture = {
      format: SAVE_FORMAT,
      version: SAVE_VERSION,
      savedAt: this.now(),
      spec: this.spec,
      snapshot: withoutComposeRun(JSON.parse(JSON.stringify(this.actor.getPersistedSnapshot()))),
    };
    const run = this.composeProgress;
    if (run?.status === 'running' && (run.action === 'up' || run.action === 'start') && this.actor.getSnapshot().children[COMPOSE_RUN]) saved.compose = run.action;
    return saved;
  }

  /** Log entries so far (oldest first, at most `logLimit`); the same array until the log changes. */
  getLog(): readonly LogEntry[] {
    return this.log.getLog();
  }

  /** Calls `listener` with the whole log after each change; returns an unsubscribe function. */
  onLog(listener: (entries: readonly LogEntry[]) => void): () => void {
    return this.log.onLog(listener);
  }

  /** Stops every actor (timers included) and any compose run. */
  stop(): void {
    this.unwatchCompose?.();
    this.unwatchCompose = null;
    this.actor.stop();
    this.log.clearListeners();
  }

  private createOrRun(serviceName: string, replica: number, start: boolean, kind: LogEntry['kind'] = 'command', recorded: RecordedContainer = {}): LogEntry {
    // A live mirror creates containers as the engine's events say (`replay`); the user may not.
    if (this.mode === 'live' && kind !== 'replay') return this.refused(`docker ${start ? 'run -d' : 'create'} ${serviceName}`, serviceName, NOT_LIVE);
    const service = this.spec.services.find((s) => s.name === serviceName);
    const name = service ? containerName(this.spec, service, replica) : serviceName;
    const image = service?.image ?? '';
    const entry = this.log.begin(`docker ${start ? 'run -d' : 'create'} --name ${name} ${image}`.trim(), name, kind);
    const snapshot = this.actor.getSnapshot();
    const outcome = createOutcome(this.spec, serviceName, replica, service ? idInUse(snapshot.context, snapshot.children, service, replica) : undefined);
    if (outcome.kind !== 'ok') return this.log.finish(entry, { kind: 'error', message: outcome.message });
    this.actor.send({ type: 'create', service: serviceName, replica, ...recorded });
    this.watchChildren(); // the new container's events from here on land in this entry
    const created = this.index().byName.get(name);
    // `docker run` = create, then start (through the machine, like every command).
    if (start && created) this.actor.send({ type: 'command', id: created.id, command: { type: 'start' } });
    return this.log.finish(entry);
  }

  /** A command live mode refuses: refused before Docker (`refusedBy: 'page'`), never shown as Docker's error. */
  private refused(cli: string, container: string | undefined, message: string): LogEntry {
    const entry = this.log.begin(cli, container);
    entry.refusedBy = 'page';
    return this.log.finish(entry, { kind: 'error', message });
  }

  private composeHost(): ComposeHost {
    return {
      spec: this.spec,
      containerNames: (service) => this.ofService(service).map((c) => c.name),
      inspect: (name) => {
        const actor = this.containerActor(name);
        return actor ? inspectState(actor.getSnapshot()) : undefined;
      },
      snapshot: (name) => this.containerActor(name)?.getSnapshot(),
      exec: (name, event) => {
        const entry = this.send(name, event, 'compose');
        return entry.outcome === 'error' ? { ok: false, message: entry.message } : { ok: true };
      },
      pending: (name) => this.getPending().get(name),
      ensureContainers: (service) => {
        for (const c of this.ofService(service)) {
          const actor = this.ref(c);
          if (actor && dockerStatus(actor.getSnapshot()) === 'removed') this.create(service, c.replica, 'compose');
        }
      },
    };
  }

  /** The current containers of `service`, in replica order. */
  ofService(service: string): readonly ContainerEntry[] {
    this.index();
    return this.byService.get(service) ?? [];
  }

  private index() {
    const containers = this.containers;
    if (containers !== this.indexed) {
      this.indexed = containers;
      this.byName = new Map(containers.map((c) => [c.name, c]));
      this.byId = new Map(containers.map((c) => [c.id, c]));
      this.byService = new Map();
      for (const c of containers) {
        const list = this.byService.get(c.service) ?? [];
        list.push(c);
        this.byService.set(c.service, list);
      }
    }
    return { byName: this.byName, byId: this.byId };
  }

  private ref(entry: ContainerEntry): ContainerActor | undefined {
    return this.actor.getSnapshot().children[entry.id] as ContainerActor | undefined;
  }

  /** Listens to the events of containers spawned since the last call. */
  private watchChildren(): void {
    if (this.containers === this.watched) return; // a command changes no slot: nothing new to watch
    this.watched = this.containers;
    for (const entry of this.containers) {
      if (this.subscribed.has(entry.id)) continue;
      const actor = this.ref(entry);
      if (!actor) continue;
      this.subscribed.add(entry.id);
      actor.on('docker.event', ({ message }) => this.log.record(message));
    }
  }

  private now(): number {
    return actorNow(this.actor);
  }
}

/**
 * A persisted architecture snapshot without its Compose run: XState does not persist the
 * run's delayed events, so a restored run could never go on (and a save holds containers only).
 */
function withoutComposeRun(snapshot: { children?: Record<string, unknown> }): unknown {
  if (snapshot.children) delete snapshot.children[COMPOSE_RUN];
  return snapshot;
}

/** Creates and starts an architecture from a spec (see `Architecture`). */
export function createArchitecture(spec: ArchitectureSpec, options?: ArchitectureOptions): Architecture {
  return new Architecture(spec, options);
}

