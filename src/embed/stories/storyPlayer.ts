/**
 * Plays a story on an architecture, one step at a time. A step is applied instantly and
 * settled on the simulated clock (a Compose run is advanced to its end, a `docker stop`
 * to the end of its grace period, a `wait` advances the clock), so the state after step
 * n is always the same. Going back replays steps
 * 1..n-1 on a fresh architecture: exact, whatever happened in between. Pure: no DOM.
 */
import type { Architecture, ContainerEvent } from '../../../machines';
import { runComposeToEnd } from '../../model/session/composeUp';
import type { Story, StoryStep } from './storySchema';

/** The container a step is about, if any (used to select it on screen). */
function stepContainer(step: StoryStep): string | null {
  if ('container' in step) return step.container;
  if ('crash' in step) return step.crash;
  return null;
}

/** What a step needs: the architecture and a clock it can advance (a `SimulatedClock`). */
export interface StoryTarget {
  architecture: Architecture;
  clock: { increment(ms: number): void };
}

export type StepOutcome = { ok: true } | { ok: false; error: string };

/**
 * Simulated time between the start of `docker compose up` and a story's first step, ms:
 * long enough for the up to finish and the health checks to pass, so a story starts from
 * a settled platform.
 */
const STORY_SETTLE_MS = 30_000;

/** Applies one step to `target`. Docker's refusal is an outcome, not an exception. */
export function applyStep(target: StoryTarget, step: StoryStep): StepOutcome {
  const { architecture, clock } = target;
  if ('wait' in step) {
    if (step.wait > 0) clock.increment(step.wait);
    return { ok: true };
  }
  if ('compose' in step) {
    const entry = architecture.compose(step.compose);
    runComposeToEnd(target);
    const progress = architecture.getComposeProgress();
    if (progress?.status === 'failed') return { ok: false, error: progress.error ?? `${entry.cli} failed` };
    return { ok: true };
  }
  if ('crash' in step) return outcome(architecture.send(step.crash, { type: 'exit', exitCode: step.exitCode }));
  const { container, command } = step;
  if (command.type === 'create' || command.type === 'run') {
    const slot = architecture.containers.find((c) => c.name === container);
    if (!slot) return { ok: false, error: `No such container: ${container}` };
    return outcome(command.type === 'create' ? architecture.create(slot.service, slot.replica) : architecture.run(slot.service, slot.replica));
  }
  const entry = architecture.send(container, command as ContainerEvent);
  // A stop in its grace period: the step ends when the CLI would return.
  const pending = architecture.getPending().get(container);
  if (pending) clock.increment(pending.endsAt - pending.startedAt);
  return outcome(entry);
}

function outcome(entry: { cli: string; outcome: string; message?: string }): StepOutcome {
  return entry.outcome === 'error' ? { ok: false, error: `${entry.cli}: ${entry.message ?? 'refused'}` } : { ok: true };
}

/** Where the player takes its architecture from. */
export interface StoryPlayerHost {
  /** The current architecture and clock. */
  current(): StoryTarget;
  /** Replaces the architecture with a fresh one (the story's starting point) and returns it. */
  restart(): StoryTarget;
  /** Optional: shows which container a step is about (selects it). */
  focus?(container: string | null): void;
}

export interface StoryPosition {
  /** Steps applied (0 = none yet). */
  position: number;
  length: number;
  /** The caption of the last applied step (the description before the first). */
  caption: string | null;
  /** Docker's refusal of the last applied step, if it refused. */
  error: string | null;
}

/** A story being presented. */
export class StoryPlayer {
  private positionValue = 0;
  private lastError: string | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly story: Story,
    private readonly host: StoryPlayerHost,
  ) {}

  get length(): number {
    return this.story.steps.length;
  }

  get position(): number {
    return this.positionValue;
  }

  /** Position, caption and error, for the UI. */
  state(): StoryPosition {
    const step = this.positionValue > 0 ? this.story.steps[this.positionValue - 1] : undefined;
    const caption = step ? (step.caption ?? null) : (this.story.description ?? this.story.title);
    return { position: this.positionValue, length: this.length, caption, error: this.lastError };
  }

  /** Applies the next step; false at the end. */
  next(): boolean {
    const step = this.story.steps[this.positionValue];
    if (!step) return false;
    const result = applyStep(this.host.current(), step);
    this.lastError = result.ok ? null : result.error;
    this.positionValue += 1;
    this.host.focus?.(stepContainer(step));
    this.notify();
    return true;
  }

  /** Goes back one step (replaying from the start); false at the start. */
  back(): boolean {
    if (this.positionValue === 0) return false;
    this.goTo(this.positionValue - 1);
    return true;
  }

  /**
   * Starts over from a fresh architecture (its `docker compose up` run to its end, then
   * settled until `STORY_SETTLE_MS` after it began) and applies steps 1..n instantly.
   */
  goTo(n: number): void {
    const target = this.host.restart();
    const upMs = runComposeToEnd(target);
    if (upMs < STORY_SETTLE_MS) target.clock.increment(STORY_SETTLE_MS - upMs);
    const end = Math.max(0, Math.min(Math.trunc(n), this.length));
    let lastError: string | null = null;
    for (let i = 0; i < end; i++) {
      const result = applyStep(target, this.story.steps[i]!);
      lastError = result.ok ? null : result.error;
    }
    this.positionValue = end;
    this.lastError = lastError;
    const last = end > 0 ? this.story.steps[end - 1] : undefined;
    this.host.focus?.(last ? stepContainer(last) : null);
    this.notify();
  }

  /**
   * Sets the position without applying anything: the architecture is already there
   * (restored from a save made at that position).
   */
  resume(position: number): void {
    this.positionValue = Math.max(0, Math.min(Math.trunc(position), this.length));
    this.lastError = null;
    this.notify();
  }

  /** Calls `listener` after every move; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
