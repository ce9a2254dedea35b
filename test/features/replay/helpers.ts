/** Shared helpers of the replay feature tests: fixtures, a replay on a simulated clock, fake timers. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SimulatedClock } from 'xstate';
import { parseEventsLog } from '../../../src/model/events/parseEventsLog';
import { Replay } from '../../../src/model/replay/replay';
import type { PlayerTimers } from '../../../src/features/replay/replayPlayer';

const FIXTURES = resolve(__dirname, '../../fixtures/events');

/** Every fixture log (not SOURCES.md), by file name. */
export function fixtureLogs(): Array<{ file: string; text: string }> {
  return readdirSync(FIXTURES)
    .filter((f) => !f.endsWith('.md'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(FIXTURES, file), 'utf8') }));
}

export function fixture(file: string): string {
  return readFileSync(join(FIXTURES, file), 'utf8');
}

export const BASIC = 'docker-cli_events-md__basic_lifecycle.txt';

/** A replay of `text` on a simulated clock (deterministic). */
export function replayOf(text: string): Replay {
  const clock = new SimulatedClock();
  clock.set(Date.UTC(2026, 0, 1));
  return new Replay(parseEventsLog(text), { clock });
}

/** A default-format line for container `web` at second `t`. */
export function line(t: number, action: string, attrs = 'image=alpine, name=web'): string {
  return `2026-01-01T00:00:${String(t).padStart(2, '0')}.000000000Z container ${action} ${'c'.repeat(64)} (${attrs})`;
}

export interface FakeTimers extends PlayerTimers {
  /** Runs every timer due within `ms` from now, in time order. */
  advance(ms: number): void;
  /** Timers not yet run. */
  pending(): number;
  /** Delays passed to setTimeout, in call order. */
  delays: number[];
}

/**
 * Timers on a fake ms clock. `costPerNow` advances the clock on every `now()` call, to
 * make "work" take time (for the as-fast-as-possible slices).
 */
export function fakeTimers(costPerNow = 0): FakeTimers {
  let now = 0;
  let nextId = 0;
  const queue: Array<{ id: number; at: number; fn: () => void }> = [];
  const delays: number[] = [];
  return {
    delays,
    setTimeout(fn, ms) {
      const timer = { id: ++nextId, at: now + ms, fn };
      delays.push(ms);
      queue.push(timer);
      return timer.id;
    },
    clearTimeout(handle) {
      const i = queue.findIndex((t) => t.id === handle);
      if (i >= 0) queue.splice(i, 1);
    },
    now() {
      now += costPerNow;
      return now;
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        queue.sort((a, b) => a.at - b.at || a.id - b.id);
        const next = queue[0];
        if (!next || next.at > end) break;
        queue.shift();
        now = Math.max(now, next.at);
        next.fn();
      }
      now = Math.max(now, end);
    },
    pending: () => queue.length,
  };
}
