/**
 * Left-to-right layout of an architecture with dagre: dependents on the left, their
 * dependencies to the right. dagre places services; a service's replicas are stacked
 * (or, when the drawing would be too tall, in a grid) inside one group box, and edges
 * to or from a replicated service end at its group;
 * a service without containers (inactive profile, scaled to 0) is one placeholder box.
 * Ranks much taller than the canvas's shape are folded. Pure: spec in, positions out.
 */
import dagre from '@dagrejs/dagre';
import type { ArchitectureSpec } from '../../../machines';
import { architectureGraph, type ServiceVertex } from './architectureGraph';
import {
  GROUP_HEADER,
  GROUP_PADDING,
  NODE_HEIGHT,
  NODE_WIDTH,
  PLACEHOLDER_HEIGHT,
  REPLICA_GAP,
  type ArchitectureLayout,
  type LayoutOptions,
  type Point,
  type ServiceBox,
} from './layoutGeometry';


/**
 * How replicas are arranged in their group: `tall` stacks up to 6 in one column, then a
 * grid about twice as tall as wide; `wide` uses a grid from 3 replicas on, for drawings
 * that would otherwise be too tall for the canvas.
 */
export type ReplicaArrangement = 'tall' | 'wide';

/** Columns of a service's replica grid. */
export function replicaColumns(replicas: number, arrangement: ReplicaArrangement = 'tall'): number {
  if (arrangement === 'wide') return replicas <= 2 ? 1 : Math.ceil(Math.sqrt(replicas / 1.5));
  return replicas <= 6 ? 1 : Math.ceil(Math.sqrt(replicas / 2));
}

/**
 * Offset of replica `index` (0-based) from its group's top-left corner, row by row.
 * (Edges end at the group, not at its replicas, so none runs under a replica.)
 */
export function replicaOffset(index: number, columns: number, width: number, height: number): Point {
  const column = index % columns;
  const row = Math.floor(index / columns);
  return {
    x: GROUP_PADDING + column * (width + REPLICA_GAP),
    y: GROUP_HEADER + row * (height + REPLICA_GAP),
  };
}

function boxSize(
  vertex: ServiceVertex,
  width: number,
  height: number,
  arrangement: ReplicaArrangement,
): { kind: ServiceBox['kind']; width: number; height: number; columns: number } {
  if (vertex.placeholder) return { kind: 'placeholder', width, height: PLACEHOLDER_HEIGHT, columns: 0 };
  if (vertex.replicas === 1) return { kind: 'single', width, height, columns: 1 };
  const columns = replicaColumns(vertex.replicas, arrangement);
  let bottom = 0;
  for (let i = 0; i < vertex.replicas; i++) bottom = Math.max(bottom, replicaOffset(i, columns, width, height).y + height);
  return {
    kind: 'group',
    columns,
    width: 2 * GROUP_PADDING + columns * width + (columns - 1) * REPLICA_GAP,
    height: bottom + GROUP_PADDING,
  };
}

/** A box placed by dagre: centre and size. */
interface Placed {
  name: string;
  cx: number;
  cy: number;
  width: number;
  height: number;
}

/** Horizontal gap between the sub-columns of a folded rank, px. */
const SUB_COLUMN_GAP = 40;

/**
 * Folds tall ranks: a rank taller than `limit` is dealt round-robin into sub-columns,
 * each item a little lower than the one before (a brick pattern), so edges from the
 * left reach the right sub-column through the gaps. Ranks keep their order and
 * vertical centre; later ranks move right. Returns top-left corners and the size.
 */
function foldRanks(
  ranks: Placed[][],
  limit: number,
  rankSep: number,
  nodeSep: number,
): { corners: Map<string, Point>; width: number; height: number; folded: boolean } {
  const corners = new Map<string, Point>();
  const columnsOf = ranks.map((rank) => {
    // Only a long rank folds (4+ boxes, 2+ per sub-column): folding a short one just
    // puts a box in the way of its neighbour's edges.
    if (rank.length < 4) return 1;
    const total = rank.reduce((sum, p) => sum + p.height, 0) + (rank.length - 1) * nodeSep;
    return Math.max(1, Math.min(Math.floor(rank.length / 2), Math.ceil(total / limit - 1e-9)));
  });
  const folded = columnsOf.some((c) => c > 1);
  let cursor = 0;
  ranks.forEach((rank, r) => {
    const columns = columnsOf[r]!;
    const columnWidth = Math.max(...rank.map((p) => p.width));
    const top = Math.min(...rank.map((p) => p.cy - p.height / 2));
    const bottom = Math.max(...rank.map((p) => p.cy + p.height / 2));
    let ys: number[];
    if (columns === 1) {
      ys = rank.map((p) => p.cy - p.height / 2 - top);
    } else {
      const total = rank.reduce((sum, p) => sum + p.height, 0) + (rank.length - 1) * nodeSep;
      const step = (total + nodeSep) / rank.length / columns;
      const bottoms = new Array<number>(columns).fill(Number.NEGATIVE_INFINITY);
      let previous = Number.NEGATIVE_INFINITY;
      ys = rank.map((p, i) => {
        const column = i % columns;
        const y = Math.max(bottoms[column]! + nodeSep, previous + step, 0);
        bottoms[column] = y + p.height;
        previous = y;
        return y;
      });
    }
    const height = Math.max(...rank.map((p, i) => ys[i]! + p.height));
    // Unfolded: dagre's vertical placement. Folded: every rank centred on one line, so
    // the drawing is a compact band rather than a diagonal.
    const shift = folded ? -height / 2 : columns === 1 ? top : (top + bottom) / 2 - height / 2;
    rank.forEach((p, i) => {
      const column = i % columns;
      const x = cursor + column * (columnWidth + SUB_COLUMN_GAP) + (columnWidth - p.width) / 2;
      corners.set(p.name, { x: Math.round(x), y: Math.round(ys[i]! + shift) });
    });
    cursor += columns * columnWidth + (columns - 1) * SUB_COLUMN_GAP + rankSep;
  });
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const sizes = new Map(ranks.flat().map((p) => [p.name, p]));
  for (const [name, c] of corners) {
    const p = sizes.get(name)!;
    minX = Math.min(minX, c.x);
    minY = Math.min(minY, c.y);
    maxX = Math.max(maxX, c.x + p.width);
    maxY = Math.max(maxY, c.y + p.height);
  }
  for (const c of corners.values()) {
    c.x -= minX;
    c.y -= minY;
  }
  return { corners, width: maxX - minX, height: maxY - minY, folded };
}

/** Positions every container and service box of `spec` so that no two boxes overlap. */
export function layoutArchitecture(spec: ArchitectureSpec, options: LayoutOptions = {}): ArchitectureLayout {
  const width = options.nodeWidth ?? NODE_WIDTH;
  const height = options.nodeHeight ?? NODE_HEIGHT;
  const rankSep = options.rankSep ?? 76;
  const nodeSep = options.nodeSep ?? 28;
  const aspect = options.aspectRatio ?? 2;
  const { containers, services, serviceLinks } = architectureGraph(spec);
  const score = (l: { width: number; height: number }) => Math.min(aspect / Math.max(1, l.width), 1 / Math.max(1, l.height));

  /** dagre on service boxes, then the best folding of its ranks. */
  const attempt = (arrangement: ReplicaArrangement) => {
    const g = new dagre.graphlib.Graph<{ rankdir: string; ranksep: number; nodesep: number; marginx: number; marginy: number }>();
    g.setGraph({ rankdir: 'LR', ranksep: rankSep, nodesep: nodeSep, marginx: 0, marginy: 0 });
    g.setDefaultEdgeLabel(() => ({}));
    const sizes = new Map(services.map((v) => [v.name, boxSize(v, width, height, arrangement)]));
    for (const v of services) {
      const size = sizes.get(v.name)!;
      g.setNode(v.name, { width: size.width, height: size.height });
    }
    // dagre's ordering heuristic stacks later-inserted edges' targets on top; inserting the
    // edges in reverse keeps each column in spec order (frontend-1 above frontend-2).
    for (const link of [...serviceLinks].reverse()) g.setEdge(link.source, link.target);
    dagre.layout(g);

    // dagre's ranks (columns): same centre x. Fold the tallest ones when that suits the aspect better.
    const byX = new Map<number, Placed[]>();
    for (const v of services) {
      const size = sizes.get(v.name)!;
      const node = g.node(v.name) as { x: number; y: number };
      const key = Math.round(node.x);
      byX.set(key, [...(byX.get(key) ?? []), { name: v.name, cx: node.x, cy: node.y, width: size.width, height: size.height }]);
    }
    const ranks = [...byX.entries()].sort((a, b) => a[0] - b[0]).map(([, list]) => list.sort((a, b) => a.cy - b.cy));
    const tallest = Math.max(0, ...ranks.map((r) => r.reduce((sum, p) => sum + p.height, 0) + (r.length - 1) * nodeSep));
    let folded = foldRanks(ranks, Infinity, rankSep, nodeSep);
    for (let k = 2; k <= 4; k++) {
      const candidate = foldRanks(ranks, tallest / k, rankSep, nodeSep);
      // Fold only for a clearly bigger drawing on screen (5 % more zoom).
      if (candidate.folded && score(candidate) > score(folded) * 1.05) folded = candidate;
    }
    return { sizes, ...folded };
  };

  let best = attempt('tall');
  // Replicas in a grid, when some group is tall enough for it to matter and it clearly helps.
  if (services.some((v) => !v.placeholder && v.replicas >= 3)) {
    const wide = attempt('wide');
    if (score(wide) > score(best) * 1.05) best = wide;
  }

  const boxes: ServiceBox[] = [];
  const byService = new Map<string, ServiceBox & { columns: number }>();
  for (const v of services) {
    const size = best.sizes.get(v.name)!;
    const corner = best.corners.get(v.name) ?? { x: 0, y: 0 };
    const box: ServiceBox = {
      service: v.name,
      kind: size.kind,
      x: corner.x,
      y: corner.y,
      width: size.width,
      height: size.height,
      replicas: v.replicas,
    };
    if (v.placeholder) box.placeholder = v.placeholder;
    boxes.push(box);
    byService.set(v.name, { ...box, columns: size.columns });
  }

  const positions: Record<string, Point> = {};
  for (const c of containers) {
    const box = byService.get(c.service);
    if (!box) continue;
    if (box.kind === 'single') {
      positions[c.name] = { x: box.x, y: box.y };
      continue;
    }
    const offset = replicaOffset(c.replica - 1, box.columns, width, height);
    positions[c.name] = { x: box.x + offset.x, y: box.y + offset.y };
  }
  let maxX = 0;
  let maxY = 0;
  for (const box of boxes) {
    maxX = Math.max(maxX, box.x + box.width);
    maxY = Math.max(maxY, box.y + box.height);
  }
  return { positions, services: boxes, width: maxX, height: maxY };
}
