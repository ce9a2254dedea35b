/**
 * SLOT for the state chart of the selected container. The chart itself lives in
 * `src/features/lifecycle-chart/LifecycleChart.tsx` (props: `actor`, `onFire`); its
 * events go through `architecture.sendTimed` like the action panel's, so a stop takes its grace period and the log records it.
 */
import { LifecycleChart } from '../features/lifecycle-chart/LifecycleChart';
import { useArchitecture, useSelectedContainer } from '../model/session/useSession';

/** The chart for the selected container, or a hint when none is selected. */
export function ChartSlot() {
  const architecture = useArchitecture();
  const selected = useSelectedContainer();
  return (
    <div className="chart-slot" data-slot="lifecycle-chart">
      {selected ? (
        <LifecycleChart
          key={selected.entry.id}
          actor={selected.actor}
          onFire={(event) => architecture.sendTimed(selected.entry.name, event)}
        />
      ) : (
        <p className="chart-slot__empty">The state chart of the selected container appears here.</p>
      )}
    </div>
  );
}
