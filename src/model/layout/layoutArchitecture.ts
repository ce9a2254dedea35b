/**
 * Left-to-right layout of an architecture with dagre: dependents on the left, their
 * dependencies to the right. Pure: spec in, top-left node positions out.
 */
import dagre from '@dagrejs/dagre';
import type { ArchitectureSpec } from '../../../machines';
import { architectureGraph } from './architectureGraph';

/** Size of a drawn container node, px (the node's CSS uses the same numbers). */
export const NODE_WIDTH = 216;
export const NODE_HEIGHT = 104;

export interface LayoutOptions {
  /** Node width, px. Default `NODE_WIDTH`. */
  nodeWidth?: number;
  /** Node height, px. Default `NODE_HEIGHT`. */
  nodeHeight?: number;
  /** Horizontal gap between ranks (columns), px. Default 76. */
  rankSep?: number;
  /** Vertical gap between nodes of one rank, px. Default 28. */
  nodeSep?: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface ArchitectureLayout {
  /** Top-left corner of each container node, by container name. */
  positions: Record<string, Point>;
  /** Bounding box of the whole drawing, px. */
  width: number;
  height: number;
}

/** Positions every container of `spec` so that no two nodes overlap. */
export function layoutArchitecture(spec: ArchitectureSpec, options: LayoutOptions = {}): ArchitectureLayout {
  const width = options.nodeWidth ?? NODE_WIDTH;
  const height = options.nodeHeight ?? NODE_HEIGHT;
  const { containers, links } = architectureGraph(spec);

  const g = new dagre.graphlib.Graph<{ rankdir: string; ranksep: number; nodesep: number; marginx: number; marginy: number }>();
  g.setGraph({ rankdir: 'LR', ranksep: options.rankSep ?? 76, nodesep: options.nodeSep ?? 28, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const c of containers) g.setNode(c.name, { width, height });
  // dagre's ordering heuristic stacks later-inserted edges' targets on top; inserting the
  // edges in reverse keeps each column in spec order (frontend-1 above frontend-2).
  for (const link of [...links].reverse()) g.setEdge(link.source, link.target);
  dagre.layout(g);

  const positions: Record<string, Point> = {};
  let maxX = 0;
  let maxY = 0;
  for (const c of containers) {
    const node = g.node(c.name) as { x: number; y: number };
    const x = Math.round(node.x - width / 2);
    const y = Math.round(node.y - height / 2);
    positions[c.name] = { x, y };
    maxX = Math.max(maxX, x + width);
    maxY = Math.max(maxY, y + height);
  }
  return { positions, width: maxX, height: maxY };
}
