/**
 * How a `docker stop` / `docker restart` in progress reads on screen: the countdown
 * ("SIGTERM ignored · SIGKILL in 7 s"), its progress, and the container's stop behaviour
 * in one line. Pure: the caller passes the pending record (`Architecture.send`, kept in the architecture machine), the
 * process spec and the current simulated time.
 */
import { stopOutcome, DEFAULT_STOP_TIMEOUT_SECONDS, type PendingCommand, type ProcessSpec } from '../../../machines';
import { countdownText, durationText } from './durationText';

/** What a pending command looks like at one instant. */
export interface PendingView {
  /** `docker stop` or `docker restart`. */
  command: 'stop' | 'restart';
  /** First half: what the process did with SIGTERM (`SIGTERM sent`, `SIGTERM ignored`). */
  signal: string;
  /** Second half: what comes next and when (`exits in 1.5 s`, `SIGKILL in 7 s`). */
  next: string;
  /** Both halves: `SIGTERM ignored · SIGKILL in 7 s`. */
  text: string;
  /** Simulated ms left until the CLI returns. */
  remainingMs: number;
  /** 0 at SIGTERM, 1 when the process is gone. */
  progress: number;
  /** Whether the process will be killed with SIGKILL (exit 137) rather than exit by itself. */
  sigkill: boolean;
}

/** The pending command at `now` (simulated Unix ms). */
export function pendingView(pending: PendingCommand, process: Pick<Required<ProcessSpec>, 'onStopSignal'>, now: number): PendingView {
  const total = Math.max(1, pending.endsAt - pending.startedAt);
  const remainingMs = Math.max(0, pending.endsAt - now);
  const progress = Math.min(1, Math.max(0, (now - pending.startedAt) / total));
  const sigkill = !pending.exitsGracefully;
  const signal = process.onStopSignal === 'ignores' ? 'SIGTERM ignored' : 'SIGTERM sent';
  const next = sigkill ? `SIGKILL in ${countdownText(remainingMs)}` : `exits in ${countdownText(remainingMs)}`;
  return {
    command: pending.event.type === 'restart' ? 'restart' : 'stop',
    signal,
    next,
    text: `${signal} · ${next}`,
    remainingMs,
    progress,
    sigkill,
  };
}

/**
 * The stop behaviour in one line, shown for every container:
 * `ignores SIGTERM (PID 1 without a handler) → 137 after 10 s`.
 */
export function stopBehaviourSummary(process: Required<ProcessSpec>, timeoutSeconds = DEFAULT_STOP_TIMEOUT_SECONDS): string {
  const outcome = stopOutcome(process, timeoutSeconds);
  const grace = durationText(timeoutSeconds < 0 ? Number.POSITIVE_INFINITY : timeoutSeconds * 1000);
  switch (process.onStopSignal) {
    case 'exits':
      return `dies on SIGTERM at once (default signal action) → ${outcome.exitCode}`;
    case 'ignores':
      return `ignores SIGTERM (PID 1 without a handler) → ${outcome.exitCode} after ${grace}`;
    case 'graceful':
      return outcome.signals.length === 1
        ? `handles SIGTERM, shuts down in ${durationText(process.shutdownMs)} → ${outcome.exitCode}`
        : `handles SIGTERM but needs ${durationText(process.shutdownMs)}: SIGKILL after ${grace} → ${outcome.exitCode}`;
  }
}
