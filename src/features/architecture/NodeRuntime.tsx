/**
 * Time-based facts on a container node, each subscribed on its own so only this part
 * re-renders while a countdown runs:
 * - `NodePendingStop`: a `docker stop`/`restart` in its grace period ("SIGTERM ignored ·
 *   SIGKILL in 7 s") with a progress bar; the status stays `running`, as in Docker.
 * - `NodeBackoff`: a crash-looping container's next policy start ("next start in 400 ms").
 * - `NodeHealth`: `(healthy)` / `(unhealthy)` / `(health: starting)` with an icon, as `docker ps`.
 */
import { memo } from 'react';
import { useSelector } from '@xstate/react';
import type { ContainerActor, ContainerSnapshot, PendingCommand } from '../../../machines';
import { healthIcon, healthPsText, type HealthStatus } from '../../model/runtime/healthText';
import { pendingView } from '../../model/runtime/pendingStop';
import { nextStartText } from '../../model/runtime/restartBackoff';
import { useSimNow } from '../../react/useSimNow';

const selectOnStopSignal = (s: ContainerSnapshot) => s.context.process.onStopSignal;
const selectFinishedAt = (s: ContainerSnapshot) => s.context.finishedAt;
const selectRestartDelay = (s: ContainerSnapshot) => s.context.restartDelayMs;

/** The countdown of a stop in progress, in place of the `docker ps` line. */
export const NodePendingStop = memo(function NodePendingStop({ actor, pending }: { actor: ContainerActor; pending: PendingCommand }) {
  const onStopSignal = useSelector(actor, selectOnStopSignal);
  const now = useSimNow(true);
  const view = pendingView(pending, { onStopSignal }, now);
  return (
    <>
      <span className={`container-node__pending${view.sigkill ? ' is-sigkill' : ''}`} title={`docker ${view.command}: ${view.text}`}>
        <span className="container-node__pending-signal">{view.signal} ·</span> <span className="container-node__pending-next">{view.next}</span>
      </span>
      <span className="container-node__progress" aria-hidden="true">
        <span style={{ width: `${Math.round(view.progress * 100)}%` }} />
      </span>
    </>
  );
});

/** `next start in 400 ms` while the restart policy's back-off runs. */
export const NodeBackoff = memo(function NodeBackoff({ actor }: { actor: ContainerActor }) {
  const finishedAt = useSelector(actor, selectFinishedAt);
  const restartDelayMs = useSelector(actor, selectRestartDelay);
  const now = useSimNow(true);
  const text = nextStartText({ status: 'restarting', finishedAt, restartDelayMs }, now);
  return (
    <span className="container-node__backoff" title={`Restart policy back-off: ${restartDelayMs} ms after the last exit`}>
      {text}
    </span>
  );
});

/** The health suffix of `docker ps`, with an icon (shape differs per status). */
export function NodeHealth({ health }: { health: HealthStatus }) {
  const icon = healthIcon(health);
  return (
    <span className={`container-node__health container-node__health--${health}`} title={`State.Health.Status: ${health} (docker ps: ${healthPsText(health)})`}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d={icon.d} fill="none" stroke="currentColor" strokeWidth={3} strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="container-node__health-text">{healthPsText(health)}</span>
    </span>
  );
}
