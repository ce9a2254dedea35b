/**
 * The order in which Compose visits services (docker/compose
 * `pkg/compose/dependencies.go`): `InDependencyOrder` starts leaves (services that
 * depend on nothing) first and a service once everything it depends on is done
 * (`up`, `start`, `restart`); `InReverseDependencyOrder` starts roots (services
 * nothing depends on) first and a service once everything depending on it is done
 * (`stop`, `down`). Independent services run concurrently.
 *
 * Both are given here as levels: the waves of a fully concurrent run in which every
 * service takes the same time. Edges come from `dependsOn` (which already includes
 * `links`, `volumes_from` and `network_mode: service:x`).
 */
import type { ArchitectureSpec, ServiceSpec } from '../../../machines/architecture/spec';
import { dependencyLevels, reverseDependencyLevels } from '../../../machines/architecture/dependencyOrder';
import { isServiceActive } from './profiles';

export interface DependencyOrderOptions {
  /**
   * Include services outside `spec.activeProfiles` (Compose leaves them out).
   * Default `false`.
   */
  includeInactive?: boolean;
}

function selected(spec: ArchitectureSpec, options: DependencyOrderOptions): ServiceSpec[] {
  if (options.includeInactive) return spec.services;
  return spec.services.filter((service) => isServiceActive(service, spec.activeProfiles));
}

/**
 * Start order (`compose up` / `start`): level 0 holds the services that depend on
 * nothing, level k the services whose dependencies are all in levels before k.
 *
 * @returns service names per level, in file order within a level; `[]` for no
 *   services. Dependencies on services not in the selection are ignored; services on
 *   a cycle (only possible in a hand-built spec) form one last level. Never throws.
 */
export function dependencyOrder(spec: ArchitectureSpec, options: DependencyOrderOptions = {}): string[][] {
  return dependencyLevels({ services: selected(spec, options) });
}

/**
 * Stop order (`compose stop` / `down`): level 0 holds the services nothing depends
 * on, then the services whose dependents are all in earlier levels. Not simply
 * `dependencyOrder` reversed: an independent service stops in the first wave.
 *
 * @returns service names per level, like `dependencyOrder`.
 */
export function reverseDependencyOrder(spec: ArchitectureSpec, options: DependencyOrderOptions = {}): string[][] {
  return reverseDependencyLevels({ services: selected(spec, options) });
}
