/**
 * One engine command, one log entry: the real events of a command (the page's, or one
 * typed elsewhere) are collected per container into a run, and the run becomes one entry
 * headed by the command when it is complete, as the simulation logs `docker stop web` with
 * its kill, die and stop. Each event still moves the node when it arrives (the caller
 * applies it at once); only the entry waits.
 *
 * A page command's run is complete once Docker answered and its last event came (or,
 * when that never comes, `SETTLE_MS` after the answer). A command typed elsewhere begins
 * with its kill and is complete at `destroy`/`restart`, else `SETTLE_MS` after its last
 * event (a `stop` may follow a `die`, a restart's `start` a `stop`), or `GRACE_WAIT_MS`
 * after a SIGTERM nothing followed (the process ignored it, or handles it slowly).
 */
import type { ReplayOutcome } from '../model/replay/applyEvent';
import type { ParsedEvent } from '../model/events/types';
import { endsCommand, inferredCommand, joinsCommand, opensCommand } from './engineCommand';
import type { LiveCommandName, LiveCommandReply } from './protocol';

/** Quiet time that completes a run whose last event is not final, ms. */
export const SETTLE_MS = 800;
/** Longest wait after a SIGTERM with nothing after it, ms (Docker's default grace is 10 s). */
const GRACE_WAIT_MS = 15_000;

/** A complete run, for the log. */
export interface CommandRun {
  /** Container ID. */
  id: string;
  /** Container name when the run began. */
  name: string;
  /** The page's command (with its CLI line and Docker's answer), or null when typed elsewhere. */
  page: { cli: string; command: LiveCommandName; reply: LiveCommandReply | null } | null;
  /** The command's CLI line: the page's, or inferred from the events (`inferredCommand`). */
  cli: string;
  events: ParsedEvent[];
  outcomes: ReplayOutcome[];
}

/** The timer functions used (fake ones in tests). */
export interface RunTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: RunTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface OpenRun extends CommandRun {
  timer: unknown;
  ended: boolean;
  /** Logged already (a page command is logged once). */
  written: boolean;
}

export class CommandRuns {
  private readonly open = new Map<string, OpenRun>();

  constructor(
    private readonly write: (run: CommandRun) => void,
    private readonly timers: RunTimers = realTimers,
  ) {}

  /**
   * The page sent `command` for container `id`: its events go into one run (a run still
   * open for the container is complete). Returns the run, for `answered`.
   */
  sent(id: string, name: string, cli: string, command: LiveCommandName): object {
    const previous = this.open.get(id);
    if (previous?.page && previous.page.reply === null) {
      // Still waiting for Docker: it is logged when Docker answers, with the events it has.
      this.disarm(previous);
      this.open.delete(id);
    } else {
      this.close(id);
    }
    const run: OpenRun = { id, name, page: { cli, command, reply: null }, cli, events: [], outcomes: [], timer: null, ended: false, written: false };
    this.open.set(id, run);
    return run;
  }

  /** Docker (or the bridge) answered the page's command `sent` returned. */
  answered(sent: object, reply: LiveCommandReply): void {
    const run = sent as OpenRun;
    if (!run.page) return;
    run.page.reply = reply;
    if (this.open.get(run.id) !== run) {
      // The next command came first: this one is logged now, with the events it had.
      if (!run.written) this.write(this.done(run));
      return;
    }
    // Refused: nothing more comes. Accepted: done when its last event is in, else soon.
    if (!reply.ok || run.ended) this.close(run.id);
    else this.arm(run, SETTLE_MS);
  }

  /**
   * Whether the real `event` of container `id` (named `name`) belongs to a run (one open
   * already, or one it begins). If so, apply it quietly and `add` it; if not, it is an
   * entry of its own.
   */
  claims(id: string, name: string, event: ParsedEvent): boolean {
    if (!joinsCommand(event)) return false;
    if (this.open.has(id)) return true;
    if (!opensCommand(event)) return false;
    this.open.set(id, { id, name, page: null, cli: '', events: [], outcomes: [], timer: null, ended: false, written: false });
    return true;
  }

  /** Adds a claimed event, applied with `outcome`; completes the run when it is the last. */
  add(id: string, event: ParsedEvent, outcome: ReplayOutcome): void {
    const run = this.open.get(id);
    if (!run) return;
    run.events.push(event);
    run.outcomes.push(outcome);
    run.ended ||= endsCommand(run.page?.command ?? null, event);
    const answered = !run.page || run.page.reply !== null;
    if (run.ended && answered) return this.close(id);
    // A page command waits for Docker's answer; a command typed elsewhere for its next event.
    if (!answered) return this.disarm(run);
    const sigtermOnly = run.events.every((e) => e.baseAction === 'kill') && !run.page;
    this.arm(run, sigtermOnly ? GRACE_WAIT_MS : SETTLE_MS);
  }

  /** Writes every open run now (the session is replaced). */
  flush(): void {
    for (const id of [...this.open.keys()]) this.close(id);
  }

  private arm(run: OpenRun, ms: number): void {
    this.disarm(run);
    run.timer = this.timers.setTimeout(() => this.close(run.id), ms);
  }

  private disarm(run: OpenRun): void {
    if (run.timer !== null) this.timers.clearTimeout(run.timer);
    run.timer = null;
  }

  private close(id: string): void {
    const run = this.open.get(id);
    if (!run) return;
    this.disarm(run);
    this.open.delete(id);
    this.write(this.done(run));
  }

  private done(run: OpenRun): CommandRun {
    run.written = true;
    const { timer: _timer, ended: _ended, written: _written, ...done } = run;
    return { ...done, page: done.page ? { ...done.page } : null, cli: run.page ? run.page.cli : inferredCommand(run.name, run.events) };
  }
}
