/**
 * Playback of a `Replay`: Play / Pause / Step / Skip to end / seek, and a speed, on
 * injectable timers. No React: the toolbar reads `getState()` through
 * `useSyncExternalStore`, tests drive it with fake timers.
 *
 * Playing waits `replay.delayToNext(speed)` (the recorded gap / speed, capped) before each
 * event. "As fast as possible" applies events in slices of about one frame, yielding
 * between slices so the page stays responsive on long logs.
 */
import type { Replay } from '../../model/replay/replay';

/** A replay speed: a multiple of real time, or `'max'` (no waiting). */
export type ReplaySpeed = 0.5 | 1 | 5 | 20 | 'max';

/** The speeds offered, in menu order. */
export const REPLAY_SPEEDS: ReadonlyArray<{ value: ReplaySpeed; label: string }> = [
  { value: 0.5, label: '0.5×' },
  { value: 1, label: '1×' },
  { value: 5, label: '5×' },
  { value: 20, label: '20×' },
  { value: 'max', label: 'As fast as possible' },
];

/** The speed a `<select>` value stands for (unknown values fall back to 1×). */
export function parseSpeed(value: string): ReplaySpeed {
  return REPLAY_SPEEDS.find((s) => String(s.value) === value)?.value ?? 1;
}

/** What the player needs of a `Replay`. */
export type ReplayLike = Pick<Replay, 'step' | 'skipToEnd' | 'seek' | 'position' | 'length' | 'done' | 'delayToNext' | 'subscribe' | 'getOutcomes'>;

/** Timers and a ms clock (the browser's by default). */
export interface PlayerTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const browserTimers: PlayerTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  now: () => (typeof performance !== 'undefined' ? performance.now() : Date.now()),
};

/** Longest slice of work per timer callback at `'max'` speed, ms. */
export const MAX_SPEED_SLICE_MS = 12;

/** A snapshot of the player (a new object after every change, the same one otherwise). */
export interface PlayerState {
  playing: boolean;
  speed: ReplaySpeed;
  /** Events applied so far (0..length). */
  position: number;
  length: number;
  done: boolean;
  /** Applied events flagged as impossible in the container's state. */
  flagged: number;
}

type Listener = () => void;

export class ReplayPlayer {
  private playing = false;
  private speed: ReplaySpeed;
  private timer: unknown = null;
  private state: PlayerState;
  private readonly listeners = new Set<Listener>();
  private unsubscribeReplay: (() => void) | null = null;
  /** Flagged outcomes counted so far (outcomes only grow between resets). */
  private counted = 0;
  private flaggedCount = 0;

  constructor(
    private readonly replay: ReplayLike,
    private readonly timers: PlayerTimers = browserTimers,
    speed: ReplaySpeed = 1,
  ) {
    this.speed = speed;
    this.state = this.compute();
  }

  /** The current state; the same object until something changes. */
  getState = (): PlayerState => this.state;

  /** Calls `listener` after every change (own or the replay's). Returns an unsubscribe function. */
  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    if (!this.unsubscribeReplay) {
      // Unwatched, the replay may have gone back and forth: count flags from the start.
      this.counted = 0;
      this.flaggedCount = 0;
      this.unsubscribeReplay = this.replay.subscribe(() => this.changed());
    }
    // The replay may have moved while nobody listened.
    this.changed();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.unsubscribeReplay?.();
        this.unsubscribeReplay = null;
      }
    };
  };

  /** Plays from the current position until the end or `pause()`. No-op at the end. */
  play(): void {
    if (this.replay.done || this.playing) return;
    this.playing = true;
    this.schedule();
    this.changed();
  }

  /** Stops playing (the position stays). Safe to call at any time, e.g. on unmount. */
  pause(): void {
    this.cancel();
    if (!this.playing) return;
    this.playing = false;
    this.changed();
  }

  /** Applies exactly one event (pausing first). */
  step(): void {
    this.pause();
    this.replay.step();
  }

  /** Applies every remaining event at once (pausing first). */
  skipToEnd(): void {
    this.pause();
    this.replay.skipToEnd();
  }

  /** Moves to `position` (0..length); playback, if on, goes on from there. */
  seek(position: number): void {
    this.cancel();
    this.replay.seek(position);
    if (this.playing) {
      if (this.replay.done) this.playing = false;
      else this.schedule();
    }
    this.changed();
  }

  /** Changes the speed; the wait for the next event restarts at the new speed. */
  setSpeed(speed: ReplaySpeed): void {
    if (speed === this.speed) return;
    this.speed = speed;
    if (this.playing) {
      this.cancel();
      this.schedule();
    }
    this.changed();
  }

  private schedule(): void {
    const delay = this.speed === 'max' ? 0 : this.replay.delayToNext(this.speed);
    if (delay === null) {
      this.playing = false;
      return;
    }
    this.timer = this.timers.setTimeout(() => this.tick(), delay);
  }

  private tick(): void {
    this.timer = null;
    if (!this.playing) return;
    if (this.speed === 'max') {
      const start = this.timers.now();
      do this.replay.step();
      while (!this.replay.done && this.timers.now() - start < MAX_SPEED_SLICE_MS);
    } else {
      this.replay.step();
    }
    if (this.replay.done) {
      this.playing = false;
      this.changed();
      return;
    }
    this.schedule();
  }

  private cancel(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private countFlagged(): number {
    const outcomes = this.replay.getOutcomes();
    if (outcomes.length < this.counted) {
      // The replay went back (seek/reset): count again from the start.
      this.counted = 0;
      this.flaggedCount = 0;
    }
    for (let i = this.counted; i < outcomes.length; i++) if (outcomes[i]?.kind === 'flagged') this.flaggedCount++;
    this.counted = outcomes.length;
    return this.flaggedCount;
  }

  private compute(): PlayerState {
    return {
      playing: this.playing,
      speed: this.speed,
      position: this.replay.position,
      length: this.replay.length,
      done: this.replay.done,
      flagged: this.countFlagged(),
    };
  }

  private changed(): void {
    const next = this.compute();
    const prev = this.state;
    if (
      prev.playing === next.playing &&
      prev.speed === next.speed &&
      prev.position === next.position &&
      prev.length === next.length &&
      prev.done === next.done &&
      prev.flagged === next.flagged
    ) {
      return;
    }
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}
