/**
 * Statechart shorthand for drawing: when every child of a compound state has the same
 * transition (same label, same target outside the compound), draw it once, from the
 * compound's border (`running --docker stop--> stopped` instead of one arrow from `up`
 * and one from `restarting`). The transitions keep their real sources.
 */
import type { EventObject } from 'xstate';
import type { ChartEdge, ChartNode, ChartTransition, StateChart } from './types';

function isWithin(id: string, ancestor: string, byId: ReadonlyMap<string, ChartNode>): boolean {
  for (let n = byId.get(id); n; n = n.parent === null ? undefined : byId.get(n.parent)) if (n.id === ancestor) return true;
  return false;
}

/** Edges for drawing: shared transitions of all children of a compound state moved up to it. */
export function hoistSharedTransitions<TEvent extends EventObject>(chart: StateChart<TEvent>): Array<ChartEdge<TEvent>> {
  const byId = new Map(chart.nodes.map((n) => [n.id, n]));
  const moved = new Map<string, string>(); // transition id → new source (the compound)
  const all = chart.edges.flatMap((e) => [...e.transitions]);
  const compounds = chart.nodes.filter((n) => n.id !== chart.rootId && chart.nodes.some((c) => c.parent === n.id));
  for (const group of compounds) {
    const children = chart.nodes.filter((c) => c.parent === group.id);
    if (children.length < 2) continue;
    const fromChild = (child: ChartNode) =>
      all.filter((t) => t.source === child.id && !t.targetless && !isWithin(t.target, group.id, byId));
    const [first, ...others] = children.map(fromChild);
    for (const t of first ?? []) {
      const same = others.map((list) => list.find((o) => o.label === t.label && o.target === t.target));
      if (same.every((o) => o !== undefined)) for (const o of [t, ...same]) if (o) moved.set(o.id, group.id);
    }
  }
  // Settings every state of the machine accepts without changing state (a probe knob,
  // `docker update`, `docker rename`) say nothing about the lifecycle: the buttons list them, the drawing does not.
  const topLevel = chart.nodes.filter((n) => n.parent === chart.rootId && n.type !== 'final');
  const everywhere = (t: ChartTransition<TEvent>) =>
    t.targetless &&
    topLevel.every((n) => all.some((o) => o.targetless && o.eventType === t.eventType && (o.source === n.id || isWithin(o.source, n.id, byId) || isWithin(n.id, o.source, byId))));
  const edges = new Map<string, { source: string; target: string; transitions: Array<ChartTransition<TEvent>> }>();
  for (const t of all) {
    if (everywhere(t)) continue;
    const source = moved.get(t.id) ?? t.source;
    const id = `${source}->${t.target}`;
    const edge = edges.get(id) ?? { source, target: t.target, transitions: [] };
    edge.transitions.push(t);
    edges.set(id, edge);
  }
  return [...edges].map(([id, edge]) => ({ id, ...edge }));
}
