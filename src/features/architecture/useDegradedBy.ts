/**
 * Which of a container's dependencies are not serving, as one string
 * (`order-service is paused; postgres is stopped (exited)`), empty when all run.
 * Subscribes to each dependency actor; the string is a primitive, so the node
 * re-renders only when the answer changes.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { dockerStatus, type ContainerActor } from '../../../machines';
import { describeStatus, isServing } from '../../model/status/statusPresentation';

function degradedBy(dependencies: readonly ContainerActor[]): string {
  const reasons: string[] = [];
  for (const actor of dependencies) {
    const snapshot = actor.getSnapshot();
    const status = dockerStatus(snapshot);
    if (!isServing(status)) reasons.push(describeStatus(snapshot.context.name, status));
  }
  return reasons.join('; ');
}

function useDependencyStore<T>(dependencies: readonly ContainerActor[], read: (deps: readonly ContainerActor[]) => T): T {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const subscriptions = dependencies.map((actor) => actor.subscribe(onChange));
      return () => {
        for (const s of subscriptions) s.unsubscribe();
      };
    },
    [dependencies],
  );
  const get = useCallback(() => read(dependencies), [dependencies, read]);
  return useSyncExternalStore(subscribe, get, get);
}

const anyDown = (dependencies: readonly ContainerActor[]) => dependencies.some((actor) => !isServing(dockerStatus(actor.getSnapshot())));

/**
 * Whether any dependency is not serving. A boolean, so a node re-renders only when it
 * becomes degraded or recovers, not each time the list of reasons changes (a storm of
 * commands on replicas it depends on).
 */
export function useIsDegraded(dependencies: readonly ContainerActor[]): boolean {
  return useDependencyStore(dependencies, anyDown);
}

/** The reasons a container is degraded (empty string: not degraded), for the badge's tooltip. */
export function useDegradedBy(dependencies: readonly ContainerActor[]): string {
  return useDependencyStore(dependencies, degradedBy);
}
