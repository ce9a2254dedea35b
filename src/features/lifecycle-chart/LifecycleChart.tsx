/**
 * The selected container's state chart, drawn from the machine definition
 * (`src/model/lifecycleChart`): the current state highlighted, the transitions leaving it
 * as buttons that send the machine's own events.
 */
import { useSelector } from '@xstate/react';
import { useMemo, useRef } from 'react';
import type { ActorRefFrom, StateValue } from 'xstate';
import { cliLine, containerMachine, dockerStatus, modeRefusal, overridesPendingStop, type ContainerEvent, type PendingCommand } from '../../../machines';
import { pendingView } from '../../model/runtime/pendingStop';
import { useSimNow } from '../../react/useSimNow';
import { containerChart } from '../../model/lifecycleChart/containerChart';
import { diagramLines, diagramTokens, type LabelToken } from '../../model/lifecycleChart/diagramLabels';
import { hoistSharedTransitions } from '../../model/lifecycleChart/hoistEdges';
import { layoutChart, type ChartLayout } from '../../model/lifecycleChart/layoutChart';
import { statePath } from '../../model/lifecycleChart/stateNames';
import { activeStateIds } from '../../model/lifecycleChart/stateValue';
import { containerTransitionRows, type TransitionRow } from '../../model/lifecycleChart/transitionRows';
import type { ChartEdge } from '../../model/lifecycleChart/types';
import { useArchitecture } from '../../react/useSession';
import { ChartDiagram } from './ChartDiagram';
import { TransitionList } from './TransitionList';
import { useWideLayout } from './useWideLayout';
import './LifecycleChart.css';

/** Props of `LifecycleChart`. */
export interface LifecycleChartProps {
  /** The selected container's actor; `null`/`undefined` shows a hint instead of a chart. */
  actor: ActorRefFrom<typeof containerMachine> | null | undefined;
  /** Called with the event of a clicked transition (the caller sends it and logs it). */
  onFire: (event: ContainerEvent) => void;
  /**
   * The `docker stop`/`restart` in its grace period for this container, if any (the
   * architecture machine's pending stop): shown as a marker, and the transitions the
   * architecture refuses meanwhile are disabled with its reason.
   */
  pending?: PendingCommand | undefined;
}

interface StaticChart {
  edges: ReadonlyArray<ChartEdge<ContainerEvent>>;
  tokens: ReadonlyMap<string, LabelToken[][]>;
  /** Top to bottom (side panel) and left to right (wide), laid out on first use. */
  layouts: Partial<Record<'TB' | 'LR', ChartLayout>>;
}

let staticChart: StaticChart | null = null;

/** The drawn chart does not depend on the actor: derive it once, lay it out once per direction. */
function drawnChart(rankdir: 'TB' | 'LR'): StaticChart & { layout: ChartLayout } {
  const chart = containerChart();
  if (!staticChart) {
    const edges = hoistSharedTransitions(chart);
    staticChart = { edges, tokens: new Map(edges.map((e) => [e.id, diagramTokens(e)])), layouts: {} };
  }
  const layout = (staticChart.layouts[rankdir] ??= layoutChart({ ...chart, edges: staticChart.edges }, { rankdir, edgeLines: diagramLines }));
  return { ...staticChart, layout };
}

/** Rows as the architecture answers them: during a pending stop only what ends it (kill, rm -f, the process's end) can fire. */
function duringStop(rows: TransitionRow[], pending: PendingCommand | undefined): TransitionRow[] {
  if (!pending) return rows;
  const reason = `${cliLine(pending.container, pending.event)} is still in progress`;
  return rows.map((row) => (row.enabled && row.event && !overridesPendingStop(row.event) ? { ...row, enabled: false, reason } : row));
}

/** "stop pending: SIGKILL in 7 s": Docker still says running; the architecture knows a stop is under way. */
function PendingMarker({ actor, pending }: { actor: ActorRefFrom<typeof containerMachine>; pending: PendingCommand }) {
  const process = useSelector(actor, (s) => s.context.process);
  const now = useSimNow(true);
  const view = pendingView(pending, process, now);
  return (
    <span className={`lc-pending${view.sigkill ? ' is-sigkill' : ''}`} data-testid="lc-pending">
      {view.command} pending: <strong>{view.next}</strong>
    </span>
  );
}

function ActorChart({
  actor,
  onFire,
  wide,
  pending,
}: {
  actor: ActorRefFrom<typeof containerMachine>;
  onFire: (event: ContainerEvent) => void;
  wide: boolean;
  pending: PendingCommand | undefined;
}) {
  const valueKey = useSelector(actor, (s) => JSON.stringify(s.value));
  const status = useSelector(actor, (s) => dockerStatus(s));
  const rowsKey = useSelector(actor, (s) => JSON.stringify(containerTransitionRows(s)));
  const chart = containerChart();
  const { edges, layout, tokens } = drawnChart(wide ? 'LR' : 'TB');
  const mode = useArchitecture().mode;
  // What the mode refuses (live: the engine decides) is shown disabled with its reason;
  // during a pending stop, what the architecture refuses is disabled with its reason.
  const rows = useMemo(
    () =>
      duringStop(JSON.parse(rowsKey) as TransitionRow[], pending).map((row) => {
        const refused = row.event ? modeRefusal(mode, row.event) : null;
        return refused ? { ...row, enabled: false, reason: refused } : row;
      }),
    [rowsKey, mode, pending],
  );
  const active = useMemo(() => activeStateIds(containerMachine.root, JSON.parse(valueKey) as StateValue), [valueKey]);
  const leaf = active[active.length - 1] ?? chart.rootId;
  const leaving = useMemo(() => new Set(rows.map((r) => r.id)), [rows]);
  const firable = useMemo(() => new Set(rows.filter((r) => r.enabled).map((r) => r.id)), [rows]);
  const tokensOf = useMemo(() => (edgeId: string) => tokens.get(edgeId) ?? [], [tokens]);
  return (
    <>
      {/* Not a live region: the page's LiveAnnouncer says each change once. */}
      <p className="lc-now">
        <span className={`lc-dot lc-status-${status}`} aria-hidden="true" />
        <span>
          State <strong>{statePath(chart, leaf)}</strong>
        </span>
        <span className="lc-docker-status">
          Docker status <strong>{status}</strong>
        </span>
        {pending ? <PendingMarker actor={actor} pending={pending} /> : null}
      </p>
      <ChartDiagram chart={chart} edges={edges} layout={layout} active={active} leaving={leaving} firable={firable} tokens={tokensOf} />
      <TransitionList rows={rows} onFire={onFire} />
    </>
  );
}

/**
 * The state chart of the selected container: every state and transition of
 * `containerMachine` (derived from its definition), the current state highlighted
 * (`aria-current="true"`), and one button per transition leaving it, enabled iff the
 * machine would take that transition now.
 */
export function LifecycleChart({ actor, onFire, pending }: LifecycleChartProps) {
  const ref = useRef<HTMLElement>(null);
  const wide = useWideLayout(ref);
  return (
    <section ref={ref} aria-label="State chart" className={`lc${wide ? ' is-wide' : ''}`}>
      {actor ? <ActorChart actor={actor} onFire={onFire} wide={wide} pending={pending} /> : <p className="lc-empty">Select a container to see its state chart</p>}
    </section>
  );
}
