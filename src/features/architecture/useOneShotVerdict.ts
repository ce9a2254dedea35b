/**
 * Compose's verdict on a one-shot dependency (`condition: service_completed_successfully`)
 * for the containers behind an edge's target, from their `docker inspect` state: the rule
 * is Compose's own (`checkCondition`, the one the Compose run waits on). Subscribes to each
 * actor; returns primitives so the edge re-renders only when the verdict changes.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { checkCondition, inspectState, type ConditionVerdict, type ContainerActor, type DependencySpec } from '../../../machines';

/** The verdict and its reason (`waiting for … to complete`, Compose's failure message, or `''`). Pure. */
export function oneShotVerdict(dependency: DependencySpec, targets: readonly ContainerActor[]): { verdict: ConditionVerdict['verdict']; reason: string } {
  const containers = targets.map((actor) => {
    const snapshot = actor.getSnapshot();
    return { name: snapshot.context.name, state: inspectState(snapshot) };
  });
  const verdict = checkCondition(dependency, containers);
  if (verdict.verdict === 'ok') return { verdict: 'ok', reason: '' };
  return { verdict: verdict.verdict, reason: verdict.verdict === 'wait' ? verdict.reason : verdict.message };
}

const SEPARATOR = '\u0000';

/** `oneShotVerdict` of `targets`, or null without a one-shot `dependency` (a call edge). */
export function useOneShotVerdict(
  dependency: DependencySpec | undefined,
  targets: readonly ContainerActor[],
): { verdict: ConditionVerdict['verdict']; reason: string } | null {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!dependency) return () => {};
      const subscriptions = targets.map((actor) => actor.subscribe(onChange));
      return () => {
        for (const s of subscriptions) s.unsubscribe();
      };
    },
    [dependency, targets],
  );
  const get = useCallback(() => {
    if (!dependency) return '';
    const { verdict, reason } = oneShotVerdict(dependency, targets);
    return `${verdict}${SEPARATOR}${reason}`;
  }, [dependency, targets]);
  const value = useSyncExternalStore(subscribe, get, get);
  if (!dependency) return null;
  const [verdict, reason = ''] = value.split(SEPARATOR);
  return { verdict: verdict as ConditionVerdict['verdict'], reason };
}
