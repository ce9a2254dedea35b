/**
 * Time as the actor sees it. XState v5 gives every actor a clock (`createActor(…, { clock })`,
 * inherited by spawned children); a `SimulatedClock` has `now()`, the default clock does not.
 * Reading time through the actor keeps the machine deterministic under `SimulatedClock`.
 */

interface MaybeClock {
  now?: () => number;
}

/**
 * Unix ms for the actor `self`: its clock's `now()` when it has one (a `SimulatedClock`
 * counts from 0 unless `set()`), else `Date.now()`.
 */
export function actorNow(self: unknown): number {
  const clock = (self as { clock?: MaybeClock } | undefined)?.clock;
  return typeof clock?.now === 'function' ? clock.now() : Date.now();
}
