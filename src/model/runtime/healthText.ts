/**
 * Health status wording as `docker ps` prints it (`(healthy)`, `(unhealthy)`,
 * `(health: starting)`, moby `container/state.go` `State.String()`), plus an icon. Pure.
 */
import type { StatusIconShape } from '../status/statusPresentation';

export type HealthStatus = 'starting' | 'healthy' | 'unhealthy';

/** `(health: starting)`, `(healthy)`, `(unhealthy)`. */
export function healthPsText(status: HealthStatus): string {
  return status === 'starting' ? '(health: starting)' : `(${status})`;
}

const HEALTH_ICONS: Record<HealthStatus, StatusIconShape> = {
  // A check mark, a cross, an hourglass-like clock: distinct by shape, not only colour.
  healthy: { d: 'M5 12.5l4.5 4.5L19 7.5', mode: 'stroke' },
  unhealthy: { d: 'M7 7l10 10M17 7L7 17', mode: 'stroke' },
  starting: { d: 'M12 4a8 8 0 1 0 0 16a8 8 0 1 0 0-16M12 8v4.5l3 2', mode: 'stroke' },
};

/** The icon of a health status (stroked path on a 24×24 grid). */
export function healthIcon(status: HealthStatus): StatusIconShape {
  return HEALTH_ICONS[status];
}
