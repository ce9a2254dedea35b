/**
 * The engine side of the bridge: one `GET /events` stream from dockerd, fanned out to
 * every page, and a fresh `docker ps -a` + `docker inspect` for each page that
 * (re)connects. When the engine goes away (dockerd restarted, socket removed) every page
 * is told why, and the bridge retries until it answers, then sends everyone a new state.
 *
 * Events that arrive while a page's state is being read are held; those the inspect
 * already shows (older than that container's inspect) are dropped, the rest follow
 * the state in order, so no change is lost or applied twice.
 */
import type Docker from 'dockerode';
import type { LiveContainer, LiveMessage, LiveSettings } from '../src/live/protocol';
import { describeEngineError } from './engineErrors';

/** One page's event stream. */
export interface LiveClient {
  send(message: LiveMessage): void;
}

interface ClientState {
  client: LiveClient;
  /** Events held while this page's state is read (null once it is live). */
  held: Array<Record<string, unknown>> | null;
}

/** Docker's "never" (`0001-01-01T00:00:00Z`) → null; otherwise Unix ms. */
function dockerTime(text: string | undefined): number | null {
  if (!text || text.startsWith('0001-')) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

function restartPolicyText(policy: { Name?: string; MaximumRetryCount?: number } | undefined): string {
  const name = policy?.Name || 'no';
  return name === 'on-failure' && policy?.MaximumRetryCount ? `on-failure:${policy.MaximumRetryCount}` : name;
}

/** The network a container joins, as `docker inspect` says (`default` is Docker's `bridge`). */
function networkOf(info: Docker.ContainerInspectInfo): { network?: string } {
  const attached = Object.keys(info.NetworkSettings?.Networks ?? {})[0];
  const mode = info.HostConfig?.NetworkMode;
  const network = attached ?? (mode === 'default' ? 'bridge' : mode);
  return network ? { network } : {};
}

/** Unix ns now (the engine runs on this machine: same clock as its events' `timeNano`). */
function nowNano(): number {
  return Date.now() * 1e6;
}

export interface EngineMirrorOptions {
  settings: LiveSettings;
  /** Whether the container with these labels may be commanded (`--allow-commands` and the filter). */
  commandable: (labels: Record<string, string>) => boolean;
  /** Where the engine is, for messages (`/var/run/docker.sock`, `tcp://…`). */
  where: string;
  /** First and longest wait between reconnection attempts, ms. Default 250 and 2000. */
  retryMs?: [number, number];
  /** Called with each engine state change, for the terminal. */
  onStatus?: (line: string) => void;
}

export class EngineMirror {
  private readonly clients = new Set<ClientState>();
  private stream: NodeJS.ReadableStream | null = null;
  private up = false;
  private stopped = false;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private retryDelay: number;
  private version = { version: '', apiVersion: '' };
  private downMessage = 'connecting to the Docker engine…';
  /** Containers being inspected again; true when another event came meanwhile. */
  private readonly refreshing = new Map<string, boolean>();

  constructor(
    private readonly docker: Docker,
    private readonly options: EngineMirrorOptions,
  ) {
    this.retryDelay = options.retryMs?.[0] ?? 250;
  }

  /** Connects (and keeps reconnecting) until `stop()`. */
  start(): void {
    void this.connect();
  }

  /** Closes the engine stream and stops retrying. */
  stop(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.dropStream();
  }

  /** Whether the engine answers now. */
  get connected(): boolean {
    return this.up;
  }

  /** Adds a page: it gets the state now (or the reason the engine is away), then every event. */
  add(client: LiveClient): () => void {
    const state: ClientState = { client, held: [] };
    this.clients.add(state);
    if (this.up) void this.sendState([state]);
    else client.send({ type: 'engine', state: 'down', message: this.downMessage });
    return () => this.clients.delete(state);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    try {
      const version = await this.docker.version();
      this.version = { version: version.Version, apiVersion: version.ApiVersion };
      const stream = (await this.docker.getEvents({ filters: { type: ['container'] } })) as NodeJS.ReadableStream;
      if (this.stopped) {
        (stream as unknown as { destroy?: () => void }).destroy?.();
        return;
      }
      this.follow(stream);
      for (const state of this.clients) state.held = [];
      this.up = true;
      this.retryDelay = this.options.retryMs?.[0] ?? 250;
      this.options.onStatus?.(`connected to Docker ${this.version.version} (API ${this.version.apiVersion}) at ${this.options.where}`);
      await this.sendState([...this.clients]);
    } catch (error) {
      this.lost(error);
    }
  }

  /** Reads the JSON lines of the events stream. */
  private follow(stream: NodeJS.ReadableStream): void {
    this.stream = stream;
    let rest = '';
    stream.setEncoding?.('utf8');
    stream.on('data', (chunk: string | Buffer) => {
      rest += String(chunk);
      let newline;
      while ((newline = rest.indexOf('\n')) >= 0) {
        const line = rest.slice(0, newline).trim();
        rest = rest.slice(newline + 1);
        if (line) this.event(line);
      }
    });
    const end = (error?: unknown) => {
      if (this.stream !== stream) return;
      this.lost(error ?? new Error('the engine closed the events stream'));
    };
    stream.on('end', () => end());
    stream.on('close', () => end());
    stream.on('error', (error: unknown) => end(error));
  }

  private event(line: string): void {
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return; // dockerd writes whole JSON objects; a torn line means the stream is ending.
    }
    if (event.Type !== 'container') return;
    for (const state of this.clients) {
      if (state.held) state.held.push(event);
      else state.client.send({ type: 'event', event });
    }
    // Health probes (exec_*) change nothing inspect shows until their health_status event.
    const id = (event.Actor as { ID?: string } | undefined)?.ID;
    const action = String(event.Action ?? '');
    if (id && action !== 'destroy' && !action.startsWith('exec_')) this.refresh(id);
  }

  /** Reads `docker ps -a` + `docker inspect` once and sends it to `states`, then their held events. */
  private async sendState(states: ClientState[]): Promise<void> {
    for (const state of states) state.held ??= [];
    let containers: LiveContainer[];
    let inspectedAt: Map<string, number>;
    try {
      ({ containers, inspectedAt } = await this.read());
    } catch (error) {
      this.lost(error);
      return;
    }
    const readAtNano = nowNano();
    for (const state of states) {
      if (!this.clients.has(state)) continue;
      state.client.send({ type: 'snapshot', engine: this.version, settings: this.options.settings, containers, readAtNano });
      const held = state.held ?? [];
      state.held = null;
      for (const event of held) {
        if (event.__inspect) {
          state.client.send({ type: 'inspect', container: event.__inspect as LiveContainer });
          continue;
        }
        const id = (event.Actor as { ID?: string } | undefined)?.ID ?? (event.id as string | undefined) ?? '';
        const seenAt = inspectedAt.get(id);
        // Already in the inspect (it happened before that container was read): skip.
        if (seenAt !== undefined && Number(event.timeNano ?? 0) < seenAt) continue;
        state.client.send({ type: 'event', event });
      }
    }
  }

  private async read(): Promise<{ containers: LiveContainer[]; inspectedAt: Map<string, number> }> {
    const list = await this.docker.listContainers({ all: true });
    const inspectedAt = new Map<string, number>();
    const containers: LiveContainer[] = [];
    for (const item of list) {
      const started = nowNano();
      let info;
      try {
        info = await this.docker.getContainer(item.Id).inspect();
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) continue; // removed since the list
        throw error;
      }
      inspectedAt.set(item.Id, started);
      containers.push(this.toLive(info));
    }
    // Oldest first: the page creates them in the order Docker did.
    containers.sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0));
    return { containers, inspectedAt };
  }

  /** `docker inspect` → what the page needs of a container. */
  private toLive(info: Docker.ContainerInspectInfo): LiveContainer {
    const labels = info.Config.Labels ?? {};
    const stopTimeout = (info.Config as { StopTimeout?: number }).StopTimeout;
    return {
      id: info.Id,
      name: info.Name.replace(/^\//, ''),
      image: info.Config.Image,
      labels,
      status: info.State.Status,
      exitCode: info.State.ExitCode,
      oomKilled: info.State.OOMKilled,
      ...(info.State.Health?.Status ? { health: info.State.Health.Status } : {}),
      restartCount: info.RestartCount,
      restartPolicy: restartPolicyText(info.HostConfig.RestartPolicy),
      createdAt: dockerTime(info.Created),
      startedAt: dockerTime(info.State.StartedAt),
      finishedAt: dockerTime(info.State.FinishedAt),
      ...(typeof stopTimeout === 'number' ? { stopTimeout } : {}),
      ...networkOf(info),
      commandable: this.options.commandable(labels),
    };
  }

  /**
   * After an event, the container's `docker inspect` again (at most one read in flight per
   * container), so the page shows the engine's own health, restart count and policy.
   */
  private refresh(id: string): void {
    if (this.refreshing.has(id)) {
      this.refreshing.set(id, true);
      return;
    }
    this.refreshing.set(id, false);
    void this.docker
      .getContainer(id)
      .inspect()
      .then(
        (info) => {
          const container = this.toLive(info);
          for (const state of this.clients) {
            if (state.held) state.held.push({ __inspect: container });
            else state.client.send({ type: 'inspect', container });
          }
        },
        () => undefined, // removed meanwhile: its destroy event says so
      )
      .finally(() => {
        const again = this.refreshing.get(id);
        this.refreshing.delete(id);
        if (again) this.refresh(id);
      });
  }

  /** The engine is away: tell every page why, and try again soon. */
  private lost(error: unknown): void {
    this.dropStream();
    const message = describeEngineError(error, this.options.where);
    const wasUp = this.up;
    this.up = false;
    if (wasUp || message !== this.downMessage) {
      this.downMessage = message;
      this.options.onStatus?.(message);
      for (const state of this.clients) state.client.send({ type: 'engine', state: 'down', message });
    }
    if (this.stopped || this.retry) return;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, this.options.retryMs?.[1] ?? 2000);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, delay);
  }

  private dropStream(): void {
    const stream = this.stream;
    this.stream = null;
    (stream as unknown as { destroy?: () => void } | null)?.destroy?.();
  }
}
