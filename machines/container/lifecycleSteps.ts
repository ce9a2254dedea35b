/**
 * The pure steps Docker's daemon takes, as (context → new context + events). The machine
 * picks the step for each transition; these functions hold what happens to the fields.
 * Sources per step below; setters are moby `daemon/container/state.go`
 * (`setRunning`, `SetStopped`, `SetRestarting`), docs/docker-behaviour.md §1.4.
 */
import { containerEvent, networkEvent } from './dockerEvents';
import { healthOnMonitorClosed, healthOnStart } from './health';
import { hostPid } from './ids';
import { nextRestartDelay } from './restartPolicy';
import { SIGKILL } from './signals';
import type { ContainerContext, DockerEventMessage } from './types';

/** A step's result: the next context and the Docker events, in Docker's order. */
export interface Step {
  context: ContainerContext;
  messages: DockerEventMessage[];
}

/** Runs steps one after the other, concatenating their events. */
export function chain(context: ContainerContext, ...steps: Array<(c: ContainerContext) => Step>): Step {
  let current = context;
  const messages: DockerEventMessage[] = [];
  for (const step of steps) {
    const result = step(current);
    current = result.context;
    messages.push(...result.messages);
  }
  return { context: current, messages };
}

/** Just events, no field changes. */
export function emitOnly(action: string, now: number, extra: Record<string, string> = {}) {
  return (c: ContainerContext): Step => ({ context: c, messages: [containerEvent(c, action, now, extra)] });
}

/**
 * `containerStart`: `setRunning` (Pid, StartedAt = now, ExitCode 0, Error "", OOMKilled
 * false; FinishedAt untouched), network connect, event `start`. A manual start also
 * resets the restart manager (`ResetRestartManager(true)`: RestartCount 0, back-off 0)
 * and clears HasBeenManuallyStopped; a restart-policy start does not (moby
 * `daemon/start.go`, `daemon/monitor.go`).
 */
export function startProcess(now: number, manual: boolean) {
  return (c: ContainerContext): Step => {
    const startCount = c.startCount + 1;
    const context: ContainerContext = {
      ...c,
      pid: hostPid(c.id, startCount),
      startCount,
      startedAt: now,
      exitCode: 0,
      error: '',
      oomKilled: false,
      health: healthOnStart(c),
      ...(manual ? { restartCount: 0, restartDelayMs: 0, manuallyStopped: false, restartCancelled: false } : {}),
    };
    return { context, messages: [networkEvent(context, 'connect', now), containerEvent(context, 'start', now)] };
  };
}

/**
 * `handleContainerExit` (moby `daemon/monitor.go`): the back-off is recomputed on every
 * exit; `Cleanup` releases the network (disconnect, before `die` since v23); then
 * `SetRestarting` (RestartCount+1, FinishedAt = now) or `SetStopped` (FinishedAt =
 * containerd's `exitedAt`; moby `daemon/container/state.go`); event `die` with `exitCode`
 * and `execDuration` (seconds). `exitedAt` defaults to `now`.
 */
export function processExited(now: number, exitCode: number, restarting: boolean, exitedAt: number = now) {
  return (c: ContainerContext): Step => {
    const ranMs = c.startedAt === null ? 0 : Math.max(0, now - c.startedAt);
    const context: ContainerContext = {
      ...c,
      pid: 0,
      exitCode,
      finishedAt: restarting ? now : exitedAt,
      exitedAt,
      health: healthOnMonitorClosed(c.health),
      restartDelayMs: nextRestartDelay(c.restartDelayMs, ranMs),
      restartCount: restarting ? c.restartCount + 1 : c.restartCount,
    };
    return {
      context,
      messages: [
        networkEvent(context, 'disconnect', now),
        containerEvent(context, 'die', now, { exitCode: String(exitCode), execDuration: String(Math.floor(ranMs / 1000)) }),
      ],
    };
  };
}

/** `docker pause`: the freezer stops the health monitor too (Health forced to unhealthy, no event). */
export function paused(now: number) {
  return (c: ContainerContext): Step => {
    const context = { ...c, health: healthOnMonitorClosed(c.health) };
    return { context, messages: [containerEvent(context, 'pause', now)] };
  };
}

/** The kernel OOM killer: `OOMKilled = true` at once (moby ≥ v24) and event `oom`. */
export function oomKilled(now: number) {
  return (c: ContainerContext): Step => {
    const context = { ...c, oomKilled: true };
    return { context, messages: [containerEvent(context, 'oom', now)] };
  };
}

/**
 * `docker stop`/`kill` mark the container manually stopped and cancel the restart
 * manager (`killWithSignal`: `HasBeenManuallyStopped = true`, `ExitOnNext()`).
 */
export function markManuallyStopped(c: ContainerContext): Step {
  return { context: { ...c, manuallyStopped: true, restartCancelled: true }, messages: [] };
}

/**
 * `docker stop`/`kill` during the restart back-off: the cancelled restart manager makes the
 * monitor call `SetStopped` with the exit status of the last exit, so `FinishedAt` moves to
 * the exit time containerd recorded (moby `daemon/monitor.go` `handleContainerExit`, the
 * `err != nil` branch after `<-wait`). No event of its own.
 */
export function backoffCancelled(c: ContainerContext): Step {
  return { context: { ...c, finishedAt: c.exitedAt ?? c.finishedAt }, messages: [] };
}

/** A `kill` event for each signal sent (attribute `signal`, decimal). */
export function signalsSent(now: number, signals: number[], pausedBeforeFirst: boolean) {
  return (c: ContainerContext): Step => {
    const messages: DockerEventMessage[] = [];
    signals.forEach((signal, i) => {
      messages.push(containerEvent(c, 'kill', now, { signal: String(signal) }));
      // A paused task is resumed right after the first signal (moby `daemon/kill.go`
      // `task.Resume()`), which the monitor logs as `unpause`. Not after SIGKILL: runc thaws
      // the cgroup itself for SIGKILL (runc `libcontainer/container_linux.go` `Signal`), the
      // process dies and the resume finds no paused task, so no `unpause` (seen on a real
      // engine by test/engine; docs/SIMPLIFICATIONS.md).
      if (i === 0 && pausedBeforeFirst && signal !== SIGKILL) messages.push(containerEvent(c, 'unpause', now));
    });
    return { context: c, messages };
  };
}

/** The SIGKILL exit code, 128 + 9. */
export const EXIT_SIGKILL = 128 + SIGKILL;

