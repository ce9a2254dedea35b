/**
 * The simulated main process: what it does when Docker signals it.
 * Source: docs/docker-behaviour.md §2.2 (exit codes; PID-1 caveat from docker/cli
 * `container_run.md`) and moby `daemon/stop.go` (stop signal, grace period, SIGKILL).
 */
import { SIGKILL, SIGTERM, terminatesByDefault } from './signals';
import type { ProcessSpec } from './types';

/** Docker's default stop grace period on Linux, seconds (`daemon/config/config_linux.go`). */
export const DEFAULT_STOP_TIMEOUT_SECONDS = 10;

/** Defaults for a process the spec does not describe. */
export function normaliseProcess(spec: ProcessSpec | undefined): Required<ProcessSpec> {
  return {
    onStopSignal: spec?.onStopSignal ?? 'exits',
    shutdownMs: spec?.shutdownMs ?? 500,
    exitCode: spec?.exitCode ?? 0,
    completesAfterMs: spec?.completesAfterMs ?? 0,
    completionExitCode: spec?.completionExitCode ?? 0,
  };
}

/** How a `docker stop` (or the stop phase of restart) ends. */
export interface StopOutcome {
  /** Signals sent, in order: `[15]` or `[15, 9]`. */
  signals: number[];
  /** The exit code Docker records: app-defined, 143 or 137. */
  exitCode: number;
  /** Time from SIGTERM to the process's death, ms (for display; the CLI blocks this long). */
  durationMs: number;
}

/**
 * `docker stop -t timeoutSeconds`: SIGTERM, wait up to the grace period, then SIGKILL.
 * A negative timeout waits forever (moby `containerStop`), so a graceful process always
 * finishes and an ignoring one would hang; we model the hang as SIGKILL never coming and
 * cap it as a kill after the process's own time, documented as a simplification.
 */
export function stopOutcome(process: Required<ProcessSpec>, timeoutSeconds = DEFAULT_STOP_TIMEOUT_SECONDS): StopOutcome {
  const graceMs = timeoutSeconds < 0 ? Number.POSITIVE_INFINITY : timeoutSeconds * 1000;
  switch (process.onStopSignal) {
    case 'exits':
      return { signals: [SIGTERM], exitCode: 128 + SIGTERM, durationMs: 0 };
    case 'graceful':
      if (process.shutdownMs <= graceMs) {
        return { signals: [SIGTERM], exitCode: process.exitCode, durationMs: process.shutdownMs };
      }
      return { signals: [SIGTERM, SIGKILL], exitCode: 128 + SIGKILL, durationMs: graceMs };
    case 'ignores':
      if (!Number.isFinite(graceMs)) {
        // `docker stop -t -1` on a process that ignores SIGTERM blocks forever in Docker.
        return { signals: [SIGTERM, SIGKILL], exitCode: 128 + SIGKILL, durationMs: 0 };
      }
      return { signals: [SIGTERM, SIGKILL], exitCode: 128 + SIGKILL, durationMs: graceMs };
  }
}

/**
 * What a `docker kill -s <n>` does to the process: the exit code if it dies, else null.
 * SIGKILL always kills (137). The stop signal follows the process's behaviour (a graceful
 * handler exits with its own code; modelled as exiting before the CLI returns). Other
 * signals kill with 128+n when their default action terminates, except for PID 1, which
 * the kernel shields from default actions: a PID 1 that `ignores` survives them.
 */
export function killOutcome(process: Required<ProcessSpec>, signal: number): number | null {
  if (signal === SIGKILL) return 128 + SIGKILL;
  if (signal === SIGTERM) {
    if (process.onStopSignal === 'graceful') return process.exitCode;
    if (process.onStopSignal === 'ignores') return null;
    return 128 + SIGTERM;
  }
  if (!terminatesByDefault(signal)) return null;
  if (process.onStopSignal === 'ignores') return null;
  // A process with a graceful SIGTERM handler typically handles SIGINT/SIGQUIT the same way
  // and reloads on SIGHUP/SIGUSR* (nginx); others die with 128+n.
  if (process.onStopSignal === 'graceful') return signal === 2 || signal === 3 ? process.exitCode : null;
  return 128 + signal;
}
