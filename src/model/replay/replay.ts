/**
 * Replays a parsed `docker events` log through the machines: a cursor over the events,
 * an architecture that starts empty and grows as the log creates containers, and an
 * outcome per event. Going back rebuilds from the start so every state is exact.
 */
import { createArchitecture, type Architecture, type ArchitectureOptions } from '../../../machines';
import type { ParsedEvent, ParsedEventsLog } from '../events/types';
import { applyRecordedEvent, type ReplayMemory, type ReplayOutcome } from './applyEvent';
import { recordedMessage, recordedNetworks } from './recordedFacts';
import { replaySpec } from './replaySpec';

/** The longest real pause between two events during playback, ms. */
export const REPLAY_MAX_GAP_MS = 2000;

/** The heading of a recorded event's log entry: `# line 12: container die test`. */
export function replayEntryCli(event: ParsedEvent): string {
  const m = event.message;
  return `# line ${event.line}: ${m.Type} ${m.Action} ${m.Actor.Attributes.name ?? m.Actor.ID.slice(0, 12)}`;
}

/** The log line number in a heading made by `replayEntryCli`, or undefined for any other line. */
export function replayEntryLine(cli: string): number | undefined {
  const match = /^# line (\d+): /.exec(cli);
  return match ? Number(match[1]) : undefined;
}

type Listener = () => void;

export class Replay {
  private arch: Architecture;
  private memory: ReplayMemory = new Map();
  private cursor = 0;
  private readonly outcomes: ReplayOutcome[] = [];
  private readonly listeners = new Set<Listener>();
  /** Each container's network, from the log's `network connect` events (by container ID). */
  private readonly networks: ReadonlyMap<string, string>;

  constructor(
    readonly log: ParsedEventsLog,
    private readonly options: Pick<ArchitectureOptions, 'clock'> = {},
  ) {
    this.networks = recordedNetworks(log.events);
    this.arch = this.fresh();
  }

  /** The architecture the replay drives (replaced by `seek` backwards and `reset`). */
  get architecture(): Architecture {
    return this.arch;
  }

  /** Events applied so far. */
  get position(): number {
    return this.cursor;
  }

  get length(): number {
    return this.log.events.length;
  }

  get done(): boolean {
    return this.cursor >= this.log.events.length;
  }

  /** Outcome of each applied event, in order. */
  getOutcomes(): readonly ReplayOutcome[] {
    return this.outcomes;
  }

  /** Applies the next event; returns its outcome, or null at the end. */
  step(): ReplayOutcome | null {
    const event = this.log.events[this.cursor];
    if (!event) return null;
    const outcome = this.apply(event);
    this.cursor++;
    this.notify();
    return outcome;
  }

  /** Applies every remaining event at once. */
  skipToEnd(): void {
    while (!this.done) {
      const event = this.log.events[this.cursor]!;
      this.apply(event);
      this.cursor++;
    }
    this.notify();
  }

  /** Moves to `position` (0..length); backwards rebuilds from the start. */
  seek(position: number): void {
    const target = Math.max(0, Math.min(this.length, Math.floor(position)));
    if (target < this.cursor) this.reset(false);
    while (this.cursor < target) {
      this.apply(this.log.events[this.cursor]!);
      this.cursor++;
    }
    this.notify();
  }

  /** Back to before the first event. */
  reset(notify = true): void {
    this.arch.stop();
    this.arch = this.fresh();
    this.memory = new Map();
    this.cursor = 0;
    this.outcomes.length = 0;
    if (notify) this.notify();
  }

  /**
   * Real ms to wait before the next event at `speed` (recorded gap / speed, capped at
   * `REPLAY_MAX_GAP_MS`; 0 when times are unknown). Null at the end.
   */
  delayToNext(speed: number): number | null {
    const next = this.log.events[this.cursor];
    if (!next) return null;
    const previous = this.log.events[this.cursor - 1];
    if (!previous || next.message.timeNano === 0 || previous.message.timeNano === 0) return 300 / Math.max(speed, 0.001);
    const gapMs = Math.max(0, (next.message.timeNano - previous.message.timeNano) / 1e6);
    return Math.min(REPLAY_MAX_GAP_MS, gapMs / Math.max(speed, 0.001));
  }

  /** Calls `listener` after every step, seek or reset. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops the architecture's actors. */
  dispose(): void {
    this.arch.stop();
    this.listeners.clear();
  }

  private fresh(): Architecture {
    return createArchitecture(replaySpec(this.log.events), { ...this.options, up: false, createContainers: false });
  }

  /**
   * One recorded event, one log entry showing that event as recorded: the machine's own
   * events (a `network disconnect` it derives from a `die`) are consequences, not shown.
   */
  private apply(event: ParsedEvent): ReplayOutcome {
    let outcome: ReplayOutcome = { kind: 'info' };
    const shown = recordedMessage(event.message);
    this.arch.logged(
      replayEntryCli(event),
      () => {
        outcome = applyRecordedEvent(this.arch, event, this.memory, this.networks);
        return {
          ...(outcome.kind === 'flagged' ? { outcome: 'error' as const } : {}),
          ...(outcome.note ? { message: outcome.note } : {}),
          ...(outcome.container ? { container: outcome.container } : {}),
        };
      },
      { kind: 'replay', recorded: shown ? [shown] : [] },
    );
    this.outcomes.push(outcome);
    return outcome;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
