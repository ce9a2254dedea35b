/**
 * Finding a service by name on the canvas (the search field). Pure.
 */
import { groupId, placeholderId, type ArchitectureGraph } from './architectureGraph';

/** A service and what draws it. */
export interface ServiceTarget {
  service: string;
  /** React Flow ids of its nodes: its containers, its group box, or its placeholder. */
  nodes: string[];
  /** Its containers' names, in replica order (none for a placeholder). */
  containers: string[];
}

/** Every service of `graph` in spec order, with its nodes. */
export function serviceTargets(graph: ArchitectureGraph): ServiceTarget[] {
  const containersOf = new Map<string, string[]>();
  for (const c of graph.containers) containersOf.set(c.service, [...(containersOf.get(c.service) ?? []), c.name]);
  return graph.services.map((v) => {
    const containers = containersOf.get(v.name) ?? [];
    const nodes = v.placeholder ? [placeholderId(v.name)] : v.replicas > 1 ? [groupId(v.name)] : containers;
    return { service: v.name, nodes, containers };
  });
}

/**
 * The service a query names: the exact name, else the first (in spec order) whose name
 * starts with it, else the first that contains it; case-insensitive, spaces trimmed.
 * A container's name finds its service too. Null when nothing matches or the query is empty.
 */
export function findService(targets: readonly ServiceTarget[], query: string): ServiceTarget | null {
  const q = query.trim().toLowerCase();
  if (!q) return null;
  const name = (t: ServiceTarget) => t.service.toLowerCase();
  return (
    targets.find((t) => name(t) === q) ??
    targets.find((t) => t.containers.some((c) => c.toLowerCase() === q)) ??
    targets.find((t) => name(t).startsWith(q)) ??
    targets.find((t) => name(t).includes(q)) ??
    null
  );
}
