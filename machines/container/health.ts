/**
 * Health checks: Docker's health monitor, simulated.
 * Source: moby `daemon/health.go` (`monitor`, `handleProbeResult`, defaults),
 * `daemon/container/health.go` (`CloseMonitorChannel`), docs/docker-behaviour.md §5.
 */
import { containerEvent } from './dockerEvents';
import type { Step } from './lifecycleSteps';
import type { ContainerContext, HealthcheckSpec, HealthState } from './types';

/** moby defaults (`daemon/health.go`): ms, and 3 retries. */
export const HEALTH_DEFAULTS = {
  intervalMs: 30_000,
  timeoutMs: 30_000,
  startPeriodMs: 0,
  startIntervalMs: 5_000,
  retries: 3,
} as const;

/** moby keeps the last 5 results in `Health.Log`. */
const HEALTH_LOG_MAX = 5;

/** Fills Docker's defaults: a value of 0 (or ≤ 0 retries) means "use the default". */
export function normaliseHealthcheck(spec: HealthcheckSpec | undefined): Required<HealthcheckSpec> | null {
  if (!spec) return null;
  const pick = (value: number | undefined, fallback: number) => (value !== undefined && value > 0 ? value : fallback);
  return {
    test: spec.test,
    intervalMs: pick(spec.intervalMs, HEALTH_DEFAULTS.intervalMs),
    timeoutMs: pick(spec.timeoutMs, HEALTH_DEFAULTS.timeoutMs),
    startPeriodMs: spec.startPeriodMs !== undefined && spec.startPeriodMs > 0 ? spec.startPeriodMs : 0,
    startIntervalMs: pick(spec.startIntervalMs, HEALTH_DEFAULTS.startIntervalMs),
    retries: pick(spec.retries, HEALTH_DEFAULTS.retries),
  };
}

/**
 * Delay until the next probe, ms: `start-interval` while still `starting` inside the start
 * period (Engine ≥ 25), else `interval`. Without a health check, the longest timer a
 * browser allows, so the guarded probe transition never runs in practice.
 */
export function nextProbeDelay(context: ContainerContext, now: number): number {
  const hc = context.healthcheck;
  if (!hc || !context.health) return 2_147_483_647;
  const inStartPeriod = context.startedAt !== null && now - context.startedAt < hc.startPeriodMs;
  return context.health.status === 'starting' && inStartPeriod ? hc.startIntervalMs : hc.intervalMs;
}

/** `initHealthMonitor` at start: `starting`, FailingStreak 0, Log kept. */
export function healthOnStart(context: ContainerContext): HealthState | null {
  if (!context.healthcheck) return null;
  return { status: 'starting', failingStreak: 0, log: context.health?.log ?? [] };
}

/**
 * The monitor is closed (pause, exit): Status forced to `unhealthy` with no event
 * ("unhealthy when the monitor has stopped for compatibility reasons").
 */
export function healthOnMonitorClosed(health: HealthState | null): HealthState | null {
  return health ? { ...health, status: 'unhealthy' } : null;
}

/**
 * One probe (`handleProbeResult`): events `exec_create: <cmd>`, `exec_start: <cmd>`,
 * `exec_die`, then `health_status: <status>` only when the status changed. A failure
 * inside the start period while `starting` is not counted.
 */
export function runProbe(now: number) {
  return (c: ContainerContext): Step => {
    const hc = c.healthcheck;
    const health = c.health;
    if (!hc || !health) return { context: c, messages: [] };
    const exitCode = c.probePassing ? 0 : 1;
    const execID = probeExecId(c, now);
    const result = { start: now, end: now, exitCode, output: exitCode === 0 ? '' : `${hc.test}: probe failed` };
    const log = [...health.log, result].slice(-HEALTH_LOG_MAX);
    let next: HealthState;
    if (exitCode === 0) {
      next = { status: 'healthy', failingStreak: 0, log };
    } else {
      const inStartPeriod = c.startedAt !== null && now - c.startedAt < hc.startPeriodMs;
      if (health.status === 'starting' && inStartPeriod) {
        next = { ...health, log };
      } else {
        const failingStreak = health.failingStreak + 1;
        next = { status: failingStreak >= hc.retries ? 'unhealthy' : health.status, failingStreak, log };
      }
    }
    const messages = [
      containerEvent(c, `exec_create: ${hc.test}`, now, { execID }),
      containerEvent(c, `exec_start: ${hc.test}`, now, { execID }),
      containerEvent(c, 'exec_die', now, { execID, exitCode: String(exitCode) }),
    ];
    if (next.status !== health.status) messages.push(containerEvent(c, `health_status: ${next.status}`, now));
    return { context: { ...c, health: next }, messages };
  };
}

function probeExecId(c: ContainerContext, now: number): string {
  let h = 0;
  for (const ch of `${c.id}:${now}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return (h.toString(16).padStart(8, '0') + c.id).slice(0, 64);
}
