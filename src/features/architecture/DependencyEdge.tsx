/**
 * A "calls" edge, drawn from the TARGET container's status (it subscribes to that one
 * actor, or to each replica when the target is a group: live while one runs): solid
 * with a moving flow while the target runs, dashed amber while it is paused, red dotted
 * "cut" otherwise, with a label and a title saying why. A one-shot dependency
 * (`service_completed_successfully`: a migration) is not called: its edge says whether
 * Compose's condition holds ("completed"), is pending ("runs first") or failed ("cut").
 */
import { memo, useMemo } from 'react';
import { EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { StatusIcon } from '../../react/StatusIcon';
import { describeStatus } from '../../model/status/statusPresentation';
import { markerId } from './EdgeMarkers';
import { edgeTone, edgeWord, oneShotTone } from './edgeTone';
import type { DependencyFlowEdge } from './flowTypes';
import { useOneShotVerdict } from './useOneShotVerdict';
import { useTargetStatus } from './useTargetStatus';
import './DependencyEdge.css';

const EMPTY: readonly never[] = [];

function DependencyEdgeComponent(props: EdgeProps<DependencyFlowEdge>) {
  const { id, data, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const single = data?.target;
  const fallback = useMemo(() => (single ? [single] : EMPTY), [single]);
  const targets = data?.targets ?? fallback;
  const { status, running, total } = useTargetStatus(targets);
  const oneShot = useOneShotVerdict(data?.oneShot, targets);
  const tone = oneShot ? oneShotTone(oneShot.verdict) : edgeTone(status);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const sourceName = data?.sourceName ?? props.source;
  const targetName = data?.targetName ?? props.target;
  const why = oneShot
    ? `${sourceName} starts after ${targetName} completes (depends_on condition: service_completed_successfully): ${
        oneShot.verdict === 'ok' ? `${targetName} exited 0, its work is done` : oneShot.reason
      }`
    : targets.length > 1
      ? `${sourceName} → ${targetName}: ${running} of ${total} replicas running${running === 0 ? ', nothing answers' : ''}`
      : `${sourceName} → ${targetName}: ${describeStatus(targetName, status)}`;

  return (
    <g className={`dependency-edge dependency-edge--${tone}`} data-edge={id} data-target-status={status} data-tone={tone}>
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
            {tone === 'paused' || tone === 'cut' ? <StatusIcon status={tone === 'paused' ? 'paused' : 'removed'} /> : null}
            {edgeWord(tone)}
          </div>
        </EdgeLabelRenderer>
      )}
    </g>
  );
}

/** Memoized custom edge: re-renders when its geometry or its target's status changes. */
export const DependencyEdge = memo(DependencyEdgeComponent);
