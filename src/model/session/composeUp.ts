/**
 * The first view of a spec (a built-in scenario, an example, a `?compose=` URL or an
 * opened compose file): what `docker compose up -d` shows. The containers are created
 * (`docker compose create`), then `docker compose up -d` runs on the architecture's
 * clock: each service starts once its dependencies' `depends_on` conditions hold
 * (`service_healthy` waits for the health check, `service_completed_successfully` for a
 * one-shot's exit 0), as the Compose up button does. Pure: no DOM.
 */
import { COMPOSE_STEP_MS, createArchitecture, type Architecture, type ArchitectureOptions, type ArchitectureSpec } from '../../../machines';

/**
 * A new architecture for `spec` whose `docker compose up -d` is under way (it runs as
 * `options.clock` advances; `getComposeProgress()` says when it is done).
 */
export function composeUp(spec: ArchitectureSpec, options: Pick<ArchitectureOptions, 'clock' | 'logLimit'> = {}): Architecture {
  // `up: false` creates every container without starting one: the Compose run starts them.
  const architecture = createArchitecture(spec, { ...options, up: false });
  architecture.compose('up');
  return architecture;
}

/** Longest simulated time a Compose run is advanced before giving up on its end, ms. */
const COMPOSE_SETTLE_LIMIT_MS = 30 * 60 * 1000;

/**
 * Advances `clock` (a `SimulatedClock`) until the architecture's Compose run, if one is
 * going on, is over (done or failed), or 30 simulated minutes have passed; returns the
 * simulated ms that took. In `COMPOSE_STEP_MS` steps: a `SimulatedClock` fires only the
 * timers due when it is advanced, not the ones they set, so one big jump would leave the
 * run at its second step.
 */
export function runComposeToEnd({ architecture, clock }: { architecture: Architecture; clock: { increment(ms: number): void } }): number {
  let elapsed = 0;
  while (architecture.getComposeProgress()?.status === 'running' && elapsed < COMPOSE_SETTLE_LIMIT_MS) {
    clock.increment(COMPOSE_STEP_MS);
    elapsed += COMPOSE_STEP_MS;
  }
  return elapsed;
}
