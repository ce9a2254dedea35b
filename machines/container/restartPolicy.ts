/**
 * Restart policies and the restart manager's back-off.
 * Source: moby `daemon/internal/restartmanager/restartmanager.go` (docs/docker-behaviour.md §4).
 */
import type { ContainerContext, RestartPolicy, RestartPolicyConfig } from './types';

/** moby `defaultTimeout`: the first back-off, ms. */
export const RESTART_BACKOFF_INITIAL_MS = 100;
/** moby `maxRestartTimeout`: the back-off cap, ms. */
export const RESTART_BACKOFF_MAX_MS = 60_000;
/** A run at least this long (ms) resets the back-off to the initial value. */
export const RESTART_BACKOFF_RESET_AFTER_MS = 10_000;

/**
 * Parses `no | always | unless-stopped | on-failure[:N]`.
 * @throws Error with Docker's wording for anything else (`invalid restart policy …`).
 */
export function parseRestartPolicy(policy: RestartPolicy | string | undefined): RestartPolicyConfig {
  if (policy === undefined || policy === '' || policy === 'no') return { name: 'no', maximumRetryCount: 0 };
  if (policy === 'always' || policy === 'unless-stopped') return { name: policy, maximumRetryCount: 0 };
  const match = /^on-failure(?::(\d+))?$/.exec(policy);
  if (match) return { name: 'on-failure', maximumRetryCount: match[1] ? Number(match[1]) : 0 };
  const withCount = /^(always|unless-stopped|no):\d+$/.test(policy);
  throw new Error(
    withCount
      ? 'invalid restart policy: maximum retry count can only be used with \'on-failure\''
      : `invalid restart policy '${policy}'`,
  );
}

/** The policy as written on the CLI (`on-failure:3`). */
export function formatRestartPolicy(policy: RestartPolicyConfig): RestartPolicy {
  if (policy.name === 'on-failure' && policy.maximumRetryCount > 0) return `on-failure:${policy.maximumRetryCount}`;
  return policy.name;
}

/**
 * The restart manager's back-off for the exit that just happened, ms: 100 ms, doubled on
 * each exit, capped at 60 s; reset to 100 ms when the run lasted ≥ 10 s.
 * moby computes it on every exit, before deciding whether to restart.
 */
export function nextRestartDelay(previousMs: number, runDurationMs: number): number {
  const previous = runDurationMs >= RESTART_BACKOFF_RESET_AFTER_MS ? 0 : previousMs;
  const next = previous === 0 ? RESTART_BACKOFF_INITIAL_MS : previous * 2;
  return Math.min(next, RESTART_BACKOFF_MAX_MS);
}

/**
 * moby `ShouldRestart(exitCode, hasBeenManuallyStopped, …)`: `always` restarts;
 * `unless-stopped` unless manually stopped; `on-failure` on a non-zero code while
 * `RestartCount < MaximumRetryCount` (0 = unlimited). A cancelled manager (docker
 * stop/kill) never restarts.
 */
export function shouldRestart(context: ContainerContext, exitCode: number): boolean {
  if (context.restartCancelled) return false;
  const { name, maximumRetryCount } = context.restartPolicy;
  switch (name) {
    case 'always':
      return true;
    case 'unless-stopped':
      return !context.manuallyStopped;
    case 'on-failure':
      return exitCode !== 0 && (maximumRetryCount === 0 || context.restartCount < maximumRetryCount);
    default:
      return false;
  }
}
