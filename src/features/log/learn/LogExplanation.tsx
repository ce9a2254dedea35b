/**
 * Under a log entry, while "Learn" is on: what Docker did underneath (the lesson's text
 * from `explainEntry`, one place for every text), and after a crash that the restart
 * policy will restart, the restart-policy note. Renders nothing when there is nothing
 * to teach.
 */
import type { LogEntry } from '../../../../machines';
import { explainEntry, restartNote, type ExplainContext, type Explanation } from '../../../model/explain/explanations';
import { hasRestartNote } from './restartNotes';

/** Props of {@link LogExplanation}. */
export interface LogExplanationProps {
  entry: LogEntry;
  /** For a recorded event: what else explains it (the signal recorded just before a `die`). */
  context?: ExplainContext | undefined;
}

/** The explanations for `entry` (what Docker did, then the restart-policy note when it applies). */
export function explanationsFor(entry: LogEntry, context?: ExplainContext): Explanation[] {
  const shown: Explanation[] = [];
  const main = explainEntry(entry, context);
  if (main) shown.push(main);
  if (hasRestartNote(entry)) shown.push(restartNote());
  return shown;
}

function BulbIcon() {
  return (
    <svg className="log-explain__icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="M8 1.5a4.5 4.5 0 0 0-2.6 8.2c.4.3.6.7.6 1.2v.6h4v-.6c0-.5.2-.9.6-1.2A4.5 4.5 0 0 0 8 1.5zM6 13.5h4M6.8 15h2.4" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The explanation block of one entry. */
export function LogExplanation({ entry, context }: LogExplanationProps) {
  const shown = explanationsFor(entry, context);
  if (shown.length === 0) return null;
  return (
    <div className="log-explain" data-explain={shown.map((e) => e.title).join(' | ')}>
      {shown.map((e) => (
        <p key={e.title} className="log-explain__item">
          <BulbIcon />
          <span>
            <strong className="log-explain__title">{e.title}.</strong> {e.text}
          </span>
        </p>
      ))}
    </div>
  );
}
