/** The selected container's identity and status: name, image, short ID, status (icon + words). */
import { dockerStatus, formatRestartPolicy, type ContainerSnapshot } from '../../../machines';
import { psStatus, statusTicks } from '../../model/status/psStatus';
import { StatusIcon } from '../../react/StatusIcon';
import { statusPresentation } from '../../model/status/statusPresentation';
import { useTickingText } from '../../react/useTickingText';

/** Props of {@link ContainerSummary}. */
export interface ContainerSummaryProps {
  /** The selected container's current snapshot. */
  snapshot: ContainerSnapshot;
}

/** Header of the action panel. */
export function ContainerSummary({ snapshot }: ContainerSummaryProps) {
  const c = snapshot.context;
  const status = dockerStatus(snapshot);
  const ps = useTickingText(statusTicks(status), (now) => psStatus({ status, exitCode: c.exitCode, startedAt: c.startedAt }, now));
  const { label } = statusPresentation(status);
  return (
    <header className={`summary summary--${status}`}>
      <h2 className="summary__name" title={c.name}>
        {c.name}
      </h2>
      <p className="summary__image" title={c.image}>
        {c.image}
      </p>
      <p className="summary__status">
        <StatusIcon status={status} className="summary__icon" />
        <strong>{label}</strong>
        {ps === label ? null : <span className="summary__ps">{ps}</span>}
      </p>
      <dl className="summary__facts">
        <div>
          <dt>ID</dt>
          <dd title={c.id}>{c.id.slice(0, 12)}</dd>
        </div>
        <div>
          <dt>restart</dt>
          <dd>{formatRestartPolicy(c.restartPolicy)}</dd>
        </div>
        {c.restartCount > 0 ? (
          <div>
            <dt>restarts</dt>
            <dd>{c.restartCount}</dd>
          </div>
        ) : null}
        {c.oomKilled ? (
          <div>
            <dt>OOMKilled</dt>
            <dd>true</dd>
          </div>
        ) : null}
      </dl>
    </header>
  );
}
