/**
 * Compose's dependency order (docker/compose `pkg/compose/dependencies.go`):
 * `InDependencyOrder` visits leaves (services with no dependencies) first;
 * `InReverseDependencyOrder` visits dependents first. Services in one level are
 * independent and Compose runs them concurrently.
 */
import type { ArchitectureSpec } from './spec';

/**
 * Levels of service names, leaves first. Dependencies on services not in `spec` are
 * ignored (the parser reports them). A cycle cannot be ordered: its services come
 * last, in spec order, so callers never loop (the compose parser rejects cycles).
 */
export function dependencyLevels(spec: Pick<ArchitectureSpec, 'services'>): string[][] {
  const names = new Set(spec.services.map((s) => s.name));
  const pending = new Map(
    spec.services.map((s) => [s.name, new Set(s.dependsOn.map((d) => d.service).filter((d) => names.has(d) && d !== s.name))]),
  );
  const levels: string[][] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, deps]) => deps.size === 0).map(([name]) => name);
    if (ready.length === 0) {
      levels.push([...pending.keys()]);
      break;
    }
    levels.push(ready);
    for (const name of ready) pending.delete(name);
    for (const deps of pending.values()) for (const name of ready) deps.delete(name);
  }
  return levels;
}

/** Dependents first: the order of `compose stop` and `compose down`. */
export function reverseDependencyLevels(spec: Pick<ArchitectureSpec, 'services'>): string[][] {
  return dependencyLevels(spec).reverse();
}
