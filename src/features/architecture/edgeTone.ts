/** How a dependency edge looks for its target's status. Pure. */
import type { ConditionVerdict, DockerStatus } from '../../../machines';

/**
 * `live`: the call works; `paused`: it hangs (frozen target); `cut`: nothing answers.
 * One-shot dependencies (`service_completed_successfully`) are not called: `done` once
 * the job exited 0, `waiting` while it has not finished, `cut` when it failed.
 */
export type EdgeTone = 'live' | 'paused' | 'cut' | 'done' | 'waiting';

export function edgeTone(status: DockerStatus): EdgeTone {
  if (status === 'running') return 'live';
  if (status === 'paused') return 'paused';
  return 'cut';
}

/** The tone of a one-shot edge for Compose's verdict on its condition (`checkCondition`). */
export function oneShotTone(verdict: ConditionVerdict['verdict']): EdgeTone {
  if (verdict === 'ok') return 'done';
  return verdict === 'wait' ? 'waiting' : 'cut';
}

/** The short word drawn on an edge that is not live (the title says the whole reason). */
export function edgeWord(tone: EdgeTone): string {
  return { live: '', paused: 'hangs', cut: 'cut', done: 'completed', waiting: 'runs first' }[tone];
}
