/**
 * SLOT for the state chart of the selected container. The chart itself lives in
 * `src/features/lifecycle-chart/LifecycleChart.tsx` (props: `actor`, `onFire`); its
 * events go through `architecture.send` like every other command, so the log records them.
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
          onFire={(event) => architecture.send(selected.entry.name, event)}
        />
      ) : (
        <p className="chart-slot__empty">The state chart of the selected container appears here.</p>
      )}
    </div>
  );
}
