/**
 * What the scrubber shows: the position as words ("event 12 of 40"), the current event
 * (the last one applied) and its recorded time. Position `n` means "n events applied";
 * the scrubber runs 0..length. Pure.
 */
import type { ParsedEvent } from '../../model/events/types';

/** A scrubber's raw value as a position in 0..length (whole numbers; junk → 0). */
export function positionFromInput(value: string | number, length: number): number {
  const n = typeof value === 'number' ? value : Number.parseFloat(value);
  if (!Number.isFinite(n)) return 0;
  return Math.max(0, Math.min(length, Math.round(n)));
}

/** The event the scrubber is on: the last one applied (`undefined` at 0). */
export function currentEvent(events: readonly ParsedEvent[], position: number): ParsedEvent | undefined {
  return position > 0 ? events[position - 1] : undefined;
}

/** `event 12 of 40`; `no event applied yet (0 of 40)` at the start. */
export function positionLabel(position: number, length: number): string {
  return position === 0 ? `no event applied yet (0 of ${length})` : `event ${position} of ${length}`;
}

/** `container die test` (type, action, container name or short ID / actor). */
export function eventSummary(event: ParsedEvent): string {
  const m = event.message;
  const who = m.Actor.Attributes.name || m.Actor.ID.slice(0, 12);
  return `${m.Type} ${m.Action} ${who}`.trim();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * A recorded time in UTC: `2017-01-04 16:36:09.840 UTC`; null when the log carries no time
 * (`timeNano` 0, e.g. custom `--format` output). UTC because the log's own offset is not kept.
 */
export function formatEventTime(timeNano: number): string | null {
  if (!Number.isFinite(timeNano) || timeNano === 0) return null;
  const d = new Date(Math.floor(timeNano / 1e6));
  if (Number.isNaN(d.getTime())) return null;
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
  return `${date} ${time} UTC`;
}

/** `16:36:09` (UTC), for compact places such as a log entry; null without a time. */
export function formatEventClock(timeNano: number): string | null {
  const full = formatEventTime(timeNano);
  return full ? full.slice(11, 19) : null;
}

/** The scrubber's `aria-valuetext`: position, then the current event and its time. */
export function scrubberValueText(events: readonly ParsedEvent[], position: number): string {
  const label = positionLabel(position, events.length);
  const event = currentEvent(events, position);
  if (!event) return label;
  const time = formatEventTime(event.message.timeNano);
  return `${label}: line ${event.line}, ${eventSummary(event)}${time ? `, ${time}` : ''}`;
}
