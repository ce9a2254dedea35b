/**
 * A "calls" edge, drawn from the TARGET container's status (it subscribes to that one
 * actor): solid with a moving flow while the target runs, dashed amber while it is
 * paused, red dotted "cut" otherwise, with a label and a title saying why.
 */
import { memo } from 'react';
import { EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { useSelector } from '@xstate/react';
import { StatusIcon } from '../../model/status/StatusIcon';
import { describeStatus } from '../../model/status/statusPresentation';
import { selectStatus } from './containerSelectors';
import { markerId } from './EdgeMarkers';
import { edgeTone, edgeWord } from './edgeTone';
import type { DependencyFlowEdge } from './flowTypes';
import './DependencyEdge.css';

function DependencyEdgeComponent(props: EdgeProps<DependencyFlowEdge>) {
  const { id, data, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const status = useSelector(data?.target, (s) => (s ? selectStatus(s) : 'removed'));
  const tone = edgeTone(status);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const sourceName = data?.sourceName ?? props.source;
  const targetName = data?.targetName ?? props.target;
  const why = `${sourceName} → ${targetName}: ${describeStatus(targetName, status)}`;

  return (
    <g className={`dependency-edge dependency-edge--${tone}`} data-edge={id} data-target-status={status}>
      <title>{why}</title>
      <path className="dependency-edge__hit" d={path} />
      <path className="dependency-edge__path" d={path} markerEnd={`url(#${markerId(tone)})`} />
      {tone === 'live' ? <path className="dependency-edge__flow" d={path} /> : null}
      {tone === 'live' ? null : (
        <EdgeLabelRenderer>
          <div
            className={`dependency-edge__label dependency-edge__label--${tone}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            title={why}
          >
            <StatusIcon status={tone === 'paused' ? 'paused' : 'removed'} />
            {edgeWord(status)}
          </div>
        </EdgeLabelRenderer>
      )}
    </g>
  );
}

/** Memoized custom edge: re-renders when its geometry or its target's status changes. */
export const DependencyEdge = memo(DependencyEdgeComponent);
