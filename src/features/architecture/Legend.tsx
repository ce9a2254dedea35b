/**
 * The legend: the lesson's five states (Created, Running, Paused, Stopped, Removed) with
 * the colour, icon and border each node uses, `Restarting` as a sub-status of Running,
 * and what the edge styles mean.
 */
import { LEGEND_STATUSES, statusPresentation } from '../../model/status/statusPresentation';
import { StatusIcon } from '../../react/StatusIcon';
import './Legend.css';

/** Props of {@link Legend}. */
export interface LegendProps {
  /** Element id (for a toggle's `aria-controls`). */
  id?: string;
  /** Hidden (kept in the DOM so `aria-controls` always points somewhere). Default false. */
  hidden?: boolean;
}

/** A compact, wrapping legend strip. */
export function Legend({ id, hidden = false }: LegendProps) {
  return (
    <section id={id} className="legend" aria-label="Legend" hidden={hidden}>
      <ul className="legend__states">
        {LEGEND_STATUSES.map(({ status, subStatusOf }) => {
          const p = statusPresentation(status);
          return (
            <li key={status} className={`legend__state legend__state--${status}${subStatusOf ? ' is-sub' : ''}`} title={p.meaning}>
              <span className="legend__swatch" aria-hidden="true">
                <StatusIcon status={status} />
              </span>
              <span className="legend__name">{p.label}</span>
              <span className="legend__docker">
                {subStatusOf ? `sub-status of ${statusPresentation(subStatusOf).label}` : `status: ${status}`}
              </span>
            </li>
          );
        })}
      </ul>
      <ul className="legend__edges">
        <li className="legend__edge legend__edge--live">
          <svg viewBox="0 0 36 8" aria-hidden="true">
            <path d="M2 4h32" />
          </svg>
          calls work
        </li>
        <li className="legend__edge legend__edge--paused">
          <svg viewBox="0 0 36 8" aria-hidden="true">
            <path d="M2 4h32" />
          </svg>
          target paused: calls hang
        </li>
        <li className="legend__edge legend__edge--cut">
          <svg viewBox="0 0 36 8" aria-hidden="true">
            <path d="M2 4h32" />
          </svg>
          target down: cut
        </li>
        <li className="legend__edge legend__edge--done">
          <svg viewBox="0 0 36 8" aria-hidden="true">
            <path d="M2 4h32" />
          </svg>
          one-shot job completed (exit 0)
        </li>
        <li className="legend__degraded">
          <span className="legend__badge">⚠ degraded</span> a dependency is down
        </li>
      </ul>
    </section>
  );
}
