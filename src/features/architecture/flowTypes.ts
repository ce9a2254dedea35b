/**
 * React Flow node and edge types of the architecture view. Data holds actor refs (stable
 * until `docker create` replaces a container), never snapshots: components subscribe.
 */
import type { Edge, Node } from '@xyflow/react';
import type { ContainerActor } from '../../../machines';

/** Data of a container node. */
export type ContainerNodeData = {
  name: string;
  service: string;
  image: string;
  /** The container's actor; the node subscribes to it. */
  actor: ContainerActor;
  /** Actors of the containers this one calls (for the "degraded" badge). */
  dependencies: readonly ContainerActor[];
};

export type ContainerFlowNode = Node<ContainerNodeData, 'container'>;

/** Data of a dependency edge (`sourceName` calls `targetName`). */
export type DependencyEdgeData = {
  sourceName: string;
  targetName: string;
  /** The target container's actor; the edge subscribes to its status. */
  target: ContainerActor;
};

export type DependencyFlowEdge = Edge<DependencyEdgeData, 'dependency'>;
