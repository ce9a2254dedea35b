/**
 * The STATUS column of `docker ps -a` for a container (docker/cli `formatter/container.go`
 * `State.String()` in moby `container/state.go`): `Up 2 minutes`, `Up 5 minutes (Paused)`,
 * `Exited (137)`, `Restarting (1)`, `Created`. Pure: the caller passes the current time.
 */
import type { DockerStatus } from '../../../machines';
import { humanDuration } from './humanDuration';

/** The few facts the STATUS column needs, all primitives (cheap to select from a snapshot). */
export interface StatusFacts {
  status: DockerStatus;
  exitCode: number;
  /** Unix ms of the last start, or null. */
  startedAt: number | null;
  /** `State.Health.Status` when a health check is configured. */
  health?: 'starting' | 'healthy' | 'unhealthy' | null;
}

function healthSuffix(health: StatusFacts['health']): string {
  if (health === 'starting') return ' (health: starting)';
  if (health === 'healthy' || health === 'unhealthy') return ` (${health})`;
  return '';
}

/**
 * `docker ps` wording, without the "… ago" tails Docker adds to `Exited` and
 * `Restarting` (the number in `Restarting (1)` is the last exit code, as in Docker).
 */
export function psStatus(facts: StatusFacts, now: number): string {
  const up = facts.startedAt === null ? '' : humanDuration(now - facts.startedAt);
  switch (facts.status) {
    case 'created':
      return 'Created';
    case 'running':
      return `Up ${up}${healthSuffix(facts.health)}`;
    case 'paused':
      return `Up ${up} (Paused)`;
    case 'restarting':
      return `Restarting (${facts.exitCode})`;
    case 'exited':
      return `Exited (${facts.exitCode})`;
    case 'removing':
      return 'Removal In Progress';
    case 'dead':
      return 'Dead';
    case 'removed':
      return 'Removed';
  }
}

/** Whether the STATUS text changes with time (an uptime is shown). */
export function statusTicks(status: DockerStatus): boolean {
  return status === 'running' || status === 'paused';
}
