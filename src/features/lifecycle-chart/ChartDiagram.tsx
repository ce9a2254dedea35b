/**
 * The state chart as SVG: states (compound ones as groups), merged transition arrows with
 * their labels, initial-state dots. The current state is filled, bold, marked and
 * `aria-current`; arrows leaving it are drawn in the accent colour, all others muted.
 */
import { memo, useId } from 'react';
import { CHART_TEXT, type ChartLayout, type EdgeLayout, type NodeLayout } from '../../model/lifecycleChart/layoutChart';
import type { ChartEdge, ChartNode, StateChart } from '../../model/lifecycleChart/types';
import type { LabelToken } from '../../model/lifecycleChart/diagramLabels';
import { edgePath } from './edgePath';

/** Props of `ChartDiagram`. */
export interface ChartDiagramProps {
  chart: StateChart;
  /** The edges as drawn (see `hoistSharedTransitions`), laid out in `layout`. */
  edges: readonly ChartEdge[];
  layout: ChartLayout;
  /** Ids of the active state nodes (root to leaf). */
  active: readonly string[];
  /** Ids of transitions leaving the current state. */
  leaving: ReadonlySet<string>;
  /** Ids of transitions that can fire now. */
  firable: ReadonlySet<string>;
  /** Label tokens of an edge, by line. */
  tokens: (edgeId: string) => LabelToken[][];
}

function describeState(node: ChartNode, current: boolean): string {
  const parts = [node.path.join(' › ')];
  if (node.caption) parts.push(`Docker status ${node.caption}`);
  if (node.type === 'final') parts.push('final state');
  if (current) parts.push('current state');
  return parts.join(', ');
}

function StateBox({ node, box, current, active }: { node: ChartNode; box: NodeLayout; current: boolean; active: boolean }) {
  const classes = ['lc-state', `lc-status-${node.status ?? 'none'}`, current && 'is-current', active && 'is-active', node.type === 'final' && 'is-final']
    .filter(Boolean)
    .join(' ');
  if (box.group) {
    return (
      <g className={`${classes} lc-group`} role="img" aria-label={`${describeState(node, false)} (contains ${node.key} substates)`}>
        <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={10} />
        <text className="lc-group-title" x={box.x + 10} y={box.y + CHART_TEXT.groupTitle - 5}>
          {node.key}
        </text>
      </g>
    );
  }
  const cx = box.x + box.width / 2 + (current ? 5 : 0);
  const nameY = box.y + (node.caption ? 16 : box.height / 2 + 4);
  return (
    <g className={classes} role="img" aria-label={describeState(node, current)} aria-current={current ? 'true' : undefined}>
      {current && <rect className="lc-halo" x={box.x - 4} y={box.y - 4} width={box.width + 8} height={box.height + 8} rx={11} />}
      <rect className="lc-box" x={box.x} y={box.y} width={box.width} height={box.height} rx={7} />
      {node.type === 'final' && <rect className="lc-final" x={box.x + 3} y={box.y + 3} width={box.width - 6} height={box.height - 6} rx={5} />}
      {current && <path className="lc-here" d={`M${box.x + 8},${nameY - 8.5} l7.5,4.5 l-7.5,4.5 z`} />}
      <text className="lc-name" x={cx} y={nameY} textAnchor="middle">
        {node.key}
      </text>
      {node.caption && (
        <text className="lc-caption" x={cx} y={box.y + 30} textAnchor="middle">
          {node.caption}
        </text>
      )}
    </g>
  );
}

interface ArrowProps {
  edge: EdgeLayout;
  live: boolean;
  marker: string;
}

function Arrow({ edge, live, marker }: ArrowProps) {
  return <path className={`lc-edge ${live ? 'is-live' : 'is-muted'}`} d={edgePath(edge.points)} markerEnd={`url(#${marker})`} aria-hidden="true" />;
}

interface LabelProps {
  edge: EdgeLayout;
  lines: LabelToken[][];
  live: boolean;
  firable: ReadonlySet<string>;
}

/** An arrow's label on a background (drawn above all arrows, so no line crosses its text). */
function Label({ edge, lines, live, firable }: LabelProps) {
  const { label } = edge;
  if (!label) return null;
  return (
    <g className={`lc-label ${live ? 'is-live' : 'is-muted'}`} aria-hidden="true">
      <rect x={label.x} y={label.y} width={label.width} height={label.height} rx={3} />
      {lines.map((line, i) => (
        <text key={i} x={label.x + label.width / 2} y={label.y + CHART_TEXT.labelLine * (i + 1) - 1} textAnchor="middle">
          {line.map((token, j) => (
            <tspan key={token.text} className={token.transitionIds.some((id) => firable.has(id)) ? 'is-firable' : undefined}>
              {j > 0 ? `, ${token.text}` : token.text}
            </tspan>
          ))}
        </text>
      ))}
    </g>
  );
}

/** The diagram. Memoized: re-renders only when the active state or the live transitions change. */
export const ChartDiagram = memo(function ChartDiagram({ chart, edges, layout, active, leaving, firable, tokens }: ChartDiagramProps) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const byId = new Map(chart.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(edges.map((e) => [e.id, e]));
  const leaf = active[active.length - 1];
  const isLive = (e: EdgeLayout) => edgeById.get(e.id)?.transitions.some((t) => leaving.has(t.id)) ?? false;
  const box = (n: NodeLayout) => {
    const node = byId.get(n.id);
    return node ? <StateBox key={n.id} node={node} box={n} current={n.id === leaf} active={active.includes(n.id)} /> : null;
  };
  const muted = layout.edges.filter((e) => !isLive(e));
  const live = layout.edges.filter(isLive);
  const arrow = (e: EdgeLayout, isLiveEdge: boolean) => <Arrow key={e.id} edge={e} live={isLiveEdge} marker={`${id}-${isLiveEdge ? 'live' : 'muted'}`} />;
  const label = (e: EdgeLayout, isLiveEdge: boolean) => <Label key={`label:${e.id}`} edge={e} lines={tokens(e.id)} live={isLiveEdge} firable={firable} />;
  return (
    <svg
      className="lc-diagram"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      style={{ maxWidth: `${Math.round(layout.width * 1.3)}px` }}
      role="group"
      aria-label="Diagram of the container lifecycle"
    >
      <defs>
        {(['muted', 'live'] as const).map((kind) => (
          <marker key={kind} id={`${id}-${kind}`} className={`lc-arrowhead is-${kind}`} viewBox="0 0 10 10" refX={9} refY={5} markerWidth={7} markerHeight={7} orient="auto-start-reverse">
            <path d="M0,1 L10,5 L0,9 z" />
          </marker>
        ))}
      </defs>
      {layout.nodes.filter((n) => n.group).map(box)}
      {layout.initials.map((init) => (
        <g key={init.of} className="lc-initial" aria-hidden="true">
          <circle cx={init.centre.x} cy={init.centre.y} r={4} />
          <path d={edgePath(init.points)} markerEnd={`url(#${id}-muted)`} />
        </g>
      ))}
      {muted.map((e) => arrow(e, false))}
      {layout.nodes.filter((n) => !n.group).map(box)}
      {live.map((e) => arrow(e, true))}
      {muted.map((e) => label(e, false))}
      {live.map((e) => label(e, true))}
    </svg>
  );
});
