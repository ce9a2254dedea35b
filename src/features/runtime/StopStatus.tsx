/**
 * Under the selected container's summary: how its process reacts to `docker stop`
 * (always shown), and the stop/restart in progress with a progress bar while its grace
 * period runs. The record comes from the architecture machine (`Architecture.getPending`); the machine is told only
 * when the CLI would return, so the status stays `running` meanwhile, as in Docker.
 */
import { useSelector } from '@xstate/react';
import { DEFAULT_STOP_TIMEOUT_SECONDS, type ContainerActor, type ContainerSnapshot, type PendingCommand } from '../../../machines';
import { countdownText, durationText } from '../../model/runtime/durationText';
import { pendingView, stopBehaviourSummary } from '../../model/runtime/pendingStop';
import { usePending } from '../../react/usePending';
import { useSimNow } from '../../react/useSimNow';
import './runtime.css';

const selectProcess = (s: ContainerSnapshot) => s.context.process;
const selectRemoved = (s: ContainerSnapshot) => s.value === 'removed';

/** Props of {@link StopStatus}. */
export interface StopStatusProps {
  name: string;
  actor: ContainerActor;
}

/** The stop behaviour line and, while one runs, the pending command. */
export function StopStatus({ name, actor }: StopStatusProps) {
  const process = useSelector(actor, selectProcess);
  const removed = useSelector(actor, selectRemoved);
  const pending = usePending(name);
  if (removed) return null;
  return (
    <div className="stop-status">
      <p className="stop-status__behaviour">
        <span className="stop-status__term">Stop behaviour:</span> {stopBehaviourSummary(process)}
        <span className="stop-status__hint">
          {' '}
          (docker stop sends SIGTERM, waits {DEFAULT_STOP_TIMEOUT_SECONDS} s, then SIGKILL)
        </span>
      </p>
      {pending ? <PendingCommandView actor={actor} pending={pending} /> : null}
    </div>
  );
}

function PendingCommandView({ actor, pending }: { actor: ContainerActor; pending: PendingCommand }) {
  const process = useSelector(actor, selectProcess);
  const now = useSimNow(true);
  const view = pendingView(pending, process, now);
  const percent = Math.round(view.progress * 100);
  const total = pending.endsAt - pending.startedAt;
  const cli = `docker ${view.command} ${pending.container}`;
  return (
    <section className={`pending-command${view.sigkill ? ' is-sigkill' : ''}`} aria-label={`${cli} in progress`}>
      <p className="pending-command__head">
        <code>
          <span aria-hidden="true">$ </span>
          {cli}
        </code>
        <span className="pending-command__tag">in progress</span>
      </p>
      <p className="pending-command__countdown" aria-hidden="true">
        <span>{view.signal} ·</span> <span>{view.next}</span>
      </p>
      {/* Said once when the command starts (the ticking text above is hidden from screen readers). */}
      <p className="visually-hidden" role="status">
        {`${cli}: ${view.signal}; ${view.sigkill ? 'SIGKILL' : 'the process exits'} after ${durationText(total)} of simulated time.`}
      </p>
      <div
        className="pending-command__bar"
        role="progressbar"
        aria-label={`${cli} grace period`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${view.next}`}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <p className="pending-command__timeline">
        <span>SIGTERM at 0 s</span> →{' '}
        <span>{view.sigkill ? `SIGKILL at ${durationText(total)}` : `exits by itself at ${durationText(total)}`}</span> →{' '}
        <span>exit {pending.exitCode}</span> · <span>{countdownText(view.remainingMs)} left</span>
      </p>
      <p className="pending-command__explain">
        The process {pending.behaviour}. Docker keeps the status <strong>running</strong> until the process is gone: it has no
        &ldquo;stopping&rdquo; state. <strong>Kill</strong> now cancels the wait and sends SIGKILL at once.
      </p>
    </section>
  );
}
