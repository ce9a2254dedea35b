/**
 * Time as the actor sees it. XState v5 gives every actor a clock (`createActor(…, { clock })`,
 * inherited by spawned children); a `SimulatedClock` has `now()`, the default clock does not.
 * Reading time through the actor keeps the machine deterministic under `SimulatedClock`.
 */

interface MaybeClock {
  now?: () => number;
}

/** Set only during `atTime()`: the pure `transition()` API has no actor clock to read. */
let fixedNow: number | null = null;

/**
 * Unix ms for the actor `self`: a time fixed by `atTime()`, else its clock's `now()` when
 * it has one (a `SimulatedClock` counts from 0 unless `set()`), else `Date.now()`.
 */
export function actorNow(self: unknown): number {
  if (fixedNow !== null) return fixedNow;
  const clock = (self as { clock?: MaybeClock } | undefined)?.clock;
  return typeof clock?.now === 'function' ? clock.now() : Date.now();
}

/** Runs `fn` (synchronous) with every `actorNow()` answering `ms`. */
export function atTime<T>(ms: number, fn: () => T): T {
  const previous = fixedNow;
  fixedNow = ms;
  try {
    return fn();
  } finally {
    fixedNow = previous;
  }
}
