/**
 * React Flow node and edge types of the architecture view. Data holds actor refs (stable
 * until `docker create` replaces a container), never snapshots: components subscribe.
 */
import type { Edge, Node } from '@xyflow/react';
import type { ContainerActor, DependencySpec } from '../../../machines';
import type { PlaceholderLink, PlaceholderReason } from '../../model/layout/architectureGraph';
import type { ContainerLabel, TitleSizes } from '../../model/layout/nodeLabels';

/** Data of a container node. */
type ContainerNodeData = {
  name: string;
  service: string;
  image: string;
  /** What the node shows of the container name beside the service name. */
  label: ContainerLabel;
  /** One of 2+ replicas drawn in a group box (the group says the service name when zoomed out). */
  inGroup: boolean;
  /** Font sizes of the title (the service name) at each zoom level. */
  title: TitleSizes;
  /** The container's actor; the node subscribes to it. */
  actor: ContainerActor;
  /** Actors of the containers this one calls (for the "degraded" badge). */
  dependencies: readonly ContainerActor[];
};

export type ContainerFlowNode = Node<ContainerNodeData, 'container'>;

/** Data of a dependency edge (`sourceName` calls `targetName`). */
type DependencyEdgeData = {
  sourceName: string;
  targetName: string;
  /** The target container's actor; the edge subscribes to its status. */
  target: ContainerActor;
  /** Every container behind the target end (the replicas of a group); default `[target]`. */
  targets?: readonly ContainerActor[];
  /** Set when the target is a one-shot dependency (`service_completed_successfully`), not called. */
  oneShot?: DependencySpec;
};

export type DependencyFlowEdge = Edge<DependencyEdgeData, 'dependency'>;

/** Data of a service box: a group around 2+ replicas, or a placeholder for a service without containers. */
type ServiceNodeData = {
  service: string;
  kind: 'group' | 'placeholder';
  /** Containers drawn for the service. */
  replicas: number;
  /** Why a placeholder has no container. */
  placeholder?: PlaceholderReason;
  /** The service's Compose profiles. */
  profiles: readonly string[];
  image: string;
  /** Running services that depend on this placeholder (they will miss it). */
  neededBy: readonly string[];
};

export type ServiceFlowNode = Node<ServiceNodeData, 'service'>;

/** Any node of the architecture view. */
export type ArchitectureFlowNode = ContainerFlowNode | ServiceFlowNode;

/** Data of an edge touching a placeholder. */
type PlaceholderEdgeData = Pick<PlaceholderLink, 'sourceService' | 'targetService' | 'kind' | 'reason'> & {
  /** The placeholder service's profiles (for the explanation). */
  profiles: readonly string[];
};

export type PlaceholderFlowEdge = Edge<PlaceholderEdgeData, 'placeholder'>;

/** Any edge of the architecture view. */
export type ArchitectureFlowEdge = DependencyFlowEdge | PlaceholderFlowEdge;
