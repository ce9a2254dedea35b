/**
 * SLOT for the state chart of the selected container. The chart itself lives in
 * `src/features/lifecycle-chart/LifecycleChart.tsx` (props: `actor`, `onFire`); its
 * events go through `architecture.send` like every surface's, so a stop takes its grace period and the log records it.
 * The chart's code is in the `selectedPanels` chunk (see `App.tsx`): until it is there, the slot says so.
 */
import { Suspense } from 'react';
import { preloadable } from '../react/loadLater';
import { usePending } from '../react/usePending';
import { useArchitecture, useSelectedContainer } from '../react/useSession';

export const lazyChart = preloadable(() => import('./selectedPanels').then((m) => m.LifecycleChart));
const LifecycleChart = lazyChart.Component;

/** The chart for the selected container, or a hint when none is selected. */
export function ChartSlot() {
  const architecture = useArchitecture();
  const selected = useSelectedContainer();
  const pending = usePending(selected?.entry.name ?? '');
  return (
    <div className="chart-slot" data-slot="lifecycle-chart">
      {selected ? (
        <Suspense fallback={<p className="chart-slot__empty">Loading the state chart…</p>}>
          <LifecycleChart
            key={selected.entry.id}
            actor={selected.actor}
            onFire={(event) => architecture.send(selected.entry.name, event)}
            pending={pending}
          />
        </Suspense>
      ) : (
        <p className="chart-slot__empty">The state chart of the selected container appears here.</p>
      )}
    </div>
  );
}
