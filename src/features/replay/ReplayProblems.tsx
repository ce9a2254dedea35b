/**
 * The lines of a `docker events` log that were skipped (or look wrong), with their line
 * numbers. A dismissible `role="status"` panel, not an alert: the rest of the log replays.
 */
import { useState } from 'react';
import type { EventsLogProblem } from '../../model/events/types';

/** Props of {@link ReplayProblems}. */
export interface ReplayProblemsProps {
  /** Parse problems and ordering warnings, in line order. */
  problems: readonly EventsLogProblem[];
}

/** Problems listed before the rest is summed up. */
const PROBLEMS_SHOWN = 20;

/** `2 lines were skipped and 1 looks out of order; the other events are replayed.` */
export function problemsSummary(problems: readonly EventsLogProblem[]): string {
  const skipped = problems.filter((p) => p.severity !== 'warning').length;
  const warned = problems.length - skipped;
  const parts: string[] = [];
  if (skipped > 0) parts.push(`${skipped} line${skipped === 1 ? ' was' : 's were'} skipped`);
  if (warned > 0) parts.push(`${warned} line${warned === 1 ? ' looks' : 's look'} suspicious`);
  return `${parts.join(' and ')}; the other events are replayed.`;
}

/** The panel, or nothing when there is no problem or it was dismissed. */
export function ReplayProblems({ problems }: ReplayProblemsProps) {
  const [dismissed, setDismissed] = useState(false);
  if (problems.length === 0 || dismissed) return null;
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  return (
    <div role="status" aria-label="Problems in the events log" className="replay-problems">
      <div className="replay-problems__head">
        <p className="replay-problems__summary">{problemsSummary(problems)}</p>
        <button type="button" className="tool-button replay-problems__dismiss" onClick={() => setDismissed(true)}>
          Dismiss
        </button>
      </div>
      <ul className="replay-problems__list">
        {shown.map((p, i) => (
          <li key={`${p.line}-${i}`} className={`replay-problem replay-problem--${p.severity ?? 'error'}`} data-line={p.line}>
            <span className="replay-problem__where">
              Line {p.line}
              {p.column !== undefined ? `:${p.column}` : ''}
              {p.severity === 'warning' ? ' (warning)' : ''}
            </span>{' '}
            {p.message}
            {p.text ? <code className="replay-problem__text">{p.text}</code> : null}
          </li>
        ))}
      </ul>
      {problems.length > shown.length ? <p className="replay-problems__more">…and {problems.length - shown.length} more.</p> : null}
    </div>
  );
}
