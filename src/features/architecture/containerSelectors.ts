/**
 * Selectors for `useSelector(actor, selector)`: each returns a primitive, so a component
 * re-renders only when that value changes.
 */
import { dockerStatus, inspectState, type ContainerSnapshot, type DockerStatus } from '../../../machines';

export const selectStatus = (s: ContainerSnapshot): DockerStatus => dockerStatus(s);
export const selectExitCode = (s: ContainerSnapshot): number => s.context.exitCode;
export const selectStartedAt = (s: ContainerSnapshot): number | null => s.context.startedAt;
export const selectRestartCount = (s: ContainerSnapshot): number => s.context.restartCount;
export const selectOomKilled = (s: ContainerSnapshot): boolean => s.context.oomKilled;
export const selectHealth = (s: ContainerSnapshot): 'starting' | 'healthy' | 'unhealthy' | null =>
  inspectState(s).Health?.Status ?? null;
