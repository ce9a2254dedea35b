/**
 * The lifecycle chart's list under the diagram, for one container snapshot: every
 * transition leaving the current state, with the event a click sends, whether it can fire
 * now, and why not, in Docker's words (`disabledReason`). Plain data, so a React selector
 * can compare it as a string.
 */
import { disabledReason, type ContainerEvent, type ContainerSnapshot } from '../../../machines';
import { containerChart, containerChartSpec } from './containerChart';
import { liveTransitions, type LiveTransition } from './liveTransitions';
import { stateName } from './stateNames';
import { activeStateIds } from './stateValue';
import type { StateChart, TransitionKind } from './types';

/** One row of the list. */
export interface TransitionRow {
  /** The chart transition's id. */
  id: string;
  /** The chart edge it is drawn on. */
  edgeId: string;
  kind: TransitionKind;
  /** Docker's name for it (`docker rm -f`, `crash`, `back-off elapsed`). */
  label: string;
  /** Reader's names of its source and target (see `stateName`). */
  from: string;
  to: string;
  /** What a click sends; `null` for automatic (delayed, eventless) transitions. */
  event: ContainerEvent | null;
  /**
   * It can fire now: `snapshot.can(event)` and the machine takes exactly this branch.
   * For automatic transitions: armed (fires when its timer does).
   */
  enabled: boolean;
  /** Why it cannot fire now (Docker's reason first); `null` when enabled. */
  reason: string | null;
  guard: string | null;
  /** Automatic transitions: the current delay, ms. */
  delayMs: number | null;
}

function reasonFor(chart: StateChart<ContainerEvent>, snapshot: ContainerSnapshot, live: LiveTransition<ContainerEvent>): string | null {
  if (live.enabled) return null;
  if (live.event === null) return live.transition.guard ? `guard ${live.transition.guard} is false for this container` : null;
  const docker = disabledReason(snapshot, live.event);
  if (docker) return docker;
  const other = live.instead[0];
  if (other) {
    const why = other.guard ? ` (guard ${other.guard} holds)` : '';
    return `for this container, ${live.label} goes to ${stateName(chart, other.target)} instead${why}`;
  }
  return live.transition.guard ? `guard ${live.transition.guard} is false for this container` : 'not accepted in this state';
}

/** Rows for every transition leaving `snapshot`'s state, innermost state first. */
export function containerTransitionRows(snapshot: ContainerSnapshot): TransitionRow[] {
  const chart = containerChart();
  const edgeOf = new Map(chart.edges.flatMap((e) => e.transitions.map((t) => [t.id, e.id] as const)));
  const active = activeStateIds(containerChartSpec.machine.root, snapshot.value);
  const here = stateName(chart, active[active.length - 1] ?? chart.rootId);
  // A transition defined on the root applies in every state: it leaves the current one.
  const nameOf = (id: string) => (id === chart.rootId ? here : stateName(chart, id));
  return liveTransitions(containerChartSpec, chart, snapshot).map((live) => ({
    id: live.transition.id,
    edgeId: edgeOf.get(live.transition.id) ?? '',
    kind: live.transition.kind,
    label: live.label,
    from: nameOf(live.transition.source),
    to: nameOf(live.transition.target),
    event: live.event,
    enabled: live.enabled,
    reason: reasonFor(chart, snapshot, live),
    guard: live.transition.guard,
    delayMs: live.delayMs,
  }));
}

/**
 * The accessible name of a row's button: `Fire docker stop → stopped (from running)`. It
 * contains the button's visible text (`docker stop → stopped`) in order, outside the
 * parentheses, so speech-input users can say what they see (WCAG 2.5.3).
 */
export function fireButtonName(row: Pick<TransitionRow, 'label' | 'from' | 'to'>): string {
  return `Fire ${row.label} → ${row.to} (from ${row.from})`;
}
