/**
 * A transition's guard as a reader would write it: `isForced`,
 * `validExitCode && policyRestarts`, `!isForced`, `in(#container.paused)`. The container
 * machine's plain `accepted` guard (Docker accepts the command here, which every command
 * transition asks) says nothing a reader needs: it is left out.
 */
import { and, not, or } from 'xstate';

/** The runtime shape of a `TransitionDefinition.guard` (XState keeps it loosely typed). */
type GuardLike = unknown;

// Higher-order guards are functions carrying `check` and `guards`; compare `check` by
// identity (function names do not survive minification).
const AND_CHECK = (and([]) as { check?: unknown }).check;
const OR_CHECK = (or([]) as { check?: unknown }).check;
const NOT_CHECK = (not('x') as { check?: unknown }).check;

interface HigherOrderGuard {
  check?: unknown;
  guards?: readonly GuardLike[];
  stateValue?: unknown;
}

/** The guard every command transition of the container machine has (see the file comment). */
const IMPLIED = 'accepted';

function composite(guard: HigherOrderGuard, nested: boolean): string | null {
  const parts = (guard.guards ?? []).map((g) => describe(g, true)).filter((part) => part !== IMPLIED);
  if (guard.check === NOT_CHECK) return `!${parts[0] ?? '?'}`;
  const operator = guard.check === AND_CHECK ? ' && ' : guard.check === OR_CHECK ? ' || ' : null;
  if (operator === null) return null;
  const joined = parts.join(operator);
  return nested && parts.length > 1 ? `(${joined})` : joined;
}

function describe(guard: GuardLike, nested: boolean): string {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && 'type' in guard) return String((guard as { type: unknown }).type);
  if (typeof guard === 'function') {
    const higher = guard as HigherOrderGuard & { name?: string };
    if (higher.guards) return composite(higher, nested) ?? 'guard';
    if (higher.stateValue !== undefined) {
      const value = higher.stateValue;
      return `in(${typeof value === 'string' ? value : JSON.stringify(value)})`;
    }
    return higher.name ? higher.name : 'inline guard';
  }
  return 'guard';
}

/** The guard of a transition definition as text; `null` when there is none. */
export function guardName(guard: GuardLike): string | null {
  if (guard === undefined || guard === null) return null;
  const name = describe(guard, false);
  return name === IMPLIED ? null : name;
}
