/**
 * One-shot services. A compose file does not say how long a process runs, but a service
 * that others wait for with `condition: service_completed_successfully` is, by that very
 * condition, a job that ends (a migration, a seed). The simulation gives it a process
 * that completes with exit 0 a moment after each start, so `Compose up` can go on.
 */
import type { ServiceSpec } from '../../../machines/architecture/spec';

/** Simulated run time of a one-shot job, ms. */
export const ONE_SHOT_RUN_MS = 3000;

/** `services` with a completing process for every service awaited with `service_completed_successfully`. */
export function markOneShotServices(services: ServiceSpec[]): ServiceSpec[] {
  const awaited = new Set(
    services.flatMap((s) => s.dependsOn.filter((d) => d.condition === 'service_completed_successfully').map((d) => d.service)),
  );
  return services.map((s) =>
    awaited.has(s.name) && !s.process
      ? { ...s, process: { onStopSignal: 'exits', completesAfterMs: ONE_SHOT_RUN_MS, completionExitCode: 0 } }
      : s,
  );
}
