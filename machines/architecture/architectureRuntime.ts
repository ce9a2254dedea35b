/**
 * The architecture as callers use it: one object that runs the architecture actor,
 * sends Docker commands to containers by name, and turns every command into a log entry
 * (the CLI line plus the Docker events it produced, or Docker's error). Pure: no DOM.
 *
 * A command is synchronous (CONTRACTS.md §1): `send()` returns the finished entry.
 * Events that happen later without a command (a restart policy's start after its
 * back-off) are grouped per microtask into `daemon` entries.
 */
import { createActor, type ActorOptions, type ActorRefFrom } from 'xstate';
import { cliLine } from '../container/cli';
import { actorNow } from '../container/clock';
import { outcomeOf } from '../container/commands';
import { containerMachine } from '../container/containerMachine';
import { dockerStatus } from '../container/inspectState';
import type { ContainerEvent, DockerEventMessage, DockerStatus } from '../container/types';
import { architectureMachine, type ContainerEntry } from './architectureMachine';
import { dependencyLevels } from './dependencyOrder';
import { containerName } from './naming';
import type { ArchitectureSpec } from './spec';

export type ContainerActor = ActorRefFrom<typeof containerMachine>;

/** One line of the event history. */
export interface LogEntry {
  /** Increasing number, unique per architecture. */
  seq: number;
  /** Unix ms on the actor clock. */
  time: number;
  /** `command`: typed by the user; `daemon`: Docker acted by itself (restart policy). */
  kind: 'command' | 'daemon';
  /** The container concerned, when there is one. */
  container?: string;
  /** Equivalent CLI line, e.g. `docker stop order-service`. */
  cli: string;
  outcome: 'ok' | 'no-op' | 'error';
  /** Docker's error or 304 text (without `Error response from daemon: `). */
  message?: string;
  /** The Docker events produced, in order. */
  events: DockerEventMessage[];
}

export interface ArchitectureOptions {
  /** XState clock for every actor (e.g. `new SimulatedClock()` in tests). */
  clock?: ActorOptions<typeof architectureMachine>['clock'];
  /** Start every container after creating it, in dependency order, as `docker compose up -d`. Default true. */
  up?: boolean;
  /** Most log entries kept (older ones are dropped). Default 1000. */
  logLimit?: number;
}

type LogListener = (entries: readonly LogEntry[]) => void;

/** A running architecture. Create with `createArchitecture`; call `stop()` when done. */
export class Architecture {
  readonly actor: ActorRefFrom<typeof architectureMachine>;
  private readonly listeners = new Set<LogListener>();
  private readonly subscribed = new Set<string>();
  private log: LogEntry[] = [];
  private seq = 0;
  private current: LogEntry | null = null;
  private pendingDaemon = new Map<string, LogEntry>();
  private readonly logLimit: number;

  constructor(readonly spec: ArchitectureSpec, options: ArchitectureOptions = {}) {
    this.logLimit = options.logLimit ?? 1000;
    this.actor = createActor(architectureMachine, { input: { spec }, ...(options.clock ? { clock: options.clock } : {}) });
    this.actor.on('docker.event', ({ message }) => this.record(message));
    this.actor.subscribe(() => this.watchChildren());
    const up = this.begin(options.up === false ? 'docker compose create' : 'docker compose up -d');
    this.actor.start();
    this.watchChildren();
    if (options.up !== false) {
      for (const level of dependencyLevels(spec)) {
        for (const service of level) {
          for (const entry of this.containers.filter((c) => c.service === service)) this.ref(entry)?.send({ type: 'start' });
        }
      }
    }
    this.finish(up);
  }

  /** Current container of every slot, in spec order. */
  get containers(): readonly ContainerEntry[] {
    return this.actor.getSnapshot().context.containers;
  }

  /** The container actor named `name` (the current one in its slot). */
  containerActor(name: string): ContainerActor | undefined {
    const entry = this.containers.find((c) => c.name === name);
    return entry ? this.ref(entry) : undefined;
  }

  /** Docker status of the container named `name`, or undefined when there is none. */
  status(name: string): DockerStatus | undefined {
    const actor = this.containerActor(name);
    return actor ? dockerStatus(actor.getSnapshot()) : undefined;
  }

  /** Sends a Docker command (or process event) to a container; returns its log entry. */
  send(name: string, event: ContainerEvent): LogEntry {
    const actor = this.containerActor(name);
    const entry = this.begin(cliLine(name, event), name);
    if (!actor) return this.finish(entry, { kind: 'error', message: `No such container: ${name}` });
    const outcome = outcomeOf(actor.getSnapshot(), event);
    if (outcome.kind === 'ok') actor.send(event);
    return this.finish(entry, outcome.kind === 'ok' ? undefined : { kind: outcome.kind, message: outcome.message });
  }

  /**
   * `docker create` for a service slot whose container was removed: a new container
   * (new ID) from the same image, in `created`. Refused, with Docker's conflict
   * message, while the slot's container still exists.
   */
  create(service: string, replica = 1): LogEntry {
    return this.createOrRun(service, replica, false);
  }

  /** `docker run -d`: `create`, then `start`. */
  run(service: string, replica = 1): LogEntry {
    return this.createOrRun(service, replica, true);
  }

  /** Log entries so far (oldest first, at most `logLimit`). */
  getLog(): readonly LogEntry[] {
    return this.log;
  }

  /** Calls `listener` with the whole log after each change; returns an unsubscribe function. */
  onLog(listener: LogListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops every actor (timers included). */
  stop(): void {
    this.actor.stop();
    this.listeners.clear();
  }

  private createOrRun(serviceName: string, replica: number, start: boolean): LogEntry {
    const service = this.spec.services.find((s) => s.name === serviceName);
    const name = service ? containerName(this.spec, service, replica) : serviceName;
    const image = service?.image ?? '';
    const entry = this.begin(`docker ${start ? 'run -d' : 'create'} --name ${name} ${image}`.trim(), name);
    if (!service) return this.finish(entry, { kind: 'error', message: `no such service: ${serviceName}` });
    const existing = this.containerActor(name);
    if (existing && dockerStatus(existing.getSnapshot()) !== 'removed') {
      const id = existing.getSnapshot().context.id;
      return this.finish(entry, {
        kind: 'error',
        message: `Conflict. The container name "/${name}" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`,
      });
    }
    this.actor.send({ type: 'create', service: serviceName, replica });
    this.watchChildren();
    if (start) this.containerActor(name)?.send({ type: 'start' });
    return this.finish(entry);
  }

  private ref(entry: ContainerEntry): ContainerActor | undefined {
    return this.actor.getSnapshot().children[entry.id] as ContainerActor | undefined;
  }

  /** Listens to the events of containers spawned since the last call. */
  private watchChildren(): void {
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

  private begin(cli: string, container?: string): LogEntry {
    const entry: LogEntry = { seq: ++this.seq, time: this.now(), kind: 'command', cli, outcome: 'ok', events: [] };
    if (container !== undefined) entry.container = container;
    this.current = entry;
    return entry;
  }

  private finish(entry: LogEntry, result?: { kind: 'no-op' | 'error'; message: string }): LogEntry {
    if (result) {
      entry.outcome = result.kind;
      entry.message = result.message;
    }
    this.current = null;
    this.append(entry);
    return entry;
  }

  private record(message: DockerEventMessage): void {
    if (this.current) {
      this.current.events.push(message);
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
        this.append(pending);
      });
    }
    entry.events.push(message);
  }

  /** The container an event is about (network events name it by ID). */
  private containerNameOf(message: DockerEventMessage): string {
    if (message.Type === 'container') return message.Actor.Attributes.name ?? message.Actor.ID;
    const id = message.Actor.Attributes.container;
    return this.containers.find((c) => c.id === id)?.name ?? id ?? message.Actor.ID;
  }

  private append(entry: LogEntry): void {
    this.log = [...this.log, entry];
    if (this.log.length > this.logLimit) this.log = this.log.slice(this.log.length - this.logLimit);
    for (const listener of this.listeners) listener(this.log);
  }
}

/** A readable line for what the daemon did by itself. */
function daemonLine(name: string, events: DockerEventMessage[]): string {
  if (events.some((e) => e.Type === 'container' && e.Action === 'start')) return `# dockerd: restart policy started ${name}`;
  return `# dockerd: ${name}`;
}

/** Creates and starts an architecture from a spec (see `Architecture`). */
export function createArchitecture(spec: ArchitectureSpec, options?: ArchitectureOptions): Architecture {
  return new Architecture(spec, options);
}

