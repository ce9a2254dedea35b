/**
 * Types shared by the container machine and its callers. Plain data only.
 */

/** The lesson's five states: the machine's top-level state values. */
export type LifecycleState = 'created' | 'running' | 'paused' | 'stopped' | 'removed';

/**
 * Docker's `State.Status` (moby `api/types/container/state.go`) plus `removed`
 * for a container that no longer exists.
 */
export type DockerStatus =
  | 'created'
  | 'running'
  | 'paused'
  | 'restarting'
  | 'removing'
  | 'exited'
  | 'dead'
  | 'removed';

/** Restart policy as written on the CLI / in Compose: `no`, `always`, `unless-stopped`, `on-failure[:N]`. */
export type RestartPolicy =
  | 'no'
  | 'always'
  | 'unless-stopped'
  | 'on-failure'
  | `on-failure:${number}`;

/**
 * A health check (Dockerfile `HEALTHCHECK` / Compose `healthcheck`). Durations in
 * milliseconds; 0 or omitted means Docker's default (moby `daemon/health.go`):
 * interval 30 000, timeout 30 000, startPeriod 0, startInterval 5 000, retries 3.
 */
export interface HealthcheckSpec {
  /** The probe command as written, for display (`["CMD", "pg_isready"]` → `pg_isready`). */
  test: string;
  intervalMs?: number;
  timeoutMs?: number;
  startPeriodMs?: number;
  startIntervalMs?: number;
  retries?: number;
}

/**
 * How the container's main process reacts to the stop signal (SIGTERM by default).
 * - `exits`: default signal action (not PID 1, or run with `--init`): dies at once, exit 128+15 = 143.
 * - `graceful`: has a handler; shuts down in `shutdownMs` and exits with `exitCode` (default 0).
 *   If `shutdownMs` exceeds the stop timeout, Docker sends SIGKILL: 137.
 * - `ignores`: PID 1 without a handler ignores SIGTERM (docker/cli `container_run.md`,
 *   "PID 1 … ignores any signal with the default action"): SIGKILL after the grace period, 137.
 */
export interface ProcessSpec {
  onStopSignal: 'exits' | 'graceful' | 'ignores';
  /** Time the handler needs to shut down, ms (only for `graceful`). Default 500. */
  shutdownMs?: number;
  /** Exit code after a graceful shutdown (only for `graceful`). Default 0. */
  exitCode?: number;
  /**
   * A one-shot process (a migration, a seed job) ends by itself this many ms after each
   * start, with `completionExitCode`. 0 (default) = runs until stopped.
   */
  completesAfterMs?: number;
  /** Exit code of a one-shot process when it completes. Default 0. */
  completionExitCode?: number;
}

/**
 * Events of the container machine: Docker CLI commands (lower-case, Docker's options)
 * and what happens to the main process by itself. See docs/contracts.md §1.
 */
export type ContainerCommand =
  /** `docker start` */
  | { type: 'start' }
  /** `docker stop [-t N]`: stop signal, `timeoutSeconds` grace (default 10 s; negative = wait forever), then SIGKILL. */
  | { type: 'stop'; timeoutSeconds?: number }
  /** `docker kill [-s SIG]`: default `SIGKILL`. `signal` as `SIGTERM`, `TERM` or `"15"`. */
  | { type: 'kill'; signal?: string }
  /** `docker pause` */
  | { type: 'pause' }
  /** `docker unpause` */
  | { type: 'unpause' }
  /** `docker restart [-t N]` */
  | { type: 'restart'; timeoutSeconds?: number }
  /** `docker rm [-f]` */
  | { type: 'remove'; force?: boolean }
  /** `docker update --restart <policy>`: changes the restart policy of an existing container (event `update`). */
  | { type: 'update'; restartPolicy: RestartPolicy }
  /**
   * `docker rename OLD NEW`: the container keeps its ID and state; event `rename` with
   * `name=NEW` and `oldName=/OLD` (moby `daemon/rename.go`). Name conflicts with other
   * containers are the caller's (the architecture's) to refuse.
   */
  | { type: 'rename'; name: string };

/** Things that happen to the main process without a command. */
export type ProcessEvent =
  /**
   * The main process ends by itself: 0 = done, non-zero = crash. `exitedAt` (Unix ms) is
   * the exit time containerd recorded, when known; Docker handles the exit a little later
   * (the event's time). Default: the time of the event.
   */
  | { type: 'exit'; exitCode: number; exitedAt?: number }
  /** The kernel OOM killer kills the main process (exit 137, `OOMKilled: true`). `exitedAt` as for `exit`. */
  | { type: 'oom'; exitedAt?: number }
  /**
   * Simulation knob: from now on the health-check command exits 0 (`pass`) or 1 (`fail`).
   * Only for containers with a health check.
   */
  | { type: 'probe'; result: 'pass' | 'fail' }
  /**
   * The daemon re-arms its background timers (restart back-off, health monitor), as
   * dockerd does for live containers when it starts. Sent after restoring a saved
   * snapshot, because XState does not persist delayed events. A back-off starts over.
   */
  | { type: 'daemon.restore' };

export type ContainerEvent = ContainerCommand | ProcessEvent;

/** The names of every event the machine accepts, in a stable order. */
export const CONTAINER_EVENT_TYPES = [
  'start',
  'stop',
  'kill',
  'pause',
  'unpause',
  'restart',
  'remove',
  'update',
  'rename',
  'exit',
  'oom',
  'probe',
  'daemon.restore',
] as const satisfies ReadonlyArray<ContainerEvent['type']>;

/** Input of `containerMachine` (docs/contracts.md §1). */
export interface ContainerInput {
  /** Container name (`--name`), without Docker's leading `/`. */
  name: string;
  /** Image reference, e.g. `nginx:alpine`. */
  image: string;
  /** 64-hex container ID; random when omitted. */
  id?: string;
  /** Default `no`. */
  restartPolicy?: RestartPolicy;
  healthcheck?: HealthcheckSpec;
  /** How the main process reacts to the stop signal; default `{ onStopSignal: 'exits' }` (exit 143). */
  process?: ProcessSpec;
  /** Container labels; Docker copies them into every event's `Actor.Attributes`. */
  labels?: Record<string, string>;
  /** Network the container joins on start (events `network connect/disconnect`). Default `bridge`. */
  network?: string;
}

/** `docker events --format '{{json .}}'` message (moby `api/types/events/events.go`). */
export interface DockerEventMessage {
  Type: 'container' | 'network';
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  scope: 'local';
  /** Unix seconds. */
  time: number;
  /** Unix nanoseconds. */
  timeNano: number;
}

/** What the machine emits for every Docker event (XState `emit`). */
export interface DockerEventEmitted {
  type: 'docker.event';
  message: DockerEventMessage;
}

/** Parsed restart policy (moby `api/types/container/hostconfig.go` `RestartPolicy`). */
export interface RestartPolicyConfig {
  name: 'no' | 'always' | 'unless-stopped' | 'on-failure';
  /** Only for `on-failure`; 0 = unlimited. */
  maximumRetryCount: number;
}

/** The machine's context: the fields Docker keeps per container. Times are Unix ms or null (never). */
export interface ContainerContext {
  id: string;
  name: string;
  image: string;
  labels: Record<string, string>;
  network: string;
  restartPolicy: RestartPolicyConfig;
  /** The health check with Docker's defaults filled in; null when none is configured. */
  healthcheck: Required<HealthcheckSpec> | null;
  /** `State.Health`; null before the first start or without a health check. */
  health: HealthState | null;
  /** What the simulated probe command returns (toggled by the `probe` event). */
  probePassing: boolean;
  process: Required<ProcessSpec>;
  /** Host PID of the main process; 0 when no process runs. */
  pid: number;
  exitCode: number;
  error: string;
  oomKilled: boolean;
  /** Unix ms of the last start; null before the first start. */
  startedAt: number | null;
  /** Unix ms of the last exit; null before the first exit. */
  finishedAt: number | null;
  /**
   * Unix ms at which containerd saw the last exit (moby `ExitStatus.ExitedAt`); null before
   * the first exit. `FinishedAt` takes it when the container stops, but the time Docker
   * handled the exit when it goes into restart back-off (moby `SetRestarting` vs `SetStopped`).
   * May be absent in snapshots saved before it existed: read it as `exitedAt ?? finishedAt`.
   */
  exitedAt: number | null;
  /** Restarts made by the restart policy since the last manual start (`RestartCount`). */
  restartCount: number;
  /** Current back-off of the restart manager, ms (0 = not yet used). */
  restartDelayMs: number;
  /** moby `HasBeenManuallyStopped`: set by stop/kill, cleared by start. */
  manuallyStopped: boolean;
  /** moby `RestartManager().Cancel()` was called (by stop/kill) since the last start. */
  restartCancelled: boolean;
  /** Number of processes started so far (used for the simulated host PID). */
  startCount: number;
}

/** One entry of `State.Health.Log` (moby `api/types/container/health.go` `HealthcheckResult`). Times Unix ms. */
export interface HealthProbeResult {
  start: number;
  end: number;
  exitCode: number;
  output: string;
}

/** `State.Health` (moby `api/types/container/health.go`). */
export interface HealthState {
  status: 'starting' | 'healthy' | 'unhealthy';
  failingStreak: number;
  /** The last 5 probe results, oldest first. */
  log: HealthProbeResult[];
}
