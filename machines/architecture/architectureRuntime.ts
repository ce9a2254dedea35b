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
import { outcomeOf } from '../container/commandError';
import { architectureMachine, type ContainerEntry, type RecordedContainer } from './architectureMachine';
import { architectureOutcome } from './architectureOutcome';
import { ComposeRun, type ComposeAction, type ComposeHost, type ComposeProgress } from './composeRun';
import { dependencyOrder } from './dependencyOrder';
import { containerName } from './naming';
import type { SavedArchitecture } from './saveFormat';
import { SAVE_FORMAT, SAVE_VERSION } from './saveFormat';
import type { PendingCommand } from './pendingCommand';
import type { ArchitectureSpec, ServiceSpec } from './spec';

export type ContainerActor = ActorRefFrom<typeof containerMachine>;

/** One line of the event history. */
export interface LogEntry {
  /** Increasing number, unique per architecture. */
  seq: number;
  /** Unix ms on the actor clock. */
  time: number;
  /**
   * `command`: typed by the user; `compose`: a step of a `docker compose` run (the API
   * call Compose makes); `daemon`: Docker acted by itself (restart policy, health check).
   */
  kind: 'command' | 'compose' | 'daemon' | 'replay';
  /** The container concerned, when there is one. */
  container?: string;
  /** Equivalent CLI line, e.g. `docker stop order-service`. */
  cli: string;
  outcome: 'ok' | 'no-op' | 'error';
  /** Docker's error or 304 text (without `Error response from daemon: `). */
  message?: string;
  /** The Docker events produced, in order. */
  events: DockerEventMessage[];
  /**
   * The container's Docker status when the entry was finished (absent without a
   * container, or when it no longer exists), e.g. `restarting` right after a crash the
   * restart policy will restart: a moment later the back-off is over and it runs again.
   */
  statusAfter?: DockerStatus;
  /**
   * For an `error` Docker never saw: who refused the command instead, the live page
   * (`page`: a read-only bridge, a container outside its filter, a simulation-only event)
   * or its bridge (`bridge`: token, rate limit). Shown in their words, never as Docker's.
   */
  refusedBy?: 'page' | 'bridge';
}

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
}

type LogListener = (entries: readonly LogEntry[]) => void;

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

/** The timer half of an XState clock (`SimulatedClock` or the real one). */
interface Timers {
  setTimeout(fn: (...args: unknown[]) => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A running architecture. Create with `createArchitecture`; call `stop()` when done. */
export class Architecture {
  readonly actor: ActorRefFrom<typeof architectureMachine>;
  private readonly listeners = new Set<LogListener>();
  private readonly subscribed = new Set<string>();
  private log: LogEntry[] = [];
  /** `getLog()`'s answer, made once per change. */
  private logView: readonly LogEntry[] | null = null;
  private seq = 0;
  /** Entries being built; events go to the innermost. */
  private stack: LogEntry[] = [];
  /** Entries finished inside an open one, waiting for it. */
  private nested: LogEntry[] = [];
  private pendingDaemon = new Map<string, LogEntry>();
  private readonly logLimit: number;
  private readonly timers: Timers;
  private readonly composeListeners = new Set<ComposeListener>();
  private composeRun: ComposeRun | null = null;
  private composeProgress: ComposeProgress | null = null;
  /** `getPending()`'s answer, made again when the machine's `pending` changes. */
  private pendingSeen = -1;
  private pendingView: ReadonlyMap<string, PendingCommand> = new Map();
  private readonly pendingListeners = new Set<PendingListener>();
  /** The log entries of stops in their grace period, by container ID: finished when the stop completes. */
  private readonly timedEntries = new Map<string, LogEntry>();
  /**
   * Depth of `quietly` scopes: while above 0 the machine's own events and the entries of
   * commands run inside are dropped (a caller shows what was recorded instead).
   */
  private quiet = 0;
  /** `containers` as `watchChildren` last saw it. */
  private watched: readonly ContainerEntry[] | null = null;
  /** Indexes over `containers`, rebuilt only when that array changes (no per-command scans). */
  private indexed: readonly ContainerEntry[] | null = null;
  private byName = new Map<string, ContainerEntry>();
  private byId = new Map<string, ContainerEntry>();
  private byService = new Map<string, ContainerEntry[]>();

  constructor(spec: ArchitectureSpec, options: ArchitectureOptions = {}) {
    this.logLimit = options.logLimit ?? 1000;
    this.timers = (options.clock as Timers | undefined) ?? realTimers;
    this.actor = createActor(architectureMachine, {
      input: { spec: options.restore?.spec ?? spec, createContainers: options.createContainers !== false },
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.restore ? { snapshot: options.restore.snapshot as never } : {}),
    });
    this.actor.on('docker.event', ({ message }) => this.record(message));
    this.actor.on('command.completing', ({ id, name, command }) => {
      const entry = this.timedEntries.get(id) ?? { seq: ++this.seq, time: 0, kind: 'command' as const, cli: cliLine(name, command), outcome: 'ok' as const, events: [] };
      entry.time = this.now();
      this.timedEntries.set(id, entry);
      this.stack.push(entry);
    });
    this.actor.on('command.completed', ({ id }) => {
      const entry = this.timedEntries.get(id);
      this.timedEntries.delete(id);
      if (entry) this.finish(entry);
    });
    this.actor.on('command.dropped', ({ id }) => {
      const entry = this.timedEntries.get(id);
      this.timedEntries.delete(id);
      if (!entry) return;
      entry.time = this.now();
      entry.message = 'the process ended before the grace period did: nothing left to stop';
      this.stack.push(entry);
      this.finish(entry);
    });
    this.actor.subscribe(() => {
      this.watchChildren();
      if (this.actor.getSnapshot().context.pendingVersion !== this.pendingSeen && this.pendingListeners.size > 0) {
        const pending = this.getPending();
        for (const listener of this.pendingListeners) listener(pending);
      }
    });
    if (options.restore) {
      const restored = this.begin('# restored saved state');
      this.actor.start();
      this.watchChildren();
      // XState does not persist delayed events: re-arm back-offs and health monitors.
      for (const entry of this.containers) {
        const actor = this.ref(entry);
        if (actor?.getSnapshot().can({ type: 'daemon.restore' })) actor.send({ type: 'daemon.restore' });
      }
      this.finish(restored);
      return;
    }
    if (options.createContainers === false) {
      this.actor.start();
      return;
    }
    const up = this.begin(options.up === false ? 'docker compose create' : 'docker compose up -d');
    this.actor.start();
    this.watchChildren();
    if (options.up !== false) {
      for (const level of dependencyOrder(spec)) {
        for (const service of level) {
          for (const entry of this.ofService(service)) this.ref(entry)?.send({ type: 'start' });
        }
      }
    }
    this.finish(up);
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
      const entry = this.begin(`# ${name}: ${JSON.stringify(event) ?? String(event)}`, name, kind);
      return this.finish(entry, { kind: 'error', message: `unknown command: ${JSON.stringify(event) ?? String(event)}` });
    }
    const target = this.index().byName.get(name);
    const actor = target ? this.ref(target) : undefined;
    const entry = this.begin(cliLine(name, event), name, kind);
    const pending = target ? this.actor.getSnapshot().context.pending[target.id] : undefined;
    const outcome = architectureOutcome(actor?.getSnapshot(), pending, name, event);
    if (outcome.kind !== 'ok' || !target) return this.finish(entry, outcome.kind === 'ok' ? undefined : { kind: outcome.kind, message: outcome.message });
    this.actor.send({ type: 'command', id: target.id, command: event });
    const started = this.actor.getSnapshot().context.pending[target.id];
    if (started && !pending) {
      // The stop is in its grace period: the entry is finished when the machine delivers it.
      this.stack = this.stack.filter((e) => e !== entry);
      this.timedEntries.set(target.id, entry);
      return entry;
    }
    return this.finish(entry);
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
    const entry = this.begin(cli, options.container, options.kind ?? 'command');
    const recorded = options.recorded;
    let result: LoggedResult | void = undefined;
    try {
      result = recorded ? this.quietly(fn) : fn();
    } finally {
      if (recorded) entry.events = [...recorded];
      if (result?.container !== undefined) entry.container = result.container;
      if (result?.message !== undefined && !result.outcome) entry.message = result.message;
      if (result?.outcome === 'error' && result.refusedBy) entry.refusedBy = result.refusedBy;
      this.finish(entry, result?.outcome && result.message !== undefined ? { kind: result.outcome, message: result.message } : undefined);
    }
    return entry;
  }

  /**
   * Runs `fn` with nothing logged: the machine's events, and the entries of any command
   * `fn` runs, are dropped. For internal consequences of a recorded event (the machine's
   * `network disconnect` after a recorded `die`), which a recorded log does not contain.
   */
  quietly<T>(fn: () => T): T {
    this.quiet++;
    try {
      return fn();
    } finally {
      this.quiet--;
    }
  }

  /** Adds a service to the spec (no container yet; `create` makes one). */
  addService(service: ServiceSpec): void {
    this.actor.send({ type: 'addService', service });
  }

  /** Stops in their grace period, by container name (the same map until one begins or ends). */
  getPending(): ReadonlyMap<string, PendingCommand> {
    const { pending, pendingVersion } = this.actor.getSnapshot().context;
    if (pendingVersion !== this.pendingSeen) {
      this.pendingSeen = pendingVersion;
      this.pendingView = new Map(Object.values(pending).map((p) => [p.container, p]));
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
    const entry = this.begin(`docker rename ${from} ${to}`, from, kind);
    const actor = this.containerActor(from);
    if (!actor) return this.finish(entry, { kind: 'error', message: `No such container: ${from}` });
    const outcome = outcomeOf(actor.getSnapshot(), { type: 'rename', name: to });
    if (outcome.kind !== 'ok') return this.finish(entry, { kind: outcome.kind, message: outcome.message });
    const taken = this.containerActor(to.replace(/^\//, ''));
    if (taken && dockerStatus(taken.getSnapshot()) !== 'removed') {
      const id = taken.getSnapshot().context.id;
      return this.finish(entry, {
        kind: 'error',
        message: `Error when allocating new name: Conflict. The container name "/${to.replace(/^\//, '')}" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`,
      });
    }
    this.actor.send({ type: 'rename', from, to });
    return this.finish(entry);
  }

  /** `docker run -d`: `create`, then `start`. */
  run(service: string, replica = 1): LogEntry {
    return this.createOrRun(service, replica, true);
  }

  /**
   * Runs `docker compose <action>` over simulated time (see `ComposeRun`): returns its
   * log entry at once; progress goes to `onCompose` listeners. A run in progress is
   * cancelled first, as a new Compose command would find the project as it is.
   */
  compose(action: ComposeAction): LogEntry {
    this.composeRun?.cancel();
    const cli = `docker compose ${action}${action === 'up' ? ' -d' : ''}`;
    const header = this.finish(this.begin(cli));
    const run = new ComposeRun(this.composeHost(), action, (progress) => {
      this.composeProgress = progress;
      if (progress.status !== 'running') {
        this.composeRun = null;
        const done = this.begin(`# ${cli}: ${progress.status === 'done' ? 'done' : 'failed'}`);
        if (progress.warnings.length > 0) done.message = progress.warnings.map((w) => `WARN ${w}`).join('\n');
        this.finish(done, progress.error ? { kind: 'error', message: progress.error } : undefined);
      }
      for (const listener of this.composeListeners) listener(progress);
    });
    this.composeRun = run;
    run.begin();
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
    const entry = this.begin(`docker compose up -d --scale ${serviceName}=${replicas}`);
    const service = this.spec.services.find((s) => s.name === serviceName);
    if (!service) return this.finish(entry, { kind: 'error', message: `no such service: ${serviceName}` });
    if (!Number.isInteger(replicas) || replicas < 0 || replicas > 100) {
      return this.finish(entry, { kind: 'error', message: `invalid scale: ${replicas} (0 to 100)` });
    }
    if (service.containerName !== undefined && replicas !== 1) {
      return this.finish(entry, {
        kind: 'error',
        message: `service "${serviceName}" has a container_name and cannot be scaled (WARNING: The "${serviceName}" service is using the custom container name "${service.containerName}". Docker requires each container to have a unique name.)`,
      });
    }
    for (const c of this.ofService(serviceName).filter((c) => c.replica > replicas)) {
      const actor = this.ref(c);
      if (actor && dockerStatus(actor.getSnapshot()) !== 'removed') {
        const live = ['running', 'paused', 'restarting'].includes(dockerStatus(actor.getSnapshot()));
        if (live) actor.send({ type: 'stop' });
        actor.send({ type: 'remove', force: true });
      }
    }
    this.actor.send({ type: 'scale', service: serviceName, replicas });
    this.watchChildren();
    // `up --scale` converges every slot up to N: removed ones are created again.
    for (const c of this.ofService(serviceName)) {
      const actor = this.ref(c);
      if (actor && dockerStatus(actor.getSnapshot()) === 'removed') this.actor.send({ type: 'create', service: serviceName, replica: c.replica });
    }
    this.watchChildren();
    for (const c of this.ofService(serviceName)) {
      const actor = this.ref(c);
      // Compose starts every container of the service that is not running (created or exited).
      const status = actor ? dockerStatus(actor.getSnapshot()) : undefined;
      if (actor && (status === 'created' || status === 'exited')) actor.send({ type: 'start' });
    }
    return this.finish(entry);
  }

  /** The whole architecture as a JSON-serialisable save (see `parseSavedArchitecture`). */
  save(): SavedArchitecture {
    return {
      format: SAVE_FORMAT,
      version: SAVE_VERSION,
      savedAt: this.now(),
      spec: this.spec,
      snapshot: JSON.parse(JSON.stringify(this.actor.getPersistedSnapshot())),
    };
  }

  /** Log entries so far (oldest first, at most `logLimit`); the same array until the log changes. */
  getLog(): readonly LogEntry[] {
    this.logView ??= this.log.slice(-this.logLimit);
    return this.logView;
  }

  /** Calls `listener` with the whole log after each change; returns an unsubscribe function. */
  onLog(listener: LogListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops every actor (timers included) and any compose run. */
  stop(): void {
    this.composeRun?.cancel();
    this.actor.stop();
    this.listeners.clear();
  }

  private createOrRun(serviceName: string, replica: number, start: boolean, kind: LogEntry['kind'] = 'command', recorded: RecordedContainer = {}): LogEntry {
    const service = this.spec.services.find((s) => s.name === serviceName);
    const name = service ? containerName(this.spec, service, replica) : serviceName;
    const image = service?.image ?? '';
    const entry = this.begin(`docker ${start ? 'run -d' : 'create'} --name ${name} ${image}`.trim(), name, kind);
    if (!service) return this.finish(entry, { kind: 'error', message: `no such service: ${serviceName}` });
    const existing = this.containerActor(name);
    if (existing && dockerStatus(existing.getSnapshot()) !== 'removed') {
      const id = existing.getSnapshot().context.id;
      return this.finish(entry, {
        kind: 'error',
        message: `Conflict. The container name "/${name}" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`,
      });
    }
    this.actor.send({ type: 'create', service: serviceName, replica, ...recorded });
    this.watchChildren();
    if (start) this.containerActor(name)?.send({ type: 'start' });
    return this.finish(entry);
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
      setTimeout: (fn, ms) => this.timers.setTimeout(fn, ms),
      clearTimeout: (handle) => this.timers.clearTimeout(handle),
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
      actor.on('docker.event', ({ message }) => this.record(message));
    }
  }

  private now(): number {
    return actorNow(this.actor);
  }

  /** Opens a log entry; commands nest (a compose step inside a compose command), so the outer one is kept. */
  private begin(cli: string, container?: string, kind: LogEntry['kind'] = 'command'): LogEntry {
    const entry: LogEntry = { seq: ++this.seq, time: this.now(), kind, cli, outcome: 'ok', events: [] };
    if (container !== undefined) entry.container = container;
    this.stack.push(entry);
    return entry;
  }

  private finish(entry: LogEntry, result?: { kind: 'no-op' | 'error'; message: string }): LogEntry {
    if (result) {
      entry.outcome = result.kind;
      entry.message = result.message;
    }
    this.noteStatus(entry);
    this.stack = this.stack.filter((e) => e !== entry);
    // A command run quietly (for a recorded event) is not logged: the record says what happened.
    if (this.quiet > 0) return entry;
    if (this.stack.length > 0) {
      // A command inside another (a replay creating a container): listed after its parent.
      this.nested.push(entry);
    } else {
      this.append(entry, ...this.nested);
      this.nested = [];
    }
    return entry;
  }

  /** Sets `statusAfter`: the status of the entry's container now, as the entry is done. */
  private noteStatus(entry: LogEntry): void {
    const actor = entry.container === undefined ? undefined : this.containerActor(entry.container);
    if (actor) entry.statusAfter = dockerStatus(actor.getSnapshot());
  }

  private record(message: DockerEventMessage): void {
    if (this.quiet > 0) return;
    const current = this.stack[this.stack.length - 1];
    if (current) {
      current.events.push(message);
      return;
    }
    // Docker acting by itself (restart policy): group a container's events of one moment.
    const name = this.containerNameOf(message);
    let entry = this.pendingDaemon.get(name);
    if (!entry) {
      entry = { seq: ++this.seq, time: this.now(), kind: 'daemon', container: name, cli: `# dockerd: ${name}`, outcome: 'ok', events: [] };
      this.pendingDaemon.set(name, entry);
      queueMicrotask(() => {
        const pending = this.pendingDaemon.get(name);
        if (!pending) return;
        this.pendingDaemon.delete(name);
        pending.cli = daemonLine(name, pending.events);
        this.noteStatus(pending);
        this.append(pending);
      });
    }
    entry.events.push(message);
  }

  /** The container an event is about (network events name it by ID). */
  private containerNameOf(message: DockerEventMessage): string {
    if (message.Type === 'container') return message.Actor.Attributes.name ?? message.Actor.ID;
    const id = message.Actor.Attributes.container;
    return (id !== undefined ? this.index().byId.get(id)?.name : undefined) ?? id ?? message.Actor.ID;
  }

  /** Appends in place (trimming in batches) and hands listeners one read-only copy. */
  private append(...entries: LogEntry[]): void {
    this.log.push(...entries);
    if (this.log.length > this.logLimit * 2) this.log.splice(0, this.log.length - this.logLimit);
    this.logView = null;
    if (this.listeners.size === 0) return;
    const view = this.getLog();
    for (const listener of this.listeners) listener(view);
  }
}

/** A readable line for what the daemon did by itself. */
function daemonLine(name: string, events: DockerEventMessage[]): string {
  if (events.some((e) => e.Type === 'container' && e.Action === 'start')) return `# dockerd: restart policy started ${name}`;
  const probe = events.find((e) => e.Action.startsWith('exec_create: '));
  if (probe) return `# dockerd: health check on ${name}: ${probe.Action.slice('exec_create: '.length)}`;
  return `# dockerd: ${name}`;
}

/** Creates and starts an architecture from a spec (see `Architecture`). */
export function createArchitecture(spec: ArchitectureSpec, options?: ArchitectureOptions): Architecture {
  return new Architecture(spec, options);
}

