/** Input problems (bad parameters, a story or save that could not be read) in one dismissible `role="alert"`. */
import type { EmbedAlert } from '../embedController';

/** Props of {@link EmbedAlerts}. */
export interface EmbedAlertsProps {
  alerts: readonly EmbedAlert[];
  onDismiss: () => void;
}

/** Renders nothing without alerts. */
export function EmbedAlerts({ alerts, onDismiss }: EmbedAlertsProps) {
  if (alerts.length === 0) return null;
  return (
    <div className="cl-alert">
      <div role="alert" className="cl-alert__messages">
        {alerts.map((a) => (
          <p key={a.id}>{a.text}</p>
        ))}
      </div>
      <button type="button" className="cl-button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
