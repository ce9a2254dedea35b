/**
 * The drawn graph of an architecture spec: one vertex per container (replica) and one
 * edge per "who calls whom" (dependent → dependency), from `dependsOn` plus `calls`.
 * Services without containers (outside the active profiles, or scaled to 0) get one
 * placeholder vertex each, and their edges are `placeholderLinks`.
 * Pure: plain data in, plain data out.
 */
import { containerName, isServiceActive, type ArchitectureSpec, type DependencySpec, type ServiceSpec } from '../../../machines';
import { containerLabel, type ContainerLabel } from './nodeLabels';

/** One container slot of the spec (a service replica). */
interface ContainerSlot {
  /** Container name, unique in the architecture. */
  name: string;
  service: string;
  /** 1-based replica number. */
  replica: number;
  image: string;
  /** What the node shows of its name beside the service name (`nodeLabels.ts`). */
  label: ContainerLabel;
}

/**
 * A one-shot dependency: the dependent's only `depends_on` entry for the pair has
 * `condition: service_completed_successfully` (a migration, a seed job) and nothing says
 * it calls it. The dependency runs to completion before the dependent starts; once it
 * exited 0 it is done, not down (its dependants are not degraded by it).
 */
type OneShot = DependencySpec & { condition: 'service_completed_successfully' };

/** One drawn edge: `source` calls (depends on) `target`. Both are container names. */
interface DependencyLink {
  /** Stable id, `source->target`. */
  id: string;
  source: string;
  target: string;
  sourceService: string;
  targetService: string;
  /** Set when `target` is a one-shot dependency of `source` rather than something it calls. */
  oneShot?: OneShot;
}

/** Why a service is drawn as a placeholder instead of containers. */
export type PlaceholderReason = 'inactive' | 'scaled-to-zero';

/** One service of the spec, as drawn. */
export interface ServiceVertex {
  name: string;
  /** Runs under the spec's active profiles. */
  active: boolean;
  /** Containers drawn (0 for a placeholder). */
  replicas: number;
  /** Set when the service has no containers on screen. */
  placeholder?: PlaceholderReason;
  profiles: string[];
  image: string;
  /** Compose `container_name` (such a service cannot scale). */
  containerName?: string;
}

/**
 * An edge touching a placeholder, between drawn node ids (`placeholderId(service)` or a
 * container name). `to-placeholder`: a running dependent needs a service that has no
 * container (a warning); `from-placeholder`: what an inactive service would depend on.
 */
export interface PlaceholderLink {
  id: string;
  source: string;
  target: string;
  sourceService: string;
  targetService: string;
  kind: 'to-placeholder' | 'from-placeholder';
  /** Why the placeholder end has no container. */
  reason: PlaceholderReason;
}

/**
 * A drawn dependency edge between two node ids: a container name, or `groupId(service)`
 * for a service with 2+ replicas (one edge per group rather than one per replica pair,
 * so no edge runs under the replicas of a group). `targets` are the containers behind
 * the target end (one, or every replica of a group).
 */
interface DrawnLink {
  id: string;
  source: string;
  target: string;
  sourceService: string;
  targetService: string;
  targets: string[];
  /** As `DependencyLink.oneShot`. */
  oneShot?: OneShot;
}

export interface ArchitectureGraph {
  containers: ContainerSlot[];
  /** Container-level dependencies (every replica pair): what each container needs. */
  links: DependencyLink[];
  /** The dependency edges to draw (replica groups collapsed to one end). */
  drawnLinks: DrawnLink[];
  /** Every service, in spec order. */
  services: ServiceVertex[];
  /** Service-level edges (dependent → dependency), without duplicates. */
  serviceLinks: Array<{ source: string; target: string }>;
  placeholderLinks: PlaceholderLink[];
}

/** React Flow id of a service's placeholder node (container names never contain `:`). */
export function placeholderId(service: string): string {
  return `service:${service}`;
}

/** React Flow id of a service's replica group box. */
export function groupId(service: string): string {
  return `group:${service}`;
}

function slotsOf(spec: ArchitectureSpec, service: ServiceSpec): ContainerSlot[] {
  const composeNamed = { ...service, containerName: undefined };
  return Array.from({ length: Math.max(0, service.replicas) }, (_, i) => {
    const name = containerName(spec, service, i + 1);
    return {
      name,
      service: service.name,
      replica: i + 1,
      image: service.image,
      label: containerLabel(name, service.name, i + 1, containerName(spec, composeNamed, i + 1)),
    };
  });
}

const isOneShot = (dependency: DependencySpec): dependency is OneShot => dependency.condition === 'service_completed_successfully';

/**
 * Service-level pairs (dependent, dependency), `dependsOn` first, then `calls`, without
 * duplicates; `oneShot` when every `depends_on` entry of the pair waits for completion and
 * no `calls` entry names it.
 */
function servicePairs(spec: ArchitectureSpec): Array<{ from: string; to: string; oneShot?: OneShot }> {
  const pairs = new Map<string, { from: string; to: string; oneShot?: OneShot }>();
  const add = (from: string, to: string, oneShot: OneShot | undefined) => {
    if (from === to) return;
    const key = `${from}\u0000${to}`;
    const known = pairs.get(key);
    if (!known) pairs.set(key, oneShot ? { from, to, oneShot } : { from, to });
    else if (!oneShot) delete known.oneShot;
  };
  for (const service of spec.services) for (const dep of service.dependsOn) add(service.name, dep.service, isOneShot(dep) ? dep : undefined);
  for (const call of spec.calls ?? []) add(call.from, call.to, undefined);
  return [...pairs.values()];
}

/** Containers and dependency edges of the active services of `spec`, in spec order. */
export function architectureGraph(spec: ArchitectureSpec): ArchitectureGraph {
  const byService = new Map<string, ContainerSlot[]>();
  const services: ServiceVertex[] = [];
  for (const service of spec.services) {
    const active = isServiceActive(spec, service);
    const slots = active ? slotsOf(spec, service) : [];
    if (active) byService.set(service.name, slots);
    const vertex: ServiceVertex = { name: service.name, active, replicas: slots.length, profiles: [...service.profiles], image: service.image };
    if (!active) vertex.placeholder = 'inactive';
    else if (slots.length === 0) vertex.placeholder = 'scaled-to-zero';
    if (service.containerName !== undefined) vertex.containerName = service.containerName;
    services.push(vertex);
  }
  const vertexOf = new Map(services.map((v) => [v.name, v]));
  const links: DependencyLink[] = [];
  const placeholderLinks: PlaceholderLink[] = [];
  const serviceLinks: Array<{ source: string; target: string }> = [];
  const drawnLinks: DrawnLink[] = [];
  const ends = (service: string): string[] => {
    const vertex = vertexOf.get(service);
    if (!vertex) return [];
    if (vertex.placeholder) return [placeholderId(service)];
    if (vertex.replicas > 1) return [groupId(service)];
    return (byService.get(service) ?? []).map((c) => c.name);
  };
  for (const { from, to, oneShot } of servicePairs(spec)) {
    const source = vertexOf.get(from);
    const target = vertexOf.get(to);
    if (!source || !target) continue;
    serviceLinks.push({ source: from, target: to });
    if (!source.placeholder && !target.placeholder) {
      for (const s of byService.get(from) ?? []) {
        for (const t of byService.get(to) ?? []) {
          links.push({ id: `${s.name}->${t.name}`, source: s.name, target: t.name, sourceService: from, targetService: to, ...(oneShot ? { oneShot } : {}) });
        }
      }
      const targets = (byService.get(to) ?? []).map((c) => c.name);
      for (const s of ends(from)) {
        for (const t of ends(to)) {
          drawnLinks.push({
            id: `${s}->${t}`,
            source: s,
            target: t,
            sourceService: from,
            targetService: to,
            targets: target.replicas > 1 ? targets : [t],
            ...(oneShot ? { oneShot } : {}),
          });
        }
      }
      continue;
    }
    const kind = source.placeholder ? 'from-placeholder' : 'to-placeholder';
    const reason = (source.placeholder ?? target.placeholder) as PlaceholderReason;
    for (const s of ends(from)) {
      for (const t of ends(to)) {
        placeholderLinks.push({ id: `${s}->${t}`, source: s, target: t, sourceService: from, targetService: to, kind, reason });
      }
    }
  }
  return { containers: [...byService.values()].flat(), links, drawnLinks, services, serviceLinks, placeholderLinks };
}
