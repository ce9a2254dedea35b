/**
 * Turns the architecture graph, its layout and the current actors into React Flow
 * nodes and edges. Objects are reused from the previous build when nothing they carry
 * changed, so `docker create` re-renders only the nodes and edges of that container.
 */
import type { ContainerActor } from '../../../machines';
import type { ArchitectureGraph } from '../../model/layout/architectureGraph';
import { NODE_HEIGHT, NODE_WIDTH, type ArchitectureLayout } from '../../model/layout/layoutArchitecture';
import type { ContainerFlowNode, DependencyFlowEdge } from './flowTypes';

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
  for (const slot of graph.containers) {
    const actor = actorOf(slot.name);
    if (!actor) continue;
    const dependencies = graph.links
      .filter((l) => l.source === slot.name)
      .map((l) => actorOf(l.target))
      .filter((a): a is ContainerActor => a !== undefined);
    const previous = cache.get(slot.name);
    if (previous && previous.data.actor === actor && sameActors(previous.data.dependencies, dependencies)) {
      nodes.push(previous);
      continue;
    }
    const node: ContainerFlowNode = {
      id: slot.name,
      type: 'container',
      position: layout.positions[slot.name] ?? { x: 0, y: 0 },
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      data: { name: slot.name, service: slot.service, image: slot.image, actor, dependencies },
    };
    cache.set(slot.name, node);
    nodes.push(node);
  }
  return nodes;
}

/** Dependency edges; `cache` (by edge id) keeps unchanged edge objects identical. */
export function buildEdges(graph: ArchitectureGraph, actorOf: ActorOf, cache: Map<string, DependencyFlowEdge>): DependencyFlowEdge[] {
  const edges: DependencyFlowEdge[] = [];
  for (const link of graph.links) {
    const target = actorOf(link.target);
    if (!target) continue;
    const previous = cache.get(link.id);
    if (previous?.data?.target === target) {
      edges.push(previous);
      continue;
    }
    const edge: DependencyFlowEdge = {
      id: link.id,
      type: 'dependency',
      source: link.source,
      target: link.target,
      ariaLabel: `${link.source} calls ${link.target}`,
      data: { sourceName: link.source, targetName: link.target, target },
    };
    cache.set(link.id, edge);
    edges.push(edge);
  }
  return edges;
}
