/**
 * The architecture of the live page. Real events move its containers (through the
 * replay's event application, `liveMirror.ts`); the page's own buttons never move them:
 * a Docker command goes to the engine through the bridge, and the engine's events come
 * back to move the node. What the simulation does by itself (Compose runs, scaling,
 * create/run) the base class refuses by its mode (`live`); process events, `docker update`
 * and `docker rename` are refused here with `modeRefusal`'s reason, in the log.
 */
import {
  Architecture,
  cliLine,
  DEFAULT_STOP_TIMEOUT_SECONDS,
  modeRefusal,
  NOT_LIVE,
  type ArchitectureOptions,
  type ArchitectureSpec,
  type ContainerEvent,
  type LogEntry,
} from '../../machines';
import type { CommandRuns } from './commandRuns';
import type { LiveCommandReply, LiveCommandRequest } from './protocol';

/** A command in flight to the engine (for the grace-period countdown). */
export interface LiveCommandInFlight {
  name: string;
  cli: string;
  /** Unix ms it was sent. */
  sentAt: number;
  /** `stop`/`restart`: when Docker sends SIGKILL if the process is still there (Unix ms). */
  killAt?: number;
}

/** How the page reaches the bridge (`liveConnection.ts`), and what it allows. */
export interface LiveCommandSink {
  /** Sends one command; resolves with the bridge's answer (never rejects). */
  send(request: LiveCommandRequest): Promise<LiveCommandReply>;
  /** Null when `name` may be commanded, else why not (read-only, outside the filter). */
  refusal(name: string): string | null;
  /** The container's own stop timeout, seconds (`Config.StopTimeout`), when set. */
  stopTimeout(name: string): number | undefined;
  /** Commands in flight changed. */
  onFlight(flights: readonly LiveCommandInFlight[]): void;
}

/** Docker command → bridge request (null for the process events only the simulation has). */
function toRequest(id: string, event: ContainerEvent): LiveCommandRequest | null {
  switch (event.type) {
    case 'start':
    case 'pause':
    case 'unpause':
      return { container: id, command: event.type };
    case 'stop':
    case 'restart':
      return { container: id, command: event.type, ...(event.timeoutSeconds !== undefined ? { timeoutSeconds: event.timeoutSeconds } : {}) };
    case 'kill':
      return { container: id, command: 'kill', ...(event.signal !== undefined ? { signal: event.signal } : {}) };
    case 'remove':
      return { container: id, command: 'remove', ...(event.force ? { force: true } : {}) };
    default:
      return null;
  }
}

export class LiveArchitecture extends Architecture {
  private sink: LiveCommandSink | null = null;
  private flights: LiveCommandInFlight[] = [];

  /** `runs`: where a command's real events become its one log entry (the mirror's). */
  constructor(
    spec: ArchitectureSpec,
    options: ArchitectureOptions,
    private readonly runs: Pick<CommandRuns, 'sent' | 'answered'>,
  ) {
    super(spec, options);
  }

  /** Connects the page's commands to the bridge. */
  connect(sink: LiveCommandSink): void {
    this.sink = sink;
  }

  /** A Docker command from the page: sent to the engine, logged when the engine answers. */
  override send(name: string, event: ContainerEvent, kind: LogEntry['kind'] = 'command'): LogEntry {
    const cli = typeof (event as { type?: unknown } | null)?.type === 'string' ? cliLine(name, event) : `# ${name}`;
    const actor = this.containerActor(name);
    const request = actor ? toRequest(actor.getSnapshot().context.id, event) : null;
    const refusal =
      kind !== 'command' ? NOT_LIVE
      : !actor ? `No such container: ${name}`
      : !request ? modeRefusal('live', event) ?? NOT_LIVE
      : !this.sink ? 'not connected to the bridge'
      : this.sink.refusal(name);
    if (refusal !== null || !request || !this.sink || !actor) return this.refuse(cli, name, refusal ?? NOT_LIVE);
    const sink = this.sink;
    const id = actor.getSnapshot().context.id;
    const sentAt = Date.now();
    const grace = event.type === 'stop' || event.type === 'restart' ? (event.timeoutSeconds ?? sink.stopTimeout(name) ?? DEFAULT_STOP_TIMEOUT_SECONDS) : undefined;
    const flight: LiveCommandInFlight = { name, cli, sentAt, ...(grace !== undefined && grace >= 0 ? { killAt: sentAt + grace * 1000 } : {}) };
    this.setFlights([...this.flights, flight]);
    // The command's real events and Docker's answer make its one entry (`CommandRuns`).
    const run = this.runs.sent(id, name, cli, request.command);
    void sink.send(request).then((reply) => {
      this.setFlights(this.flights.filter((f) => f !== flight));
      this.runs.answered(run, reply);
    });
    // The entry is written when the command is complete; this one is only what the caller sees now.
    return { seq: 0, time: sentAt, kind: 'command', container: name, cli, outcome: 'ok', message: 'sent to the Docker engine', events: [] };
  }

  /** Commands in flight. */
  getFlights(): readonly LiveCommandInFlight[] {
    return this.flights;
  }

  private setFlights(flights: LiveCommandInFlight[]): void {
    this.flights = flights;
    this.sink?.onFlight(flights);
  }

  /** A command the page does not send: logged as the page's refusal, never as Docker's error. */
  private refuse(cli: string, container: string | undefined, message: string): LogEntry {
    return this.logged(cli, () => ({ outcome: 'error', message, refusedBy: 'page' }), { ...(container !== undefined ? { container } : {}), kind: 'command' });
  }
}
