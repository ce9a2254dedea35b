/**
 * The state chart of a machine as plain data: what `chartFromMachine` derives from a
 * machine definition and what the lifecycle chart view draws. No XState objects inside,
 * so a chart can be compared, serialised and laid out without the machine.
 */
import type { EventObject } from 'xstate';

/** XState's `StateNode.type`. */
type ChartNodeType = 'atomic' | 'compound' | 'parallel' | 'final' | 'history';

/** One state node of the definition (the root included, as the chart's frame). */
export interface ChartNode {
  /** `StateNode.id`, e.g. `container.running.up`. */
  id: string;
  /** `StateNode.key`, e.g. `up` (the machine id for the root). */
  key: string;
  /** `StateNode.path`, e.g. `['running', 'up']` (empty for the root). */
  path: readonly string[];
  /** Id of the parent state node; `null` for the root. */
  parent: string | null;
  type: ChartNodeType;
  /** The parent's `initial` child (entered when a transition targets the parent). */
  initial: boolean;
  /** A status word for colouring (the container chart: Docker's `State.Status`); `null` if none. */
  status: string | null;
  /** Extra line under the name (the container chart: Docker's status when it differs). */
  caption: string | null;
}

/**
 * How a transition is triggered:
 * `event` (someone sends it), `delayed` (`after`), `eventless` (`always`).
 */
export type TransitionKind = 'event' | 'delayed' | 'eventless';

/** One `TransitionDefinition` of the machine: one branch of one event in one state. */
export interface ChartTransition<TEvent extends EventObject = EventObject> {
  /** Stable id: `source|eventType|branch index|target`. */
  id: string;
  /** Id of the state node that defines it (`TransitionDefinition.source`). */
  source: string;
  /** Id of its target; the source itself for a targetless transition. */
  target: string;
  /** No target: actions only, the state does not change. */
  targetless: boolean;
  /** `reenter: true`: the target is exited and entered again. */
  reenter: boolean;
  kind: TransitionKind;
  /** `TransitionDefinition.eventType` (`xstate.after.<delay>.<id>` for delayed ones). */
  eventType: string;
  /** Position among the branches of the same event in the same state (0 = checked first). */
  branch: number;
  /** The guard as written (`isForced`, `validExitCode && policyRestarts`); `null` when unguarded. */
  guard: string | null;
  /** The `after` delay (a name or milliseconds); `null` unless `kind === 'delayed'`. */
  delay: string | number | null;
  /**
   * The concrete event a click sends to take this transition (e.g. `{ type: 'remove',
   * force: true }`); `null` when it cannot be sent (delayed, eventless).
   */
  event: TEvent | null;
  /** What to call it: a Docker command name (`docker stop`, `docker rm -f`, `crash`). */
  label: string;
}

/** Every transition between one pair of states, drawn as one arrow with several labels. */
export interface ChartEdge<TEvent extends EventObject = EventObject> {
  /** `source->target`. */
  id: string;
  source: string;
  target: string;
  /** In definition order; never empty. */
  transitions: ReadonlyArray<ChartTransition<TEvent>>;
}

/** A machine's state chart: every state node and every transition of its definition. */
export interface StateChart<TEvent extends EventObject = EventObject> {
  /** The root state node's id (the machine id). */
  rootId: string;
  /** Root first, then depth-first in document order. */
  nodes: readonly ChartNode[];
  edges: ReadonlyArray<ChartEdge<TEvent>>;
}
