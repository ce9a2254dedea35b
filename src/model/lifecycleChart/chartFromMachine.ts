/**
 * A machine's state chart, derived from its definition: a walk of `machine.root`
 * (`StateNode.states`, `.type`, `.id`, `.path`, `.initial`), its transitions
 * (`StateNode.transitions`, `.after`, `.always`: `target`, `guard`, `reenter`) and, for
 * the event a click sends, the machine itself (`resolveState` + `getTransitionData`).
 * Nothing about the states or transitions is written here: a state added to the machine
 * appears in the chart.
 */
import type { AnyMachineSnapshot, AnyStateNode, EventObject, MachineContext } from 'xstate';
import { definitionsOf, takenTransitionKeys, transitionKey, type DefinitionEntry } from './definitions';
import { guardName } from './guardName';
import { candidatesOf, contextsOf, labelOf, type ChartSpec, type MachineSource } from './spec';
import { stateValueOf } from './stateValue';
import type { ChartEdge, ChartNode, ChartTransition, StateChart } from './types';

/**
 * A snapshot of `spec.machine` in `node` with `context` (`machine.resolveState`; the root
 * resolves to the initial state); `null` if XState refuses.
 */
function snapshotIn(spec: MachineSource, node: AnyStateNode, context: MachineContext): AnyMachineSnapshot | null {
  try {
    return spec.machine.resolveState({ value: stateValueOf(node.path), context });
  } catch {
    return null;
  }
}

function initialChildId(node: AnyStateNode): string | null {
  if (node.type !== 'compound') return null;
  return node.initial.target[0]?.id ?? null;
}

function walk<TEvent extends EventObject>(node: AnyStateNode, parent: AnyStateNode | null, spec: ChartSpec<TEvent>, out: ChartNode[]): void {
  const first = contextsOf(spec)[0] ?? {};
  const snapshot = spec.status || spec.caption ? snapshotIn(spec, node, first) : null;
  out.push({
    id: node.id,
    key: node.key,
    path: [...node.path],
    parent: parent?.id ?? null,
    type: node.type,
    initial: parent !== null && initialChildId(parent) === node.id,
    status: spec.status ? spec.status(node, snapshot) : null,
    caption: spec.caption ? spec.caption(node, snapshot) : null,
  });
  for (const child of Object.values(node.states) as AnyStateNode[]) walk(child, node, spec, out);
}

/**
 * The event that makes the machine take `entry` from `node`: the first candidate event
 * for its type that, in some context, `getTransitionData` answers with exactly this
 * transition (so guards such as `isForced` pick `{ type: 'remove', force: true }`).
 * Falls back to the first candidate when no context reaches this branch.
 */
function clickEvent<TEvent extends EventObject>(spec: ChartSpec<TEvent>, node: AnyStateNode, entry: DefinitionEntry): TEvent {
  const key = transitionKey(node.id, entry.eventType, entry.branch);
  const snapshots = contextsOf(spec)
    .map((context) => snapshotIn(spec, node, context))
    .filter((s): s is AnyMachineSnapshot => s !== null);
  const candidates = candidatesOf(spec, entry.eventType);
  for (const candidate of candidates) {
    if (snapshots.some((s) => takenTransitionKeys(spec.machine, s, candidate).includes(key))) return candidate;
  }
  return candidates[0] as TEvent;
}

function transitionsOf<TEvent extends EventObject>(spec: ChartSpec<TEvent>, node: AnyStateNode): Array<ChartTransition<TEvent>> {
  return definitionsOf(node).map((entry) => {
    const target: AnyStateNode | undefined = entry.definition.target?.[0];
    const event = entry.kind === 'event' ? clickEvent(spec, node, entry) : null;
    const guard = guardName(entry.definition.guard);
    return {
      id: transitionKey(node.id, entry.eventType, entry.branch),
      source: node.id,
      target: target?.id ?? node.id,
      targetless: target === undefined,
      reenter: entry.definition.reenter,
      kind: entry.kind,
      eventType: entry.eventType,
      branch: entry.branch,
      guard,
      delay: entry.delay,
      event,
      label: labelOf(spec, { kind: entry.kind, eventType: entry.eventType, event, delay: entry.delay, guard }),
    };
  });
}

function mergeByPair<TEvent extends EventObject>(transitions: ReadonlyArray<ChartTransition<TEvent>>): Array<ChartEdge<TEvent>> {
  const edges = new Map<string, { source: string; target: string; transitions: Array<ChartTransition<TEvent>> }>();
  for (const t of transitions) {
    const id = `${t.source}->${t.target}`;
    const edge = edges.get(id) ?? { source: t.source, target: t.target, transitions: [] };
    edge.transitions.push(t);
    edges.set(id, edge);
  }
  return [...edges].map(([id, edge]) => ({ id, ...edge }));
}

/**
 * The state chart of `spec.machine`: one node per state node (root first, depth-first in
 * document order) and one edge per pair of states with transitions between them, each
 * listing its transitions (event type, guard, target, label, click event) in definition
 * order. Pure: the machine is only asked, never run.
 */
export function chartFromMachine<TEvent extends EventObject>(spec: ChartSpec<TEvent>): StateChart<TEvent> {
  const root: AnyStateNode = spec.machine.root;
  const nodes: ChartNode[] = [];
  walk(root, null, spec, nodes);
  const transitions: Array<ChartTransition<TEvent>> = [];
  const visit = (node: AnyStateNode): void => {
    transitions.push(...transitionsOf(spec, node));
    for (const child of Object.values(node.states) as AnyStateNode[]) visit(child);
  };
  visit(root);
  return { rootId: root.id, nodes, edges: mergeByPair(transitions) };
}

/** Every transition of a chart, flattened in edge order. */
export function chartTransitions<TEvent extends EventObject>(chart: StateChart<TEvent>): Array<ChartTransition<TEvent>> {
  return chart.edges.flatMap((edge) => [...edge.transitions]);
}
