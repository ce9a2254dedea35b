/**
 * Plain-data types of the `docker events` log parser. Re-exported from
 * `parseEventsLog.ts`, which is the module callers import.
 */

/**
 * One event in docker's JSON shape (`docker events --format '{{json .}}'`), normalised:
 * legacy `status`/`id`/`from` fields are folded into `Action`/`Actor`, and both times are
 * always present.
 *
 * Docker source: `moby:api/types/events/events.go` (`events.Message`, `events.Actor`).
 */
export interface DockerEventMessage {
  /** `'container' | 'network' | 'image' | 'volume' | 'daemon' | 'plugin' | ...` */
  Type: string;
  /** Full action as docker prints it, e.g. `'start'`, `'exec_create: /bin/sh -c pg_isready'`, `'health_status: healthy'`. */
  Action: string;
  /** `ID`: the actor's id (64-hex container id, network id, image reference, ...). `Attributes`: name, image, labels, exitCode, signal, ... */
  Actor: { ID: string; Attributes: Record<string, string> };
  /** `'local'` or `'swarm'` when the log says so. */
  scope?: string;
  /** Unix time, seconds. 0 when the log carries no time (custom `--format` without `Time=`). */
  time: number;
  /**
   * Unix time, nanoseconds. A JS number: values above 2^53 (every real date) are rounded to
   * the nearest double (steps of 256 ns today). Rounding is monotonic, so it never turns a
   * forward step into a backward one. 0 when the log carries no time.
   */
  timeNano: number;
}

/** One successfully parsed line. */
export interface ParsedEvent {
  /** 1-based line number in the input. */
  line: number;
  message: DockerEventMessage;
  /** Action before `': '` (e.g. `'exec_create'`, `'health_status'`), or the whole action when it has no suffix. */
  baseAction: string;
  /** The suffix after `': '` (e.g. `'/bin/sh -c pg_isready'`, `'healthy'`); absent when the action has none. */
  actionDetail?: string;
}

/** A line that could not be used, a size limit, or (from `checkOrdering`) a warning. */
export interface EventsLogProblem {
  /** 1-based line number in the input. */
  line: number;
  /** 1-based column of the fault within the line, when known. */
  column?: number;
  /** Why the line was rejected, in plain words. */
  message: string;
  /** The offending line, truncated to 200 characters. */
  text: string;
  /**
   * `'error'` (or absent): the line was skipped / parsing stopped. `'warning'`: the event was
   * kept but looks wrong (see `checkOrdering`).
   */
  severity?: 'error' | 'warning';
}

/** The result of `parseEventsLog`. */
export interface ParsedEventsLog {
  /**
   * What the non-blank, non-comment lines looked like: `'json'` when every one starts with
   * `{` or `[`, `'text'` when none does (default format and custom `Key=Value` format),
   * `'mixed'` when both occur, `'empty'` when there are no such lines.
   * Rejected lines count too: a file of broken JSON is still `'json'`.
   */
  format: 'text' | 'json' | 'mixed' | 'empty';
  /** The events in file order (never re-sorted by time). */
  events: ParsedEvent[];
  /** One entry per rejected line, plus at most one for a size limit. */
  problems: EventsLogProblem[];
}

/** Outcome of parsing a single line: the message, or why it was rejected. */
export type LineResult =
  | { ok: true; message: DockerEventMessage }
  | { ok: false; reason: string; column?: number };
