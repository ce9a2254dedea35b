/**
 * The oracle of "the first view is what `docker compose up` would show", shared by the
 * machine-level test and the browser test: given the moments recorded while an up ran
 * (every container's status, health and exit code at each moment) and each service's
 * `depends_on` conditions, the moments where a dependant was started (or healthy) before
 * its dependency's condition held. Compose's rule (docker/compose `convergence.go`
 * `waitDependencies`): a service starts only once, for every dependency, `service_started`:
 * its containers were started; `service_healthy`: they run and are healthy;
 * `service_completed_successfully`: they exited with code 0.
 */

export type ComposeCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

/** One service as the compose file says: its name and what it waits for. */
export interface ServiceConditions {
  service: string;
  dependsOn: ReadonlyArray<{ service: string; condition: ComposeCondition }>;
}

/** One container at one moment. */
interface ContainerMoment {
  service: string;
  /** Docker status (`created`, `running`, `exited`, …). */
  status: string;
  /** Health check status while it has one (`starting`, `healthy`, `unhealthy`), else null. */
  health: string | null;
  /** Exit code when `exited`, else null. */
  exitCode: number | null;
}

/** Every container (by name) at one moment. */
export type Moment = Readonly<Record<string, ContainerMoment>>;

/** Whether `condition` on `service` holds at `moment` (a service with no container there does not satisfy it). */
function conditionHolds(moment: Moment, service: string, condition: ComposeCondition): boolean {
  const containers = Object.values(moment).filter((c) => c.service === service);
  if (containers.length === 0) return false;
  return containers.every((c) => {
    switch (condition) {
      case 'service_started':
        return c.status !== 'created' && c.status !== 'removed';
      case 'service_healthy':
        return c.status === 'running' && c.health === 'healthy';
      case 'service_completed_successfully':
        return c.status === 'exited' && c.exitCode === 0;
    }
  });
}

const notStarted = (c: ContainerMoment | undefined) => c === undefined || c.status === 'created' || c.status === 'removed';

/**
 * Every breach of the dependency order in `moments` (oldest first), as readable lines:
 * a container seen started for the first time at a moment where one of its service's
 * conditions does not hold. Empty when the up kept Compose's order.
 */
export function orderViolations(moments: readonly Moment[], services: readonly ServiceConditions[]): string[] {
  const byService = new Map(services.map((s) => [s.service, s]));
  const violations: string[] = [];
  const seenStarted = new Set<string>();
  moments.forEach((moment, index) => {
    for (const [name, container] of Object.entries(moment)) {
      if (notStarted(container) || seenStarted.has(name)) continue;
      seenStarted.add(name);
      for (const dependency of byService.get(container.service)?.dependsOn ?? []) {
        if (conditionHolds(moment, dependency.service, dependency.condition)) continue;
        const deps = Object.entries(moment)
          .filter(([, c]) => c.service === dependency.service)
          .map(([n, c]) => `${n} ${c.status}${c.health ? ` (health: ${c.health})` : ''}${c.exitCode !== null ? ` (exit ${c.exitCode})` : ''}`);
        violations.push(
          `moment ${index}: ${name} is ${container.status}${container.health ? ` (health: ${container.health})` : ''} before ${dependency.service}'s ${dependency.condition}: ${deps.join(', ') || 'no container'}`,
        );
      }
    }
  });
  return violations;
}

/**
 * Whether `moment` is the end of a successful up: every container of a service that a
 * `service_completed_successfully` waits on exited 0, every other one runs (healthy when
 * it has a health check). Returns what is not up yet (empty when all is up).
 */
export function notUpYet(moment: Moment, services: readonly ServiceConditions[]): string[] {
  const oneShots = new Set(services.flatMap((s) => s.dependsOn.filter((d) => d.condition === 'service_completed_successfully').map((d) => d.service)));
  return Object.entries(moment).flatMap(([name, c]) => {
    if (oneShots.has(c.service)) return c.status === 'exited' && c.exitCode === 0 ? [] : [`${name} ${c.status} (a one-shot: should have exited 0)`];
    if (c.status !== 'running') return [`${name} ${c.status}`];
    if (c.health !== null && c.health !== 'healthy') return [`${name} health: ${c.health}`];
    return [];
  });
}
