/**
 * A container on the canvas. It subscribes to ITS actor only, with selectors returning
 * primitives, so a command sent to one container re-renders one node.
 */
import { memo, type CSSProperties, type KeyboardEvent } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useSelector } from '@xstate/react';
import type { ContainerActor } from '../../../machines';
import { labelText } from '../../model/layout/nodeLabels';
import { useIsSelected, useSelection } from '../../react/useSession';
import { isServing, statusPresentation } from '../../model/status/statusPresentation';
import { usePending } from '../../react/usePending';
import {
  selectExitCode,
  selectHealth,
  selectOomKilled,
  selectRestartCount,
  selectStartedAt,
  selectStatus,
} from './containerSelectors';
import type { ContainerFlowNode } from './flowTypes';
import { NodeBackoff, NodeHealth, NodePendingStop } from './NodeRuntime';
import { StatusIcon } from '../../react/StatusIcon';
import { StatusText } from './StatusText';
import { useComposeActivity } from './useComposeActivity';
import { useDegradedBy, useIsDegraded } from './useDegradedBy';
import { useFocusNeighbour } from './useFocusNeighbour';
import './ContainerNode.css';
import { WaitIcon } from '../../react/WaitIcon';

/**
 * The `docker ps` line fits without an ellipsis up to this many characters: 13.5 px
 * monospace is at most ~8.2 px a character (0.6 em fonts: DejaVu/Liberation Mono, SF
 * Mono, Menlo; Consolas is narrower) and the line has 188 px (216 − borders − padding).
 * `Up 59 seconds (Paused)` is 22. Such a line drops its clip (ContainerNode.css), so its
 * changing text is painted with the node itself and not as a separately clipped piece
 * whose size changes: that made the compositor rebuild the whole canvas on every command.
 */
const PS_FITS_CHARS = 22;

function ContainerNodeComponent({ data }: NodeProps<ContainerFlowNode>) {
  const { name, service, image, label: nameLabel, inGroup, title, actor, dependencies } = data;
  const status = useSelector(actor, selectStatus);
  const exitCode = useSelector(actor, selectExitCode);
  const startedAt = useSelector(actor, selectStartedAt);
  const restartCount = useSelector(actor, selectRestartCount);
  const oomKilled = useSelector(actor, selectOomKilled);
  const health = useSelector(actor, selectHealth);
  const selected = useIsSelected(name);
  const selection = useSelection();
  // Degraded: it serves, but a dependency does not. A container not running makes no calls (one waiting in `created` during a Compose up is not degraded).
  const degraded = useIsDegraded(dependencies) && isServing(status);
  const focusNeighbour = useFocusNeighbour(name);
  const compose = useComposeActivity(service);
  // A timed docker stop/restart in its grace period (the architecture machine's `pending`): still `running`.
  const pending = usePending(name);
  const backoff = status === 'restarting';
  // docker ps shows health only while Up; the restart count then moves to the title row.
  const showHealth = health !== null && status === 'running' && !pending;

  const { label } = statusPresentation(status);
  // The accessible name is the node's visible text (name, image, status label, `docker ps`
  // status with the exit code, health, OOMKilled, degraded, compose, pending command), so
  // what a speech-input user reads on screen is its name (WCAG 2.5.3).

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      selection.select(name);
      return;
    }
    focusNeighbour(event);
  };

  // `#1` of a lone replica says nothing the canvas's project label does not.
  const suffix = nameLabel.kind === 'replica' && !inGroup ? null : labelText(nameLabel);
  const longName = title.detailLines === 2;

  return (
    <div
      className={`container-node container-node--${status}${selected ? ' is-selected' : ''}${longName ? ' container-node--long-name' : ''}${inGroup ? ' container-node--replica' : ''}`}
      // The title's sizes fit the service name (nodeLabels.titleSizes), set once.
      style={{ '--title-detail': `${title.detail}px`, '--title-overview': `${title.overview}px`, '--title-far': `${title.far}px` } as CSSProperties}
      data-container={name}
      data-service={service}
      data-status={status}
      // For tests and tools, as `docker inspect` has them: .State.Health.Status while there is a health check, .State.ExitCode once exited.
      data-health={health ?? undefined}
      data-exit-code={status === 'exited' ? exitCode : undefined}
      data-selected={selected ? 'true' : 'false'}
      data-degraded={degraded ? 'true' : undefined}
      data-compose={compose ? (compose.waitingFor ? 'waiting' : 'acting') : undefined}
      data-pending={pending ? pending.event.type : undefined}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      onKeyDown={onKeyDown}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="anchor-handle" />
      <span key={status} className="container-node__pulse" aria-hidden="true" />
      <div className="container-node__title">
        <StatusIcon status={status} className="container-node__icon" fixedBox />
        {/* The title is the service; of the container name only what differs from it
            (`#2` for `<project>-<service>-2`, or a container_name). The full name is in
            the accessible name and the tooltip. */}
        <span className="container-node__name" title={name}>
          {service}
        </span>
        {suffix ? (
          <span className={`container-node__suffix container-node__suffix--${nameLabel.kind}`} title={name}>
            <span className="container-node__name-text">{suffix}</span>
          </span>
        ) : null}
        {nameLabel.kind === 'service' ? null : <span className="visually-hidden">container {name}</span>}
        {showHealth && restartCount > 0 ? (
          <span className="container-node__fact container-node__fact--title" title={`RestartCount ${restartCount}: restarts made by the restart policy`}>
            ↻ {restartCount}
          </span>
        ) : null}
      </div>
      {pending || backoff ? null : (
        <div className="container-node__image" title={image}>
          <span className="container-node__name-text">{image}</span>
        </div>
      )}
      <div className="container-node__status">
        <span className="container-node__label">{label}</span>
        {restartCount > 0 && status !== 'removed' && !showHealth ? (
          <span className="container-node__fact" title="RestartCount: restarts made by the restart policy">
            restarts: {restartCount}
          </span>
        ) : null}
        {oomKilled && status !== 'removed' ? (
          <span className="container-node__fact" title="State.OOMKilled: the kernel OOM killer ended the process">
            OOMKilled
          </span>
        ) : null}
        {pending ? <span className="container-node__fact">docker {pending.event.type}…</span> : null}
        {showHealth && health ? <NodeHealth health={health} /> : null}
      </div>
      {pending ? (
        <NodePendingStop actor={actor} pending={pending} />
      ) : status === 'created' || status === 'removed' ? null : (
        <StatusText className="container-node__ps" fitsChars={PS_FITS_CHARS} status={status} exitCode={exitCode} startedAt={startedAt} health={null} />
      )}
      {backoff ? <NodeBackoff actor={actor} /> : null}
      {degraded ? <DegradedBadge dependencies={dependencies} /> : null}
      {compose ? (
        <span className={`container-node__compose${compose.waitingFor ? ' is-waiting' : ''}`} title={compose.waitingFor || undefined}>
          {compose.waitingFor ? (
            <>
              <WaitIcon /> waiting
            </>
          ) : (
            compose.word
          )}
        </span>
      ) : null}
      <Handle type="source" position={Position.Right} isConnectable={false} className="anchor-handle" />
    </div>
  );
}

/** Memoized custom node: re-renders only when its own actor's selected values change. */
export const ContainerNode = memo(ContainerNodeComponent);

/** The "degraded" badge; only it re-renders when the reasons change. */
const DegradedBadge = memo(function DegradedBadge({ dependencies }: { dependencies: readonly ContainerActor[] }) {
  const reasons = useDegradedBy(dependencies);
  return (
    <span className="container-node__degraded" title={`Degraded: ${reasons}`}>
      <span aria-hidden="true">⚠ </span>degraded
    </span>
  );
});
