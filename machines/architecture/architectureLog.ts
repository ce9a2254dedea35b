/**
 * The architecture's log: every command becomes one entry (the CLI line plus the Docker
 * events it produced, or Docker's error); events that happen with no command open
 * (a restart policy's start after its back-off, a health probe) are grouped per
 * container and microtask into `daemon` entries. Entries nest: a command inside another
 * (a Compose step, a replay creating a container) is listed after its parent. Pure: no DOM.
 */
import type { DockerEventMessage, DockerStatus } from '../container/types';

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
  /**
   * For an `error` printed by Compose itself (a run's end): the message is Compose's whole
   * line, e.g. `dependency failed to start: …`, or a daemon error it relays with its own
   * `Error response from daemon: ` prefix; shown as is.
   */
  printedBy?: 'compose';
}

/** What the log asks the architecture. */
export interface LogHost {
  /** Unix ms on the actor clock. */
  now(): number;
  /** Docker status of the container named `name`, or undefined when there is none. */
  statusOf(name: string): DockerStatus | undefined;
  /** The name of the container with ID `id`, if it is one of the architecture's. */
  nameOfId(id: string): string | undefined;
}

export class ArchitectureLog {
  private readonly listeners = new Set<(entries: readonly LogEntry[]) => void>();
  private log: LogEntry[] = [];
  /** `getLog()`'s answer, made once per change. */
  private view: readonly LogEntry[] | null = null;
  private seq = 0;
  /** Entries being built; events go to the innermost. */
  private stack: LogEntry[] = [];
  /** Entries finished inside an open one, waiting for it. */
  private nested: LogEntry[] = [];
  private pendingDaemon = new Map<string, LogEntry>();
  /**
   * Depth of `quietly` scopes: while above 0 the machine's own events and the entries of
   * commands run inside are dropped (a caller shows what was recorded instead).
   */
  private quiet = 0;

  /** Keeps at most `limit` entries (older ones are dropped). */
  constructor(
    private readonly limit: number,
    private readonly host: LogHost,
  ) {}

  /** Opens an entry; events recorded from now go to it (commands nest, so the outer one is kept). */
  begin(cli: string, container?: string, kind: LogEntry['kind'] = 'command'): LogEntry {
    const entry: LogEntry = { seq: ++this.seq, time: this.host.now(), kind, cli, outcome: 'ok', events: [] };
    if (container !== undefined) entry.container = container;
    this.stack.push(entry);
    return entry;
  }

  /** Sets the entry aside, still open (a stop in its grace period); `resume` reopens it. */
  suspend(entry: LogEntry): void {
    this.stack = this.stack.filter((e) => e !== entry);
  }

  /** Reopens a suspended entry: events recorded from now go to it. */
  resume(entry: LogEntry): void {
    this.stack.push(entry);
  }

  /** Closes the entry (with Docker's answer when it is not `ok`) and appends it, or keeps it for its parent. */
  finish(entry: LogEntry, result?: { kind: 'no-op' | 'error'; message: string }): LogEntry {
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

  /** A Docker event: into the open entry, or a `daemon` entry when none is open. */
  record(message: DockerEventMessage): void {
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
      entry = { seq: ++this.seq, time: this.host.now(), kind: 'daemon', container: name, cli: `# dockerd: ${name}`, outcome: 'ok', events: [] };
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

  /** Runs `fn` with nothing logged: events are dropped, and so are the entries of commands run inside. */
  quietly<T>(fn: () => T): T {
    this.quiet++;
    try {
      return fn();
    } finally {
      this.quiet--;
    }
  }

  /** Entries so far (oldest first, at most `limit`); the same array until the log changes. */
  getLog(): readonly LogEntry[] {
    this.view ??= this.log.slice(-this.limit);
    return this.view;
  }

  /** Calls `listener` with the whole log after each change; returns an unsubscribe function. */
  onLog(listener: (entries: readonly LogEntry[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clearListeners(): void {
    this.listeners.clear();
  }

  /** Sets `statusAfter`: the status of the entry's container now, as the entry is done. */
  private noteStatus(entry: LogEntry): void {
    const status = entry.container === undefined ? undefined : this.host.statusOf(entry.container);
    if (status !== undefined) entry.statusAfter = status;
  }

  /** The container an event is about (network events name it by ID). */
  private containerNameOf(message: DockerEventMessage): string {
    if (message.Type === 'container') return message.Actor.Attributes.name ?? message.Actor.ID;
    const id = message.Actor.Attributes.container;
    return (id !== undefined ? this.host.nameOfId(id) : undefined) ?? id ?? message.Actor.ID;
  }

  /** Appends in place (trimming in batches) and hands listeners one read-only copy. */
  private append(...entries: LogEntry[]): void {
    this.log.push(...entries);
    if (this.log.length > this.limit * 2) this.log.splice(0, this.log.length - this.limit);
    this.view = null;
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
