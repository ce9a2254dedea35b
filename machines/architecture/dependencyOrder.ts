/**
 * Compose's dependency order (docker/compose `pkg/compose/dependencies.go`):
 * `InDependencyOrder` visits leaves (services with no dependencies) first;
 * `InReverseDependencyOrder` visits dependents first. Services in one level are
 * independent and Compose runs them concurrently.
 */
import type { ArchitectureSpec, ServiceSpec } from './spec';

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function levels(services: readonly ServiceSpec[], before: (service: ServiceSpec) => string[]): string[][] {
  const index = new Map(services.map((service, i) => [service.name, i]));
  const waitingOn = new Map<string, number>();
  const unblocks = new Map<string, string[]>();
  for (const service of services) {
    const prerequisites = [...new Set(before(service))].filter((name) => index.has(name) && name !== service.name);
    waitingOn.set(service.name, prerequisites.length);
    for (const name of prerequisites) pushTo(unblocks, name, service.name);
  }
  const byFileOrder = (a: string, b: string) => (index.get(a) ?? 0) - (index.get(b) ?? 0);
  const result: string[][] = [];
  let wave = services.map((s) => s.name).filter((name) => waitingOn.get(name) === 0);
  const placed = new Set<string>();
  while (wave.length > 0) {
    wave.sort(byFileOrder);
    result.push(wave);
    const next: string[] = [];
    for (const name of wave) {
      placed.add(name);
      for (const other of unblocks.get(name) ?? []) {
        const left = (waitingOn.get(other) ?? 0) - 1;
        waitingOn.set(other, left);
        if (left === 0) next.push(other);
      }
    }
    wave = next;
  }
  // Only a hand-built spec can have a cycle (parseCompose rejects them): its
  // services come last, together, in file order.
  const stuck = services.map((s) => s.name).filter((name) => !placed.has(name));
  if (stuck.length > 0) result.push(stuck);
  return result;
}

/**
 * Levels of service names, leaves first, each level in file order (Compose's
 * `InDependencyOrder`). Dependencies on services not in `spec` are ignored (the parser
 * reports them). A cycle cannot be ordered: its services come last, together, so callers
 * never loop (the compose parser rejects cycles).
 */
export function dependencyLevels(spec: Pick<ArchitectureSpec, 'services'>): string[][] {
  return levels(spec.services, (service) => service.dependsOn.map((d) => d.service));
}

/** Dependents first (Compose's `InReverseDependencyOrder`): the order of `compose stop` and `down`. */
export function reverseDependencyLevels(spec: Pick<ArchitectureSpec, 'services'>): string[][] {
  const dependents = new Map<string, string[]>();
  for (const service of spec.services) {
    for (const { service: dependency } of service.dependsOn) pushTo(dependents, dependency, service.name);
  }
  return levels(spec.services, (service) => dependents.get(service.name) ?? []);
}
