/**
 * The transitions leaving the current state, as buttons (enabled iff the machine would take
 * that very transition now) and, for automatic ones, as a line saying when they happen.
 */
import { memo } from 'react';
import type { ContainerEvent } from '../../../machines';
import { fireButtonName, type TransitionRow } from '../../model/lifecycleChart/transitionRows';

/** Props of `TransitionList`. */
export interface TransitionListProps {
  rows: readonly TransitionRow[];
  /** Called with the row's event when its button is clicked. */
  onFire: (event: ContainerEvent) => void;
}

function formatDelay(ms: number | null): string {
  if (ms === null) return '';
  if (ms >= 3_600_000) return '';
  return ms < 1000 ? `, after ${ms} ms` : `, after ${Math.round(ms / 100) / 10} s`;
}

function ClockIcon() {
  return (
    <svg className="lc-auto-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

function FireButton({ row, onFire }: { row: TransitionRow; onFire: (event: ContainerEvent) => void }) {
  const { event } = row;
  const title = row.enabled ? `Sends ${JSON.stringify(event)}${row.guard ? ` (guard ${row.guard})` : ''}` : (row.reason ?? undefined);
  return (
    <li className={`lc-row ${row.enabled ? 'is-enabled' : 'is-disabled'}`}>
      <button
        type="button"
        className="lc-fire"
        aria-label={fireButtonName(row)}
        title={title}
        disabled={!row.enabled}
        onClick={() => {
          if (event) onFire(event);
        }}
      >
        <span className="lc-fire-label">{row.label}</span>
        <span className="lc-fire-target" aria-hidden="true">
          → {row.to}
        </span>
      </button>
      {!row.enabled && row.reason && <span className="lc-reason">{row.reason}</span>}
    </li>
  );
}

/** The list under the diagram. */
export const TransitionList = memo(function TransitionList({ rows, onFire }: TransitionListProps) {
  const clickable = rows.filter((r) => r.event !== null);
  const enabled = clickable.filter((r) => r.enabled);
  const disabled = clickable.filter((r) => !r.enabled);
  const automatic = rows.filter((r) => r.event === null);
  if (rows.length === 0) return <p className="lc-none">No transitions leave this state: it is final.</p>;
  return (
    <div className="lc-transitions">
      <ul className="lc-list" aria-label="Transitions from the current state">
        {[...enabled, ...disabled].map((row) => (
          <FireButton key={row.id} row={row} onFire={onFire} />
        ))}
      </ul>
      {automatic.length > 0 && (
        <ul className="lc-auto" aria-label="Automatic transitions">
          {automatic.map((row) => (
            <li key={row.id} className={row.enabled ? 'is-armed' : 'is-disabled'}>
              <ClockIcon />{' '}
              {row.label} → {row.to}
              <span className="lc-muted">
                {' '}
                {row.enabled ? `(automatic${formatDelay(row.delayMs)})` : `(not armed: ${row.reason ?? 'guard is false'})`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
