/**
 * Compose's wait on a dependency's condition before starting a dependent.
 * Source: docker/compose `pkg/compose/convergence.go` `waitDependencies` /
 * `isServiceHealthy` / `isServiceCompleted` (docs/docker-behaviour.md §6). Compose polls
 * `ContainerInspect` every 500 ms.
 */
import type { InspectState } from '../container/inspectState';
import type { DependencySpec } from './spec';

/** Compose's poll interval while waiting for a condition, ms. */
export const COMPOSE_POLL_MS = 500;

/** `ok`: go on; `wait`: poll again; `fail`: the dependent fails with `message`. */
export type ConditionVerdict = { verdict: 'ok' } | { verdict: 'wait'; reason: string } | { verdict: 'fail'; message: string };

/**
 * Verdict for one dependency, given the `docker inspect` state of each of its containers.
 * `service_started` never waits: dependency order already started it.
 */
export function checkCondition(
  dependency: DependencySpec,
  containers: Array<{ name: string; state: InspectState | undefined }>,
): ConditionVerdict {
  if (dependency.condition === 'service_started') return { verdict: 'ok' };
  for (const { name, state } of containers) {
    if (!state || state.Status === 'removed') {
      return { verdict: 'fail', message: `dependency failed to start: container ${name} does not exist` };
    }
    if (dependency.condition === 'service_healthy') {
      if (state.Status === 'exited' || state.Status === 'created') {
        return { verdict: 'fail', message: `dependency failed to start: container ${name} exited (${state.ExitCode})` };
      }
      if (!state.Health) return { verdict: 'fail', message: `dependency failed to start: container ${name} has no healthcheck configured` };
      if (state.Health.Status === 'unhealthy' && state.Status === 'running') {
        return { verdict: 'fail', message: `dependency failed to start: container ${name} is unhealthy` };
      }
      if (state.Health.Status !== 'healthy') return { verdict: 'wait', reason: `waiting for ${name} to be healthy` };
    } else {
      if (state.Status !== 'exited') return { verdict: 'wait', reason: `waiting for ${name} to complete` };
      if (state.ExitCode !== 0) {
        return { verdict: 'fail', message: `service "${dependency.service}" didn't complete successfully: exit ${state.ExitCode}` };
      }
    }
  }
  return { verdict: 'ok' };
}
