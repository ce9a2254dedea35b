/**
 * A Docker command that takes time in the CLI (`docker stop`, `docker restart`, the stop
 * phase of `docker compose stop`): SIGTERM now, then the process exits by itself or
 * SIGKILL arrives when the grace period ends. Docker's status stays `running` meanwhile
 * (moby `daemon/stop.go` sets no flag), so the machine is only told when the CLI would
 * return; this record lets a UI show the countdown. Times are Unix ms on the actor clock.
 */
import { stopOutcome, DEFAULT_STOP_TIMEOUT_SECONDS } from '../container/processModel';
import type { ContainerContext, ContainerEvent } from '../container/types';

export interface PendingCommand {
  container: string;
  event: ContainerEvent;
  /** When SIGTERM was sent. */
  startedAt: number;
  /** When the CLI returns (the process died). */
  endsAt: number;
  /** Grace period, ms (`-t`, default 10 s). */
  graceMs: number;
  /** The process exits by itself before the grace period ends. */
  exitsGracefully: boolean;
  /** The exit code Docker will record. */
  exitCode: number;
  /** Human summary of the process's stop behaviour. */
  behaviour: string;
}

/** A stop in its grace period, as the architecture keeps it; `startCount` tells a later run of the same container from this one. */
export interface PendingStop extends PendingCommand {
  /** The container's ID (its child actor's id). */
  id: string;
  startCount: number;
}

/** How the process reacts to SIGTERM, in the lesson's words. */
export function describeStopBehaviour(process: ContainerContext['process']): string {
  switch (process.onStopSignal) {
    case 'exits':
      return 'dies on SIGTERM at once (default signal action, exit 143)';
    case 'graceful':
      return `handles SIGTERM: shuts down in ${formatMs(process.shutdownMs)} and exits ${process.exitCode}`;
    case 'ignores':
      return 'ignores SIGTERM (PID 1 without a handler): killed with SIGKILL after the grace period (137)';
  }
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

/** The pending record for a stop-like `event` on a live container at `now`, or null when it is instant. */
export function pendingFor(container: string, context: ContainerContext, event: ContainerEvent, now: number): PendingCommand | null {
  if (event.type !== 'stop' && event.type !== 'restart') return null;
  const timeout = event.timeoutSeconds ?? DEFAULT_STOP_TIMEOUT_SECONDS;
  const outcome = stopOutcome(context.process, timeout);
  if (outcome.durationMs <= 0) return null;
  return {
    container,
    event,
    startedAt: now,
    endsAt: now + outcome.durationMs,
    graceMs: timeout < 0 ? Number.POSITIVE_INFINITY : timeout * 1000,
    exitsGracefully: outcome.signals.length === 1,
    exitCode: outcome.exitCode,
    behaviour: describeStopBehaviour(context.process),
  };
}
