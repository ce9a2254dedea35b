/**
 * The restart manager's back-off as a learner sees it: a container in `restarting` waits
 * `restartDelayMs` after its last exit (`finishedAt`), then the policy starts it again
 * (moby `restartmanager.go`: 100 ms doubling, capped at 60 s). Pure.
 */
import type { DockerStatus } from '../../../machines';
import { countdownText, durationText } from './durationText';

/** The few context fields the back-off needs. */
export interface BackoffFacts {
  status: DockerStatus;
  /** Unix ms of the exit that started the back-off. */
  finishedAt: number | null;
  /** The current back-off, ms. */
  restartDelayMs: number;
}

/** Simulated Unix ms of the next policy start, or null when the container is not restarting. */
export function nextStartAt(facts: BackoffFacts): number | null {
  if (facts.status !== 'restarting' || facts.finishedAt === null) return null;
  return facts.finishedAt + facts.restartDelayMs;
}

/** `next start in 400 ms` (or `starting…` once due), null when not restarting. */
export function nextStartText(facts: BackoffFacts, now: number): string | null {
  const at = nextStartAt(facts);
  if (at === null) return null;
  const left = at - now;
  return left > 0 ? `next start in ${countdownText(left)}` : 'starting…';
}

/** `back-off 400 ms` for the current delay. */
export function backoffText(restartDelayMs: number): string {
  return `back-off ${durationText(restartDelayMs)}`;
}
