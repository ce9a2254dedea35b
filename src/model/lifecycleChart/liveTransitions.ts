/**
 * The chart's transitions as they stand for one snapshot: which leave the current state,
 * which concrete event takes each one for this actor's context, and whether it can fire.
 */
import type { AnyMachineSnapshot, AnyStateMachine, EventObject } from 'xstate';
import { chartTransitions } from './chartFromMachine';
import { takenTransitionKeys } from './definitions';
import { candidatesOf, labelOf, type ChartSpec } from './spec';
import { activeStateIds } from './stateValue';
import type { ChartTransition, StateChart } from './types';

/** One transition leaving the current state. */
export interface LiveTransition<TEvent extends EventObject = EventObject> {
  transition: ChartTransition<TEvent>;
  /**
   * The event to send: the first candidate that the machine answers with exactly this
   * transition in this snapshot, else the chart's event. `null` when not clickable
   * (delayed, eventless).
   */
  event: TEvent | null;
  /** The label for `event` (e.g. `docker kill -s SIGWINCH` where SIGHUP would be fatal). */
  label: string;
  /**
   * `snapshot.can(event)` and the machine would take this very transition; for a delayed
   * transition, whether it is armed (its guard holds, so it fires when the timer does).
   */
  enabled: boolean;
  /** `snapshot.can(event)` (the machine accepts the event, maybe by another branch). */
  accepted: boolean;
  /** When accepted by another branch: the transitions the machine takes instead. */
  instead: ReadonlyArray<ChartTransition<TEvent>>;
  /** For a delayed transition: its delay now, ms (`null` when unknown). */
  delayMs: number | null;
}

/** The current value of an `after` delay: a number, or the machine's named delay for this snapshot. */
function delayMs(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, delay: string | number | null): number | null {
  if (typeof delay === 'number') return delay;
  if (delay === null) return null;
  const implementation: unknown = (machine.implementations.delays as Record<string, unknown>)[delay];
  if (typeof implementation === 'number') return implementation;
  if (typeof implementation !== 'function') return null;
  try {
    const ms: unknown = implementation({ context: snapshot.context, event: { type: 'xstate.chart' }, self: undefined });
    return typeof ms === 'number' && Number.isFinite(ms) ? ms : null;
  } catch {
    return null;
  }
}

function depthOf(id: string, active: readonly string[]): number {
  return active.indexOf(id);
}

/**
 * Transitions defined on the active state nodes of `snapshot` (the deepest state's first,
 * as XState checks them), each with the event that would take it now.
 */
export function liveTransitions<TEvent extends EventObject>(
  spec: ChartSpec<TEvent>,
  chart: StateChart<TEvent>,
  snapshot: AnyMachineSnapshot,
): Array<LiveTransition<TEvent>> {
  if (snapshot.status !== 'active') return [];
  const active = activeStateIds(spec.machine.root, snapshot.value);
  const all = chartTransitions(chart);
  const byId = new Map(all.map((t) => [t.id, t]));
  const leaving = all
    .filter((t) => active.includes(t.source))
    .sort((a, b) => depthOf(b.source, active) - depthOf(a.source, active));
  return leaving.map((transition) => {
    if (transition.event === null) {
      // Automatic: "enabled" means armed, i.e. the machine takes it when its timer fires.
      const armed = transition.kind === 'delayed' && takenTransitionKeys(spec.machine, snapshot, { type: transition.eventType }).includes(transition.id);
      const ms = delayMs(spec.machine, snapshot, transition.delay);
      return { transition, event: null, label: transition.label, enabled: armed, accepted: armed, instead: [], delayMs: ms };
    }
    const takes = (event: TEvent) => takenTransitionKeys(spec.machine, snapshot, event).includes(transition.id);
    const found = candidatesOf(spec, transition.eventType).find((c) => snapshot.can(c) && takes(c));
    const event = found ?? transition.event;
    const accepted = snapshot.can(event);
    const instead =
      found || !accepted
        ? []
        : takenTransitionKeys(spec.machine, snapshot, event)
            .map((key) => byId.get(key))
            .filter((t): t is ChartTransition<TEvent> => t !== undefined);
    const label = labelOf(spec, { kind: transition.kind, eventType: transition.eventType, event, delay: null, guard: transition.guard });
    return { transition, event, label, enabled: found !== undefined, accepted, instead, delayMs: null };
  });
}
