/**
 * Turns the architecture graph, its layout and the current actors into React Flow
 * nodes and edges. Objects are reused from the previous build when nothing they carry
 * changed, so `docker create` re-renders only the nodes and edges of that container.
 */
import type { ContainerActor } from '../../../machines';
import { groupId, placeholderId, type ArchitectureGraph } from '../../model/layout/architectureGraph';
import { NODE_HEIGHT, NODE_WIDTH, type ArchitectureLayout } from '../../model/layout/layoutGeometry';
import { titleSizes } from '../../model/layout/nodeLabels';
import type { ContainerFlowNode, DependencyFlowEdge, PlaceholderFlowEdge, ServiceFlowNode } from './flowTypes';

type ActorOf = (name: string) => ContainerActor | undefined;

function sameActors(a: readonly ContainerActor[], b: readonly ContainerActor[]): boolean {
  return a.length === b.length && a.every((actor, i) => actor === b[i]);
}

/** Container nodes; `cache` (by container name) keeps unchanged node objects identical. */
export function buildNodes(
  graph: ArchitectureGraph,
  layout: ArchitectureLayout,
  actorOf: ActorOf,
  cache: Map<string, ContainerFlowNode>,
): ContainerFlowNode[] {
  const nodes: ContainerFlowNode[] = [];
  const grouped = new Set(graph.services.filter((v) => v.replicas > 1).map((v) => v.name));
  for (const slot of graph.containers) {
    const actor = actorOf(slot.name);
    if (!actor) continue;
    // A one-shot dependency (a migration that ran to completion) is not called: it never degrades its dependants.
    const dependencies = graph.links
      .filter((l) => l.source === slot.name && !l.oneShot)
      .map((l) => actorOf(l.target))
      .filter((a): a is ContainerActor => a !== undefined);
    const position = layout.positions[slot.name] ?? { x: 0, y: 0 };
    const inGroup = grouped.has(slot.service);
    const previous = cache.get(slot.name);
    if (
      previous &&
      previous.data.actor === actor &&
      previous.data.inGroup === inGroup &&
      sameActors(previous.data.dependencies, dependencies) &&
      previous.position.x === position.x &&
      previous.position.y === position.y
    ) {
      nodes.push(previous);
      continue;
    }
    const node: ContainerFlowNode = {
      id: slot.name,
      type: 'container',
      position,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      data: { name: slot.name, service: slot.service, image: slot.image, label: slot.label, inGroup, title: titleSizes(slot.service), actor, dependencies },
    };
    cache.set(slot.name, node);
    nodes.push(node);
  }
  return nodes;
}

/**
 * Dependency edges, as drawn (`graph.drawnLinks`: a group of replicas is one end);
 * `cache` (by edge id) keeps unchanged edge objects identical.
 */
export function buildEdges(graph: ArchitectureGraph, actorOf: ActorOf, cache: Map<string, DependencyFlowEdge>): DependencyFlowEdge[] {
  const edges: DependencyFlowEdge[] = [];
  for (const link of graph.drawnLinks) {
    const targets = link.targets.map(actorOf).filter((a): a is ContainerActor => a !== undefined);
    const target = targets[0];
    if (!target) continue;
    const previous = cache.get(link.id);
    if (previous?.data && previous.data.oneShot === link.oneShot && sameActors(previous.data.targets ?? [previous.data.target], targets)) {
      edges.push(previous);
      continue;
    }
    const group = link.targets.length > 1 || link.target !== link.targets[0];
    const sourceName = link.source.startsWith('group:') ? link.sourceService : link.source;
    const targetName = group ? link.targetService : link.target;
    const edge: DependencyFlowEdge = {
      id: link.id,
      type: 'dependency',
      source: link.source,
      target: link.target,
      ariaLabel: link.oneShot ? `${sourceName} starts after ${targetName} completes` : `${sourceName} calls ${targetName}`,
      data: { sourceName, targetName, target, targets, ...(link.oneShot ? { oneShot: link.oneShot } : {}) },
    };
    cache.set(link.id, edge);
    edges.push(edge);
  }
  return edges;
}

/**
 * Service boxes: a group behind the replicas of each service with 2+ containers, and a
 * placeholder for each service without containers (inactive profile, scaled to 0).
 * Groups come first so the containers are drawn on top of them.
 */
export function buildServiceNodes(graph: ArchitectureGraph, layout: ArchitectureLayout): ServiceFlowNode[] {
  const vertices = new Map(graph.services.map((v) => [v.name, v]));
  const neededBy = new Map<string, string[]>();
  for (const link of graph.placeholderLinks) {
    if (link.kind !== 'to-placeholder') continue;
    const list = neededBy.get(link.targetService) ?? [];
    if (!list.includes(link.sourceService)) list.push(link.sourceService);
    neededBy.set(link.targetService, list);
  }
  const groups: ServiceFlowNode[] = [];
  const placeholders: ServiceFlowNode[] = [];
  for (const box of layout.services) {
    if (box.kind === 'single') continue;
    const vertex = vertices.get(box.service);
    const kind = box.kind === 'group' ? 'group' : 'placeholder';
    const node: ServiceFlowNode = {
      id: kind === 'group' ? groupId(box.service) : placeholderId(box.service),
      type: 'service',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      zIndex: kind === 'group' ? -1 : 0,
      data: {
        service: box.service,
        kind,
        replicas: box.replicas,
        profiles: vertex?.profiles ?? [],
        image: vertex?.image ?? '',
        neededBy: neededBy.get(box.service) ?? [],
        ...(box.placeholder ? { placeholder: box.placeholder } : {}),
      },
    };
    (kind === 'group' ? groups : placeholders).push(node);
  }
  return [...groups, ...placeholders];
}

/** Edges touching a placeholder (no actor behind them: they never change until the layout does). */
export function buildPlaceholderEdges(graph: ArchitectureGraph): PlaceholderFlowEdge[] {
  const profilesOf = new Map(graph.services.map((v) => [v.name, v.profiles]));
  return graph.placeholderLinks.map((link) => {
    const placeholderService = link.kind === 'to-placeholder' ? link.targetService : link.sourceService;
    return {
      id: link.id,
      type: 'placeholder',
      source: link.source,
      target: link.target,
      ariaLabel: `${link.sourceService} depends on ${link.targetService}`,
      data: {
        sourceService: link.sourceService,
        targetService: link.targetService,
        kind: link.kind,
        reason: link.reason,
        profiles: profilesOf.get(placeholderService) ?? [],
      },
    };
  });
}
