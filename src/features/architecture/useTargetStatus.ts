/**
 * The status an edge shows for the containers behind its target: one container, or the
 * replicas of a group (requests go to any replica, so the edge is live while one runs).
 * Subscribes to each actor; returns primitives so the edge re-renders only on a change.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { dockerStatus, type ContainerActor, type DockerStatus } from '../../../machines';

/** Best first: the status a set of replicas is drawn with. */
const RANK: readonly DockerStatus[] = ['running', 'restarting', 'paused', 'created', 'exited', 'dead', 'removing', 'removed'];

/** The status drawn for these statuses (the best one), and how many run. Pure. */
export function aggregateStatus(statuses: readonly DockerStatus[]): { status: DockerStatus; running: number } {
  let best: DockerStatus = 'removed';
  let running = 0;
  for (const status of statuses) {
    if (status === 'running') running++;
    const rank = RANK.indexOf(status);
    if (rank !== -1 && rank < RANK.indexOf(best)) best = status;
  }
  return { status: best, running };
}

/** `{ status, running, total }` of `targets`. */
export function useTargetStatus(targets: readonly ContainerActor[]): { status: DockerStatus; running: number; total: number } {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const subscriptions = targets.map((actor) => actor.subscribe(onChange));
      return () => {
        for (const s of subscriptions) s.unsubscribe();
      };
    },
    [targets],
  );
  const get = useCallback(() => {
    const { status, running } = aggregateStatus(targets.map((actor) => dockerStatus(actor.getSnapshot())));
    return `${status} ${running}`;
  }, [targets]);
  const [status = 'removed', running = '0'] = useSyncExternalStore(subscribe, get, get).split(' ');
  return { status: status as DockerStatus, running: Number(running), total: targets.length };
}
