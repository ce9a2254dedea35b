/**
 * `docker inspect --format '{{json .State}}'` for a container snapshot.
 * Source: moby `api/types/container/container.go` `State`, filled in `daemon/inspect.go`;
 * values per status from docs/docker-behaviour.md §1.4.
 */
import type { SnapshotFrom } from 'xstate';
import type { containerMachine } from './containerMachine';
import type { DockerStatus, LifecycleState } from './types';

/** Docker's zero `time.Time` in RFC 3339 (`StartedAt` of a never-started container). */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

export type ContainerSnapshot = SnapshotFrom<typeof containerMachine>;

/** The `.State` object (field names and types as Docker's JSON). */
export interface InspectState {
  Status: DockerStatus;
  Running: boolean;
  Paused: boolean;
  Restarting: boolean;
  OOMKilled: boolean;
  Dead: boolean;
  /** Host PID of the main process; 0 when none runs. */
  Pid: number;
  ExitCode: number;
  Error: string;
  /** RFC 3339 with nanoseconds, or `0001-01-01T00:00:00Z`. */
  StartedAt: string;
  FinishedAt: string;
  /** Absent when no health check is configured, or before the first start. */
  Health?: {
    Status: 'starting' | 'healthy' | 'unhealthy';
    FailingStreak: number;
    Log: Array<{ Start: string; End: string; ExitCode: number; Output: string }>;
  };
}

/** The lesson's state: the snapshot's top-level state value. */
export function lifecycleState(snapshot: ContainerSnapshot): LifecycleState {
  const value = snapshot.value;
  return (typeof value === 'string' ? value : Object.keys(value)[0]) as LifecycleState;
}

/** Docker's `State.Status` for a snapshot (`removed` once destroyed). */
export function dockerStatus(snapshot: ContainerSnapshot): DockerStatus {
  if (snapshot.matches({ running: 'restarting' })) return 'restarting';
  switch (lifecycleState(snapshot)) {
    case 'created':
      return 'created';
    case 'running':
      return 'running';
    case 'paused':
      return 'paused';
    case 'stopped':
      return 'exited';
    case 'removed':
      return 'removed';
  }
}

/**
 * Go's `time.RFC3339Nano` (`2006-01-02T15:04:05.999999999Z07:00`): trailing zeros of the
 * fraction dropped, no fraction on a whole second (`…:01.25Z`, `…:02Z`); the zero time for null.
 */
export function formatDockerTime(ms: number | null): string {
  if (ms === null) return ZERO_TIME;
  const iso = new Date(ms).toISOString(); // 2026-11-29T19:05:26.120Z
  const fraction = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`;
}

/** `docker inspect` `.State` for `snapshot`. Pure. */
export function inspectState(snapshot: ContainerSnapshot): InspectState {
  const c = snapshot.context;
  const Status = dockerStatus(snapshot);
  const live = Status === 'running' || Status === 'paused';
  return {
    Status,
    Running: live || Status === 'restarting',
    Paused: Status === 'paused',
    Restarting: Status === 'restarting',
    OOMKilled: c.oomKilled,
    Dead: false,
    Pid: live ? c.pid : 0,
    ExitCode: c.exitCode,
    Error: c.error,
    StartedAt: formatDockerTime(c.startedAt),
    FinishedAt: formatDockerTime(c.finishedAt),
    ...(c.health
      ? {
          Health: {
            Status: c.health.status,
            FailingStreak: c.health.failingStreak,
            Log: c.health.log.map((r) => ({
              Start: formatDockerTime(r.start),
              End: formatDockerTime(r.end),
              ExitCode: r.exitCode,
              Output: r.output,
            })),
          },
        }
      : {}),
  };
}
