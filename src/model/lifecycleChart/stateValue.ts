/**
 * Between state node paths and state values: the value that puts a machine in a given
 * node, and the nodes a snapshot's value makes active.
 */
import type { AnyStateNode, StateValue } from 'xstate';

/** The state value for a node path (`['running', 'up']` → `{ running: 'up' }`). */
export function stateValueOf(path: readonly string[]): StateValue {
  const last = path[path.length - 1];
  if (last === undefined) return {};
  let value: StateValue = last;
  for (let i = path.length - 2; i >= 0; i -= 1) value = { [path[i] as string]: value };
  return value;
}

function collect(node: AnyStateNode, value: StateValue, into: string[]): void {
  into.push(node.id);
  if (typeof value === 'string') {
    const child = node.states[value];
    if (child) into.push(child.id);
    return;
  }
  for (const [key, childValue] of Object.entries(value)) {
    const child = node.states[key];
    if (child && childValue !== undefined) collect(child, childValue as StateValue, into);
  }
}

/**
 * Ids of every active state node for `value`, from `root` down to the leaves
 * (`{ running: 'up' }` → `container`, `container.running`, `container.running.up`).
 */
export function activeStateIds(root: AnyStateNode, value: StateValue): string[] {
  const ids: string[] = [];
  collect(root, value, ids);
  return ids;
}
