/**
 * Run sizing and simulated time for the property tests. Not a test file.
 */
import type { SimulatedClock } from 'xstate';

/**
 * `PROPERTY_RUNS_MULTIPLIER` (default 1) scales every property's `numRuns`, for a longer
 * local run: `PROPERTY_RUNS_MULTIPLIER=20 npx vitest run test/property`.
 */
export const RUNS_MULTIPLIER: number = (() => {
  const raw = process.env.PROPERTY_RUNS_MULTIPLIER;
  if (raw === undefined || raw.trim() === '') return 1;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`PROPERTY_RUNS_MULTIPLIER must be a positive number, got ${JSON.stringify(raw)}`);
  return n;
})();

/** `base` runs times the multiplier (at least 1). */
export function runs(base: number): number {
  return Math.max(1, Math.round(base * RUNS_MULTIPLIER));
}

/** Per-test timeout: generous, and scaled with the multiplier. */
export function timeoutMs(baseMs: number): number {
  return Math.round(baseMs * Math.max(1, RUNS_MULTIPLIER) * 3);
}

/** Counts the commands the properties actually executed, by kind, and what the checkers saw. */
export class CommandCounter {
  readonly byKind = new Map<string, number>();
  total = 0;
  /** Sums of every run's checker statistics. */
  readonly seen = new Map<string, number>();

  /** Adds one run's checker statistics (numbers, or records of numbers). */
  absorb(stats: object): void {
    for (const [key, value] of Object.entries(stats)) {
      if (typeof value === 'number') this.seen.set(key, (this.seen.get(key) ?? 0) + value);
      else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value as Record<string, number>)) this.seen.set(`${key}.${k}`, (this.seen.get(`${key}.${k}`) ?? 0) + v);
      }
    }
  }

  add(kind: string, n = 1): void {
    this.total += n;
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + n);
  }

  report(): string {
    const parts = [...this.byKind].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
    const seen = [...this.seen].map(([k, n]) => `${k} ${n}`).join(', ');
    return `${this.total} commands (${parts.join(', ')}); checkers saw: ${seen}`;
  }
}

interface ClockInternals {
  timeouts?: Map<unknown, { start: number; timeout: number }>;
}

/**
 * Advances a `SimulatedClock` by `ms`, firing each timer at its own due time (in order),
 * not all at the end as `clock.increment(ms)` does: a restart back-off of 100 ms then
 * starts the container at +100 ms, and a chain of health probes runs at each interval.
 * `between` runs after each batch of timers (e.g. to let microtasks flush).
 * @returns how many distinct due times were visited.
 */
export async function advanceClock(clock: SimulatedClock, ms: number, between?: () => Promise<void> | void): Promise<number> {
  const target = clock.now() + ms;
  const timeouts = (clock as unknown as ClockInternals).timeouts;
  let visits = 0;
  if (timeouts instanceof Map) {
    for (;;) {
      let due = Number.POSITIVE_INFINITY;
      for (const t of timeouts.values()) due = Math.min(due, t.start + t.timeout);
      if (!(due <= target)) break;
      if (++visits > 200_000) throw new Error(`timer storm: more than 200 000 timer deadlines within ${ms} ms`);
      clock.set(Math.max(due, clock.now()));
      if (between) await between();
    }
  }
  clock.set(target);
  if (between) await between();
  return visits;
}

/** Synchronous `advanceClock` (for runs without microtask-based bookkeeping). */
export function advanceClockSync(clock: SimulatedClock, ms: number): number {
  const target = clock.now() + ms;
  const timeouts = (clock as unknown as ClockInternals).timeouts;
  let visits = 0;
  if (timeouts instanceof Map) {
    for (;;) {
      let due = Number.POSITIVE_INFINITY;
      for (const t of timeouts.values()) due = Math.min(due, t.start + t.timeout);
      if (!(due <= target)) break;
      if (++visits > 200_000) throw new Error(`timer storm: more than 200 000 timer deadlines within ${ms} ms`);
      clock.set(Math.max(due, clock.now()));
    }
  }
  clock.set(target);
  return visits;
}
