/**
 * The drawn graph of an architecture spec: one vertex per container (replica) and one
 * edge per "who calls whom" (dependent → dependency), from `dependsOn` plus `calls`.
 * Pure: plain data in, plain data out.
 */
import { containerName, isServiceActive, type ArchitectureSpec, type ServiceSpec } from '../../../machines';

/** One container slot of the spec (a service replica). */
export interface ContainerSlot {
  /** Container name, unique in the architecture. */
  name: string;
  service: string;
  /** 1-based replica number. */
  replica: number;
  image: string;
}

/** One drawn edge: `source` calls (depends on) `target`. Both are container names. */
export interface DependencyLink {
  /** Stable id, `source->target`. */
  id: string;
  source: string;
  target: string;
  sourceService: string;
  targetService: string;
}

export interface ArchitectureGraph {
  containers: ContainerSlot[];
  links: DependencyLink[];
}

function slotsOf(spec: ArchitectureSpec, service: ServiceSpec): ContainerSlot[] {
  return Array.from({ length: Math.max(0, service.replicas) }, (_, i) => ({
    name: containerName(spec, service, i + 1),
    service: service.name,
    replica: i + 1,
    image: service.image,
  }));
}

/** Service-level pairs (dependent, dependency), `dependsOn` first, then `calls`, without duplicates. */
function servicePairs(spec: ArchitectureSpec): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const seen = new Set<string>();
  const add = (from: string, to: string) => {
    const key = `${from}\u0000${to}`;
    if (from === to || seen.has(key)) return;
    seen.add(key);
    pairs.push([from, to]);
  };
  for (const service of spec.services) for (const dep of service.dependsOn) add(service.name, dep.service);
  for (const call of spec.calls ?? []) add(call.from, call.to);
  return pairs;
}

/** Containers and dependency edges of the active services of `spec`, in spec order. */
export function architectureGraph(spec: ArchitectureSpec): ArchitectureGraph {
  const byService = new Map<string, ContainerSlot[]>();
  for (const service of spec.services) {
    if (isServiceActive(spec, service)) byService.set(service.name, slotsOf(spec, service));
  }
  const links: DependencyLink[] = [];
  for (const [from, to] of servicePairs(spec)) {
    for (const source of byService.get(from) ?? []) {
      for (const target of byService.get(to) ?? []) {
        links.push({ id: `${source.name}->${target.name}`, source: source.name, target: target.name, sourceService: from, targetService: to });
      }
    }
  }
  return { containers: [...byService.values()].flat(), links };
}
