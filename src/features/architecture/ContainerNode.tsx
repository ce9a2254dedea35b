/**
 * A container on the canvas. It subscribes to ITS actor only, with selectors returning
 * primitives, so a command sent to one container re-renders one node.
 */
import { memo, type KeyboardEvent } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useSelector } from '@xstate/react';
import { useIsSelected, useSelection } from '../../model/session/useSession';
import { statusPresentation } from '../../model/status/statusPresentation';
import {
  selectExitCode,
  selectHealth,
  selectOomKilled,
  selectRestartCount,
  selectStartedAt,
  selectStatus,
} from './containerSelectors';
import type { ContainerFlowNode } from './flowTypes';
import { StatusIcon } from '../../model/status/StatusIcon';
import { StatusText } from './StatusText';
import { useDegradedBy } from './useDegradedBy';
import { useFocusNeighbour } from './useFocusNeighbour';
import './ContainerNode.css';

function ContainerNodeComponent({ data }: NodeProps<ContainerFlowNode>) {
  const { name, service, image, actor, dependencies } = data;
  const status = useSelector(actor, selectStatus);
  const exitCode = useSelector(actor, selectExitCode);
  const startedAt = useSelector(actor, selectStartedAt);
  const restartCount = useSelector(actor, selectRestartCount);
  const oomKilled = useSelector(actor, selectOomKilled);
  const health = useSelector(actor, selectHealth);
  const selected = useIsSelected(name);
  const selection = useSelection();
  const degradedBy = useDegradedBy(dependencies);
  const focusNeighbour = useFocusNeighbour(name);

  const { label } = statusPresentation(status);
  const exitInfo = status === 'exited' ? `, exit code ${exitCode}${oomKilled ? ', OOM killed' : ''}` : '';
  const ariaLabel = `${name}, ${status}${exitInfo}${degradedBy ? ', degraded' : ''}`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      selection.select(name);
      return;
    }
    focusNeighbour(event);
  };

  return (
    <div
      className={`container-node container-node--${status}${selected ? ' is-selected' : ''}`}
      data-container={name}
      data-service={service}
      data-status={status}
      data-selected={selected ? 'true' : 'false'}
      data-degraded={degradedBy ? 'true' : undefined}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={ariaLabel}
      onKeyDown={onKeyDown}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="container-node__handle" />
      <span key={status} className="container-node__pulse" aria-hidden="true" />
      <div className="container-node__title">
        <StatusIcon status={status} className="container-node__icon" />
        <span className="container-node__name" title={name}>
          {name}
        </span>
      </div>
      <div className="container-node__image" title={image}>
        {image}
      </div>
      <div className="container-node__status">
        <span className="container-node__label">{label}</span>
        {restartCount > 0 && status !== 'removed' ? (
          <span className="container-node__fact" title="RestartCount: restarts made by the restart policy">
            restarts: {restartCount}
          </span>
        ) : null}
        {oomKilled && status !== 'removed' ? (
          <span className="container-node__fact" title="State.OOMKilled: the kernel OOM killer ended the process">
            OOMKilled
          </span>
        ) : null}
      </div>
      {status === 'created' || status === 'removed' ? null : (
        <StatusText className="container-node__ps" status={status} exitCode={exitCode} startedAt={startedAt} health={health} />
      )}
      {degradedBy ? (
        <span className="container-node__degraded" title={`Degraded: ${degradedBy}`}>
          <span aria-hidden="true">⚠ </span>degraded
        </span>
      ) : null}
      <Handle type="source" position={Position.Right} isConnectable={false} className="container-node__handle" />
    </div>
  );
}

/** Memoized custom node: re-renders only when its own actor's selected values change. */
export const ContainerNode = memo(ContainerNodeComponent);
