/**
 * The side-panel parts shown only for a selected container: the state chart, the runtime
 * panel (restart policy, health), the stop status and the service panel (scale). One
 * chunk, loaded when the page is idle after its first paint (or on the first selection,
 * whichever comes first).
 */
export { LifecycleChart } from '../features/lifecycle-chart/LifecycleChart';
export { RuntimePanel } from '../features/runtime/RuntimePanel';
export { StopStatus } from '../features/runtime/StopStatus';
export { ServicePanel } from '../features/compose/ServicePanel';
