/**
 * Reading transitions out of XState's `StateNode` API and asking the machine which
 * transition an event takes. Everything here works on any machine.
 */
import type { AnyMachineSnapshot, AnyStateMachine, AnyStateNode, AnyTransitionDefinition, EventObject } from 'xstate';
import type { TransitionKind } from './types';

/** One transition definition of a state node, with where it sits. */
export interface DefinitionEntry {
  definition: AnyTransitionDefinition;
  kind: TransitionKind;
  eventType: string;
  /** Index among the branches for the same event (or among `always`). */
  branch: number;
  delay: string | number | null;
}

/** A transition's stable key: `source|eventType|branch`. */
export function transitionKey(source: string, eventType: string, branch: number): string {
  return `${source}|${eventType}|${branch}`;
}

/**
 * Every transition defined directly on `node`, in document order: `node.transitions`
 * (event and `after` transitions; the latter are the ones listed in `node.after`), then
 * `node.always`.
 */
export function definitionsOf(node: AnyStateNode): DefinitionEntry[] {
  const delays = new Map<string, string | number>();
  for (const delayed of node.after) {
    const delay: unknown = delayed.delay;
    delays.set(delayed.eventType, typeof delay === 'number' || typeof delay === 'string' ? delay : 'delay');
  }
  const entries: DefinitionEntry[] = [];
  for (const [eventType, definitions] of node.transitions) {
    const delay = delays.get(eventType);
    definitions.forEach((definition, branch) => {
      entries.push({ definition, kind: delay === undefined ? 'event' : 'delayed', eventType, branch, delay: delay ?? null });
    });
  }
  (node.always ?? []).forEach((definition, branch) => {
    entries.push({ definition, kind: 'eventless', eventType: definition.eventType, branch, delay: null });
  });
  return entries;
}

/** The key of a definition the machine returned (see `transitionKey`). */
function keyOfDefinition(definition: AnyTransitionDefinition): string {
  const source: AnyStateNode = definition.source;
  const siblings = source.transitions.get(definition.eventType) ?? source.always ?? [];
  return transitionKey(source.id, definition.eventType, Math.max(0, siblings.indexOf(definition)));
}

/**
 * Keys of the transitions the machine takes for `event` in `snapshot`
 * (`machine.getTransitionData`); empty when none, or when a guard throws.
 */
export function takenTransitionKeys(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: EventObject): string[] {
  if (snapshot.status !== 'active') return [];
  try {
    return machine.getTransitionData(snapshot, event).map(keyOfDefinition);
  } catch {
    return [];
  }
}
