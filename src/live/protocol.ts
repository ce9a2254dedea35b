/**
 * What the live bridge (`bridge/`, Node) and the live page (`src/live/`, browser) say to
 * each other. Plain data; both sides import these types, neither imports the other's code.
 *
 * Transport: the page is served under `/<token>/`; it reads the engine through one
 * Server-Sent Events stream at `./api/events` and sends commands as `POST ./api/command`
 * (JSON). Nothing else of the Docker API is reachable through the bridge.
 */

/** The commands the bridge forwards (docker start/stop/kill/pause/unpause/restart/rm [-f]); nothing else. */
export const LIVE_COMMANDS = ['start', 'stop', 'kill', 'pause', 'unpause', 'restart', 'remove'] as const;
export type LiveCommandName = (typeof LIVE_COMMANDS)[number];

/** Body of `POST ./api/command`. `container` is the full 64-hex ID (names can change under a rename). */
export interface LiveCommandRequest {
  container: string;
  command: LiveCommandName;
  /** `stop`/`restart`: grace period, seconds (Docker's `-t`; default: the container's own, usually 10). */
  timeoutSeconds?: number;
  /** `kill`: signal as `SIGTERM`, `TERM` or `15` (default SIGKILL). */
  signal?: string;
  /** `remove`: `rm -f`. */
  force?: boolean;
}

/** Answer of `POST ./api/command`. */
export type LiveCommandReply =
  /** Docker accepted it (`status` 204, or 304 when it was a no-op); `tookMs` is how long the engine took. */
  | { ok: true; status: number; tookMs: number }
  /** Refused by the bridge (401/403/429/400) or by Docker (its status and its own error text). */
  | { ok: false; status: number; message: string; by: 'bridge' | 'docker' };

/** One container as `docker ps -a` + `docker inspect` show it when the page (re)connects. */
export interface LiveContainer {
  /** 64-hex ID. */
  id: string;
  /** Name without Docker's leading `/`. */
  name: string;
  image: string;
  labels: Record<string, string>;
  /** `State.Status`: created, running, paused, restarting, removing, exited, dead. */
  status: string;
  exitCode: number;
  oomKilled: boolean;
  /** `State.Health.Status` (starting, healthy, unhealthy) when the container has a health check. */
  health?: string;
  restartCount: number;
  /** `HostConfig.RestartPolicy` as written on the CLI (`no`, `always`, `on-failure:3`). */
  restartPolicy: string;
  /** Unix ms; null when never (Docker's `0001-01-01T00:00:00Z`). */
  createdAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  /** `Config.StopTimeout`, seconds, when set on the container. */
  stopTimeout?: number;
  /** The network it joins (`NetworkSettings.Networks`' first name, else `HostConfig.NetworkMode`): `bridge`, `none`, `shop_default`. */
  network?: string;
  /** Whether the bridge forwards commands for this container (`--allow-commands` and the filter). */
  commandable: boolean;
}

/** What the bridge was started with, as the page must show it. */
export interface LiveSettings {
  allowCommands: boolean;
  /** `--filter label=KEY=VALUE` in effect for commands (null: every container). */
  filter: { key: string; value: string } | null;
  /** The compose file given with `--compose`: its name and text (the page parses it for edges). */
  compose: { fileName: string; text: string; project: string } | null;
  /** Most commands per minute (the rate limit). */
  commandsPerMinute: number;
}

/** The `type`s of `LiveMessage`, i.e. the SSE event names the page listens to. */
export const LIVE_MESSAGE_TYPES = ['snapshot', 'event', 'inspect', 'engine'] as const satisfies ReadonlyArray<LiveMessage['type']>;

/** Messages on the event stream (SSE `event:` name = `type`). */
export type LiveMessage =
  /** The whole state, read at `readAtNano` (Unix ns, engine clock). Sent on connect and after each reconnect to the engine. */
  | { type: 'snapshot'; engine: { version: string; apiVersion: string }; settings: LiveSettings; containers: LiveContainer[]; readAtNano: number }
  /** One raw `docker events` message (JSON shape), container events only. */
  | { type: 'event'; event: Record<string, unknown> }
  /** The container's `docker inspect` read again after an event (health, restart count, policy). */
  | { type: 'inspect'; container: LiveContainer }
  /** The engine went away (`down`, with why, in plain words) or is being read again (`connecting`). */
  | { type: 'engine'; state: 'down' | 'connecting'; message: string };
