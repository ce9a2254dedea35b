/**
 * An edge touching a service without containers. From a running dependent to such a
 * service it is a warning (amber, dashed, "⚠ not started"): Compose would not start the
 * dependency. From an inactive service it is faint: what it would depend on.
 */
import { memo } from 'react';
import { EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { PlaceholderFlowEdge } from './flowTypes';
import './PlaceholderEdge.css';

function explanation(data: PlaceholderFlowEdge['data']): string {
  if (!data) return '';
  const { sourceService, targetService, kind, reason, profiles } = data;
  const list = profiles.join(', ');
  if (kind === 'to-placeholder') {
    return reason === 'inactive'
      ? `${sourceService} depends on ${targetService}, which is not in an active profile (profiles: ${list}): it is not started`
      : `${sourceService} depends on ${targetService}, which is scaled to 0: nothing answers`;
  }
  return reason === 'inactive'
    ? `${sourceService} (inactive, profiles: ${list}) would depend on ${targetService}`
    : `${sourceService} (scaled to 0) depends on ${targetService}`;
}

function PlaceholderEdgeComponent(props: EdgeProps<PlaceholderFlowEdge>) {
  const { id, data, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const warning = data?.kind === 'to-placeholder';
  const why = explanation(data);
  return (
    <g className={`placeholder-edge placeholder-edge--${warning ? 'warning' : 'faint'}`} data-edge={id} data-placeholder-edge={data?.kind}>
      <title>{why}</title>
      <path className="placeholder-edge__hit" d={path} />
      <path className="placeholder-edge__path" d={path} />
      {warning ? (
        <EdgeLabelRenderer>
          <div
            className="placeholder-edge__label"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            title={why}
            role="note"
            aria-label={why}
          >
            <span aria-hidden="true">⚠</span> not started
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </g>
  );
}

/** Memoized custom edge: changes only with the layout. */
export const PlaceholderEdge = memo(PlaceholderEdgeComponent);
