/**
 * Left-to-right layout of an architecture with dagre: dependents on the left, their
 * dependencies to the right. dagre places services; a service's replicas are stacked
 * (or, when the drawing would be too tall, in a grid) inside one group box, and edges
 * to or from a replicated service end at its group;
 * a service without containers (inactive profile, scaled to 0) is one placeholder box.
 * Ranks much taller than the canvas's shape are folded into sub-columns, and drawings much
 * wider than it (a long chain) wrap into bands. Pure: spec in, positions out.
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
/** Vertical gap between two bands of a wrapped drawing, px (room for the edges that go back to the left). */
const BAND_GAP = 64;
/** Most sub-columns one rank is folded into, and most bands a drawing is wrapped into. */
const MAX_SUB_COLUMNS = 16;
const MAX_BANDS = 12;
/** Fewest ranks a drawing must have to be wrapped into bands. */
const MIN_WRAPPED_RANKS = 8;

/** One rank (column) after folding: its boxes' corners relative to the rank's own top-left. */
interface RankBlock {
  corners: Array<{ name: string; x: number; y: number }>;
  width: number;
  height: number;
  /** dagre's top of the rank (unfolded ranks keep dagre's vertical placement). */
  top: number;
  folded: boolean;
}

/**
 * Folds one rank into `columns` sub-columns in a brick pattern, so edges from the left
 * reach the right sub-columns through the gaps. One column keeps dagre's spacing unless `compact`: beside
 * folded ranks, dagre's spread (made to face a rank 170 boxes tall) would set the height.
 */
function foldRank(rank: Placed[], columns: number, nodeSep: number, compact: boolean): RankBlock {
  const columnWidth = Math.max(...rank.map((p) => p.width));
  const top = Math.min(...rank.map((p) => p.cy - p.height / 2));
  let ys: number[];
  let xs = rank.map(() => 0);
  if (columns === 1 && !compact) {
    ys = rank.map((p) => p.cy - p.height / 2 - top);
  } else {
    // Masonry: each box goes to the sub-column that ends highest (ties: the leftmost), the
    // sub-columns starting a brick's fraction apart. Equal boxes make the brick pattern;
    // a tall replica group lengthens only its own sub-column.
    const mean = rank.reduce((sum, p) => sum + p.height, 0) / rank.length;
    const bottoms = Array.from({ length: columns }, (_, c) => (c * (mean + nodeSep)) / columns - nodeSep);
    ys = [];
    xs = [];
    for (const p of rank) {
      let column = 0;
      for (let c = 1; c < columns; c++) if (bottoms[c]! < bottoms[column]! - 0.5) column = c;
      const y = bottoms[column]! + nodeSep;
      ys.push(y);
      xs.push(column);
      bottoms[column] = y + p.height;
    }
  }
  const corners = rank.map((p, i) => ({
    name: p.name,
    x: xs[i]! * (columnWidth + SUB_COLUMN_GAP) + (columnWidth - p.width) / 2,
    y: ys[i]!,
  }));
  return {
    corners,
    width: columns * columnWidth + (columns - 1) * SUB_COLUMN_GAP,
    height: Math.max(...rank.map((p, i) => ys[i]! + p.height)),
    top,
    folded: columns > 1,
  };
}

/** Sub-columns of each rank so that no rank is taller than about `limit` (only long ranks fold). */
function columnsFor(ranks: Placed[][], limit: number, nodeSep: number): number[] {
  return ranks.map((rank) => {
    // Only a long rank folds (4+ boxes, 2+ per sub-column): folding a short one just
    // puts a box in the way of its neighbour's edges.
    if (rank.length < 4) return 1;
    const total = rank.reduce((sum, p) => sum + p.height, 0) + (rank.length - 1) * nodeSep;
    return Math.max(1, Math.min(Math.floor(rank.length / 2), MAX_SUB_COLUMNS, Math.ceil(total / limit - 1e-9)));
  });
}

/**
 * Places rank blocks left to right, wrapping them into `bands` rows of about equal width
 * (a long chain becomes several rows read like text; ranks keep their order). Within a
 * band, unfolded ranks keep dagre's vertical placement; once any rank is folded, every
 * rank is centred on the band's middle line (a compact band rather than a diagonal).
 * Returns top-left corners and the drawing's size.
 */
function placeBlocks(
  blocks: RankBlock[],
  bands: number,
  rankSep: number,
): { corners: Map<string, Point>; width: number; height: number } {
  const total = blocks.reduce((sum, b) => sum + b.width, 0) + (blocks.length - 1) * rankSep;
  const target = total / bands;
  const rows: RankBlock[][] = [[]];
  let rowWidth = 0;
  for (const block of blocks) {
    const row = rows[rows.length - 1]!;
    const added = (row.length ? rankSep : 0) + block.width;
    // A new band when this block would overshoot the target by more than half of itself.
    if (row.length && rows.length < bands && rowWidth + added - target > block.width / 2) {
      rows.push([block]);
      rowWidth = block.width;
      continue;
    }
    row.push(block);
    rowWidth += added;
  }
  const corners = new Map<string, Point>();
  let bandTop = 0;
  let width = 0;
  for (const row of rows) {
    const folded = row.some((b) => b.folded);
    const middle = Math.max(...row.map((b) => b.height)) / 2;
    const dagreTop = Math.min(...row.map((b) => b.top));
    const offsets = row.map((b) => (folded ? middle - b.height / 2 : b.top - dagreTop));
    let cursor = 0;
    let bottom = 0;
    row.forEach((block, i) => {
      for (const c of block.corners) corners.set(c.name, { x: Math.round(cursor + c.x), y: Math.round(bandTop + offsets[i]! + c.y) });
      bottom = Math.max(bottom, offsets[i]! + block.height);
      cursor += block.width + rankSep;
    });
    width = Math.max(width, cursor - rankSep);
    bandTop += bottom + BAND_GAP;
  }
  return { corners, width: Math.round(width), height: Math.round(bandTop - BAND_GAP) };
}

/** Positions every container and service box of `spec` so that no two boxes overlap. */
export function layoutArchitecture(spec: ArchitectureSpec, options: LayoutOptions = {}): ArchitectureLayout {
  const width = options.nodeWidth ?? NODE_WIDTH;
  const height = options.nodeHeight ?? NODE_HEIGHT;
  const rankSep = options.rankSep ?? 76;
  const nodeSep = options.nodeSep ?? 28;
  const aspect = options.aspectRatio ?? 2;
  const { containers, services, serviceLinks } = architectureGraph(spec);
  /** How large a canvas of that shape draws a layout (the zoom that fits it, per unit of the canvas's height). */
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
    // Candidates: each rank folded into 1…MAX_SUB_COLUMNS sub-columns, the ranks wrapped into
    // 1…MAX_BANDS bands; the one drawn biggest on a canvas of the given shape wins. A fold
    // or a wrap must earn its place: 5 % more zoom than the simpler drawing.
    let best = placeBlocks(ranks.map((r) => foldRank(r, 1, nodeSep, false)), 1, rankSep);
    const seen = new Set<string>();
    for (let k = 1; k <= MAX_SUB_COLUMNS; k++) {
      const columns = columnsFor(ranks, tallest / k, nodeSep);
      const key = columns.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      const compact = columns.some((c) => c > 1);
      const blocks = ranks.map((r, i) => foldRank(r, columns[i]!, nodeSep, compact));
      // Only a long chain of ranks wraps (8+, 4+ a band): a short one reads better in one row.
      const maxBands = ranks.length >= MIN_WRAPPED_RANKS ? Math.min(MAX_BANDS, Math.floor(ranks.length / 4)) : 1;
      for (let bands = 1; bands <= maxBands; bands++) {
        if (k === 1 && bands === 1) continue;
        const candidate = placeBlocks(blocks, bands, rankSep);
        if (score(candidate) > score(best) * 1.05) best = candidate;
      }
    }
    const folded = best;
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
