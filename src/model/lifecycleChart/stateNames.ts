/**
 * Names of states as the chart's buttons say them: the state's key, except that the
 * initial child of a compound state goes by its parent's name (`running.up` is "running",
 * `running.restarting` is "restarting"), and the root is "any state".
 */
import type { ChartNode, StateChart } from './types';

/** The reader's name for state `id` in `chart` (the id itself when unknown). */
export function stateName(chart: StateChart, id: string): string {
  const byId = new Map<string, ChartNode>(chart.nodes.map((n) => [n.id, n]));
  let node = byId.get(id);
  if (!node) return id;
  if (node.id === chart.rootId) return 'any state';
  while (node.initial && node.parent !== null && node.parent !== chart.rootId) {
    const parent = byId.get(node.parent);
    if (!parent) break;
    node = parent;
  }
  return node.key;
}

/** The full path of a state for display: `running › up`. */
export function statePath(chart: StateChart, id: string): string {
  const node = chart.nodes.find((n) => n.id === id);
  return node && node.path.length > 0 ? node.path.join(' › ') : id;
}
