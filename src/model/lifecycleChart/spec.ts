/**
 * What `chartFromMachine` needs besides the machine: how to turn an event type into
 * concrete events (guards look at payloads), where to evaluate guards, and how to name
 * things. The defaults work for any machine; `containerChartSpec` fills them for Docker.
 */
import type { AnyMachineSnapshot, AnyStateMachine, AnyStateNode, EventObject, MachineContext } from 'xstate';
import type { TransitionKind } from './types';

/** What a label is made from. */
export interface LabelInput<TEvent extends EventObject> {
  kind: TransitionKind;
  eventType: string;
  /** The concrete event (`null` for delayed and eventless transitions). */
  event: TEvent | null;
  delay: string | number | null;
  guard: string | null;
}

/** How to derive a chart from a machine. */
export interface ChartSpec<TEvent extends EventObject = EventObject> {
  /** The machine whose definition (`machine.root`) is drawn. */
  machine: AnyStateMachine;
  /**
   * Concrete events to try for an event type, simplest first (e.g. `remove` →
   * `[{ type: 'remove' }, { type: 'remove', force: true }]`). Default: `[{ type }]`.
   */
  candidateEvents?: (eventType: string) => readonly TEvent[];
  /**
   * Contexts in which guards are evaluated to find the event that takes each transition
   * (e.g. one container per restart policy). Default: the machine's static context, or `{}`.
   */
  contexts?: readonly MachineContext[];
  /** Label of a transition. Default: the event type, `after <delay>` or `always`. */
  label?: (input: LabelInput<TEvent>) => string;
  /** Status word of a state, for colouring, given a snapshot resolved to it. Default: none. */
  status?: (node: AnyStateNode, snapshot: AnyMachineSnapshot | null) => string | null;
  /**
   * Extra line under a state's name, given a snapshot resolved to that state (in the first
   * context). Default: none.
   */
  caption?: (node: AnyStateNode, snapshot: AnyMachineSnapshot | null) => string | null;
}

/** `candidateEvents` with its default. */
export function candidatesOf<TEvent extends EventObject>(spec: ChartSpec<TEvent>, eventType: string): readonly TEvent[] {
  const candidates = spec.candidateEvents?.(eventType) ?? [];
  return candidates.length > 0 ? candidates : [{ type: eventType } as TEvent];
}

/** The part of a spec that does not depend on the event type. */
export type MachineSource = Pick<ChartSpec, 'machine' | 'contexts'>;

/** `contexts` with its default. */
export function contextsOf(spec: MachineSource): readonly MachineContext[] {
  if (spec.contexts && spec.contexts.length > 0) return spec.contexts;
  const configured: unknown = spec.machine.config.context;
  return [typeof configured === 'object' && configured !== null ? (configured as MachineContext) : {}];
}

/** `label` with its default. */
export function labelOf<TEvent extends EventObject>(spec: ChartSpec<TEvent>, input: LabelInput<TEvent>): string {
  if (spec.label) return spec.label(input);
  if (input.kind === 'delayed') return typeof input.delay === 'number' ? `after ${input.delay} ms` : `after ${String(input.delay)}`;
  if (input.kind === 'eventless') return 'always';
  return input.event?.type ?? input.eventType;
}
