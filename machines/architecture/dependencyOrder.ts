/**
 * Compose's dependency order (docker/compose `pkg/compose/dependencies.go`):
 * `InDependencyOrder` visits leaves (services with no dependencies) first;
 * `InReverseDependencyOrder` visits dependents first. Services in one level are
 * independent and Compose runs them concurrently. Edges come from `dependsOn` (which
 * already includes `links`, `volumes_from` and `network_mode: service:x`).
 */
import { isServiceActive } from './profiles';
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

export interface DependencyOrderOptions {
  /** Include services outside `spec.activeProfiles` (Compose leaves them out). Default `false`. */
  includeInactive?: boolean;
}

function selected(spec: Pick<ArchitectureSpec, 'services' | 'activeProfiles'>, options: DependencyOrderOptions): readonly ServiceSpec[] {
  return options.includeInactive ? spec.services : spec.services.filter((service) => isServiceActive(spec, service));
}

/**
 * Start order (`compose up` / `start`): level 0 holds the services that depend on
 * nothing, level k the services whose dependencies are all in levels before k; each
 * level in file order (Compose's `InDependencyOrder`). Services outside the active
 * profiles are left out unless `includeInactive`.
 *
 * @returns service names per level; `[]` for no services. Dependencies on services not
 *   in the selection are ignored (the parser reports them). Services on a cycle (only
 *   possible in a hand-built spec; the parser rejects cycles) form one last level, so
 *   callers never loop. Never throws.
 */
export function dependencyOrder(spec: Pick<ArchitectureSpec, 'services' | 'activeProfiles'>, options: DependencyOrderOptions = {}): string[][] {
  return levels(selected(spec, options), (service) => service.dependsOn.map((d) => d.service));
}

/**
 * Stop order (`compose stop` / `down`, Compose's `InReverseDependencyOrder`): dependents
 * first. Not simply `dependencyOrder` reversed: an independent service stops in the first wave.
 */
export function reverseDependencyOrder(spec: Pick<ArchitectureSpec, 'services' | 'activeProfiles'>, options: DependencyOrderOptions = {}): string[][] {
  const services = selected(spec, options);
  const dependents = new Map<string, string[]>();
  for (const service of services) {
    for (const { service: dependency } of service.dependsOn) pushTo(dependents, dependency, service.name);
  }
  return levels(services, (service) => dependents.get(service.name) ?? []);
}
