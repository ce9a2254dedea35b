/**
 * Positions for a state chart, computed with dagre (pure: a chart and text sizes in, boxes
 * and polylines out). Layout is hierarchical: each compound state's children are laid out
 * on their own, and the compound then takes part in its parent's layout as one box, so
 * arrows to a compound state end on its border and labels stay beside their arrows. An
 * arrow from or to a state deeper inside a compound is extended from the compound's border
 * to that state.
 */
import dagre from '@dagrejs/dagre';
import { extendToDeepEnds, loopPoints } from './edgeRouting';
import type { Box, Point } from './geometry';
import type { ChartEdge, ChartNode, StateChart } from './types';

/** Font metrics the layout assumes; the view must draw with the same sizes. */
export const CHART_TEXT = {
  /** State name: px size and average advance per character (sans-serif, medium weight). */
  nameSize: 12,
  nameAdvance: 7.2,
  /** Caption and edge labels (monospace): px size and advance per character. */
  smallSize: 10,
  smallAdvance: 6.1,
  /** Line height of edge labels, px. */
  labelLine: 12,
  /** Height of a compound state's title strip, px. */
  groupTitle: 18,
} as const;

/** A state's box. */
export interface NodeLayout extends Box {
  id: string;
  /** A compound state drawn as a group around its children. */
  group: boolean;
}

/** An arrow: a polyline (source to target) and where its label sits. */
export interface EdgeLayout {
  id: string;
  points: Point[];
  /** Label box, `null` when there is no label. */
  label: Box | null;
  /** Source and target are the same state (a loop on its right side). */
  loop: boolean;
}

/** The small filled circle of an initial state and its arrow. */
interface InitialLayout {
  /** The compound (or root) state whose initial child it points to. */
  of: string;
  centre: Point;
  points: Point[];
}

/** Laid-out chart, in px at scale 1, origin at the top-left. */
export interface ChartLayout {
  width: number;
  height: number;
  nodes: NodeLayout[];
  edges: EdgeLayout[];
  initials: InitialLayout[];
}

/** Layout options. */
export interface LayoutOptions {
  /**
   * Rank direction of the top level; default `TB` (fits a narrow side panel). Children of
   * compound states are always stacked top to bottom, which keeps arrows that leave a
   * child clear of its siblings in both directions.
   */
  rankdir?: 'TB' | 'LR';
  /** Label lines of an edge, for sizing; default: its transitions' labels, no repeats. */
  edgeLines?: (edge: ChartEdge) => string[];
  /** Space between neighbours in a rank, px; default 12. */
  nodesep?: number;
  /** Space between ranks, px; default 28. */
  ranksep?: number;
}

const MARGIN = 6;
const GROUP_PAD = 10;
const DOT = 8;

interface Level {
  width: number;
  height: number;
  nodes: NodeLayout[];
  edges: Array<EdgeLayout & { edge: ChartEdge }>;
  initials: InitialLayout[];
}

interface Context {
  chart: StateChart;
  byId: ReadonlyMap<string, ChartNode>;
  children: ReadonlyMap<string, ChartNode[]>;
  edges: readonly ChartEdge[];
  lines: (edge: ChartEdge) => string[];
  options: LayoutOptions;
}

function nodeSize(node: ChartNode): { width: number; height: number } {
  const name = node.key.length * CHART_TEXT.nameAdvance;
  const caption = node.caption ? node.caption.length * CHART_TEXT.smallAdvance : 0;
  // Room on the left for the current-state marker.
  return { width: Math.ceil(Math.max(60, name + 38, caption + 24)), height: node.caption ? 38 : 28 };
}

function labelSize(text: readonly string[]): { width: number; height: number } {
  if (text.length === 0) return { width: 0, height: 0 };
  return { width: Math.ceil(Math.max(...text.map((l) => l.length * CHART_TEXT.smallAdvance)) + 6), height: text.length * CHART_TEXT.labelLine + 3 };
}

/** The child of `group` that is or contains `id`; `null` when `id` is not inside `group`. */
function memberOf(id: string, group: string, byId: ReadonlyMap<string, ChartNode>): string | null {
  for (let n = byId.get(id); n; n = n.parent === null ? undefined : byId.get(n.parent)) if (n.parent === group) return n.id;
  return null;
}

function translate<T extends Point>(p: T, dx: number, dy: number): T {
  return { ...p, x: p.x + dx, y: p.y + dy };
}

/** Lays out the members of `group` (recursively), positions relative to the level's origin. */
function layoutLevel(group: string, ctx: Context): Level {
  const members = ctx.children.get(group) ?? [];
  const inner = new Map<string, Level>();
  const g = new dagre.graphlib.Graph({ multigraph: true });
  // Tight edge spacing and down-left alignment keep the container chart ~320 px wide.
  g.setGraph({ rankdir: group === ctx.chart.rootId ? (ctx.options.rankdir ?? 'TB') : 'TB', nodesep: ctx.options.nodesep ?? 12, ranksep: ctx.options.ranksep ?? 28, edgesep: 2, align: 'DL', marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const m of members) {
    if ((ctx.children.get(m.id)?.length ?? 0) > 0) {
      const sub = layoutLevel(m.id, ctx);
      inner.set(m.id, sub);
      g.setNode(m.id, { width: sub.width + 2 * GROUP_PAD, height: sub.height + CHART_TEXT.groupTitle + GROUP_PAD });
    } else g.setNode(m.id, nodeSize(m));
  }
  const initial = members.find((m) => m.initial);
  if (initial) {
    g.setNode(`initial:${group}`, { width: DOT, height: DOT });
    g.setEdge(`initial:${group}`, initial.id, { minlen: 1, weight: 2 }, `initial:${group}`);
  }
  const here: Array<{ edge: ChartEdge; v: string; w: string }> = [];
  for (const edge of ctx.edges) {
    const v = memberOf(edge.source, group, ctx.byId);
    const w = memberOf(edge.target, group, ctx.byId);
    if (v === null || w === null) continue;
    if (v === w && !(edge.source === v && edge.target === v)) continue; // inside a member: laid out there
    here.push({ edge, v, w });
    g.setEdge(v, w, { ...labelSize(ctx.lines(edge)), labelpos: 'c' }, edge.id);
  }
  dagre.layout(g);

  const boxOf = (id: string): Box => {
    const n = g.node(id) as { x: number; y: number; width: number; height: number };
    return { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height };
  };
  const level: Level = { width: 0, height: 0, nodes: [], edges: [], initials: [] };
  for (const m of members) {
    const box = boxOf(m.id);
    const sub = inner.get(m.id);
    level.nodes.push({ id: m.id, group: sub !== undefined, ...box });
    if (sub) {
      const dx = box.x + GROUP_PAD;
      const dy = box.y + CHART_TEXT.groupTitle;
      level.nodes.push(...sub.nodes.map((n) => translate(n, dx, dy)));
      level.edges.push(...sub.edges.map((e) => ({ ...e, points: e.points.map((p) => translate(p, dx, dy)), label: e.label && translate(e.label, dx, dy) })));
      level.initials.push(...sub.initials.map((i) => ({ ...i, centre: translate(i.centre, dx, dy), points: i.points.map((p) => translate(p, dx, dy)) })));
    }
  }
  for (const { edge, v, w } of here) {
    const data = g.edge({ v, w, name: edge.id }) as { points?: Point[]; x?: number; y?: number; width: number; height: number };
    const label = data.width > 0 && data.x !== undefined && data.y !== undefined ? { x: data.x - data.width / 2, y: data.y - data.height / 2, width: data.width, height: data.height } : null;
    const loop = v === w;
    level.edges.push({ id: edge.id, edge, label, loop, points: loop ? loopPoints(boxOf(v), label) : (data.points ?? []) });
  }
  if (initial) {
    const dot = boxOf(`initial:${group}`);
    const data = g.edge({ v: `initial:${group}`, w: initial.id, name: `initial:${group}` }) as { points?: Point[] };
    level.initials.push({ of: group, centre: { x: dot.x + dot.width / 2, y: dot.y + dot.height / 2 }, points: data.points ?? [] });
  }
  const graph = g.graph() as { width?: number; height?: number };
  level.width = graph.width ?? 0;
  level.height = graph.height ?? 0;
  return level;
}

/**
 * Lays out `chart`. The root is the canvas (not drawn); transitions defined on the root
 * have no box to start from and are left out of `edges`.
 */
export function layoutChart(chart: StateChart, options: LayoutOptions = {}): ChartLayout {
  const byId = new Map(chart.nodes.map((n) => [n.id, n]));
  const children = new Map<string, ChartNode[]>();
  for (const n of chart.nodes) if (n.parent !== null) children.set(n.parent, [...(children.get(n.parent) ?? []), n]);
  const lines = options.edgeLines ?? ((edge: ChartEdge) => [...new Set(edge.transitions.map((t) => t.label))]);
  const level = layoutLevel(chart.rootId, { chart, byId, children, edges: chart.edges, lines, options });
  const moved = (p: Point) => translate(p, MARGIN, MARGIN);
  const nodes = level.nodes.map((n) => translate(n, MARGIN, MARGIN));
  const boxes = new Map(nodes.map((n) => [n.id, n]));
  const edges = level.edges.map((e) => {
    const shifted = { ...e, points: e.points.map(moved), label: e.label && translate(e.label, MARGIN, MARGIN) };
    const points = extendToDeepEnds(shifted.points, boxes.get(e.edge.source), boxes.get(e.edge.target), e.loop);
    return { id: e.id, label: shifted.label, loop: e.loop, points };
  });
  const initials = level.initials.map((i) => ({ of: i.of, centre: moved(i.centre), points: i.points.map(moved) }));
  return { width: Math.ceil(level.width + 2 * MARGIN), height: Math.ceil(level.height + 2 * MARGIN), nodes, edges, initials };
}
