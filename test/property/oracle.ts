/**
 * The reference rules the property tests hold the machines to, written from
 * `docs/docker-behaviour.md` and not from `machines/` (an independent
 * oracle): §2.3 the table (outcome per state × command, events in order, resulting
 * status), §2.4 v29 error texts, §2.2 exit codes, §4 restart policies and back-off,
 * §5 health checks. Not a test file; imported by `*.property.test.ts`.
 */
import type { ContainerContext, ContainerEvent, DockerEventMessage, DockerStatus, ProcessSpec } from '../../machines';

type OutcomeKind = 'ok' | 'no-op' | 'error';

/** What the daemon answers (§2.3 legend): kind, and the text when §2.4 gives one. */
export interface ExpectedOutcome {
  kind: OutcomeKind;
  /** Exact text (v29), or a pattern when the doc only fixes part of it. */
  message?: string | RegExp;
}

/** Signal numbers `docker kill -s` understands (x86-64 Linux), by name without `SIG`. */
const SIGNAL_NUMBERS: Record<string, number> = {
  HUP: 1, INT: 2, QUIT: 3, ABRT: 6, KILL: 9, USR1: 10, SEGV: 11, USR2: 12, PIPE: 13, ALRM: 14,
  TERM: 15, CHLD: 17, CONT: 18, STOP: 19, WINCH: 28,
};
const SIGKILL = 9;
const SIGTERM = 15;

/** `docker kill -s X`: the number, or undefined for a signal Docker refuses (`Invalid signal`). No signal = SIGKILL. */
function parseSignal(signal: string | undefined): number | undefined {
  if (signal === undefined || signal === '') return SIGKILL;
  const s = signal.trim().toUpperCase();
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    return n >= 1 && n <= 64 ? n : undefined;
  }
  return SIGNAL_NUMBERS[s.startsWith('SIG') ? s.slice(3) : s];
}

const LIVE: ReadonlySet<DockerStatus> = new Set(['running', 'paused', 'restarting']);
/** Docker's `IsRunning()`: running, paused and restarting (§1.2). */
const isLive = (status: DockerStatus): boolean => LIVE.has(status);

export interface Subject {
  status: DockerStatus;
  name: string;
  id: string;
  hasHealthcheck: boolean;
  probePassing: boolean;
}

/** §4 restart policies Docker accepts: `no` (or empty), `always`, `unless-stopped`, `on-failure[:N]` (N ≥ 0). */
export function parsePolicy(policy: string): ContainerContext['restartPolicy'] | undefined {
  if (policy === '' || policy === 'no') return { name: 'no', maximumRetryCount: 0 };
  if (policy === 'always' || policy === 'unless-stopped') return { name: policy, maximumRetryCount: 0 };
  const m = /^on-failure(?::(\d+))?$/.exec(policy);
  return m ? { name: 'on-failure', maximumRetryCount: m[1] === undefined ? 0 : Number(m[1]) } : undefined;
}

/**
 * §2.3 / §2.4: the daemon's answer to `event` in `subject.status`; undefined for an event
 * this oracle does not know (added to the machine after these tests were written).
 */
export function expectedOutcome(subject: Subject, event: ContainerEvent): ExpectedOutcome | undefined {
  const { status, name, id } = subject;
  if (status === 'removed') {
    // The container no longer exists; docker/cli `rm -f` ignores a missing container (§2.3 CLI notes).
    if (event.type === 'remove' && event.force === true) return { kind: 'no-op' };
    return { kind: 'error', message: /No such container/ };
  }
  switch (event.type) {
    case 'start':
      if (status === 'paused') return { kind: 'error', message: 'cannot start a paused container, try unpause instead' };
      if (isLive(status)) return { kind: 'no-op', message: 'container is already running' };
      return { kind: 'ok' };
    case 'stop':
      return isLive(status) ? { kind: 'ok' } : { kind: 'no-op', message: 'container is already stopped' };
    case 'kill':
      if (parseSignal(event.signal) === undefined) return { kind: 'error', message: /Invalid signal/ };
      return isLive(status)
        ? { kind: 'ok' }
        : { kind: 'error', message: `cannot kill container: ${name}: container ${id} is not running` };
    case 'pause':
      if (!isLive(status)) return { kind: 'error', message: `container ${id} is not running` };
      if (status === 'paused') return { kind: 'error', message: `container ${id} is already paused` };
      if (status === 'restarting') {
        return { kind: 'error', message: `Container ${id} is restarting, wait until the container is running` };
      }
      return { kind: 'ok' };
    case 'unpause':
      return status === 'paused' ? { kind: 'ok' } : { kind: 'error', message: `Container ${id} is not paused` };
    case 'restart':
      return { kind: 'ok' };
    case 'remove':
      if (event.force === true || !isLive(status)) return { kind: 'ok' };
      if (status === 'paused') {
        return { kind: 'error', message: `cannot remove container "${name}": container is paused and must be unpaused first` };
      }
      return {
        kind: 'error',
        message: `cannot remove container "${name}": container is ${status}: stop the container before removing or force remove`,
      };
    case 'exit':
    case 'oom':
      // Only a live, unfrozen process can exit (§2.3: "exit / OOM" rows exist for running only).
      if (status !== 'running') return { kind: 'error' };
      if (event.type === 'exit' && !(Number.isInteger(event.exitCode) && event.exitCode >= 0 && event.exitCode <= 255)) {
        return { kind: 'error' };
      }
      return { kind: 'ok' };
    case 'probe':
      if (!subject.hasHealthcheck) return { kind: 'error' };
      return (event.result === 'pass') === subject.probePassing ? { kind: 'no-op' } : { kind: 'ok' };
    case 'daemon.restore':
      return status === 'restarting' || (status === 'running' && subject.hasHealthcheck) ? { kind: 'ok' } : { kind: 'no-op' };
    case 'update':
      // `docker update --restart`: any existing container; moby validates the policy first.
      return parsePolicy(event.restartPolicy) ? { kind: 'ok' } : { kind: 'error', message: /invalid restart policy/ };
    default:
      return undefined;
  }
}

/** How a `docker stop -t N` ends for this process (§2.2, PID-1 caveat; §2.3 running row). */
function expectedStop(process: Required<ProcessSpec>, timeoutSeconds: number | undefined): { signals: number[]; exitCode: number } {
  const graceMs = timeoutSeconds !== undefined && timeoutSeconds < 0 ? Number.POSITIVE_INFINITY : (timeoutSeconds ?? 10) * 1000;
  switch (process.onStopSignal) {
    case 'exits':
      return { signals: [SIGTERM], exitCode: 143 };
    case 'graceful':
      return process.shutdownMs <= graceMs ? { signals: [SIGTERM], exitCode: process.exitCode } : { signals: [SIGTERM, SIGKILL], exitCode: 137 };
    case 'ignores':
      return { signals: [SIGTERM, SIGKILL], exitCode: 137 };
  }
}

/**
 * The possible ends of `docker kill -s N` on a live process (§2.2): SIGKILL always dies
 * with 137; SIGTERM follows the stop behaviour (143, the app's own code, or survived by a
 * PID 1 that ignores it); any other signal either dies with 128+N (or the app's code when
 * it handles it) or is survived. `null` = the process survives.
 */
function possibleKillExits(process: Required<ProcessSpec>, signal: number): Array<number | null> {
  if (signal === SIGKILL) return [137];
  if (signal === SIGTERM) {
    if (process.onStopSignal === 'exits') return [143];
    if (process.onStopSignal === 'graceful') return [process.exitCode];
    return [null];
  }
  return process.onStopSignal === 'graceful' ? [null, process.exitCode, 128 + signal] : [null, 128 + signal];
}

/**
 * §4 `ShouldRestart`: `always` restarts; `unless-stopped` unless manually stopped;
 * `on-failure[:N]` on a non-zero code while RestartCount < N (0 = unlimited); a manager
 * cancelled by `docker stop`/`kill` never restarts.
 */
export function policyRestarts(
  policy: ContainerContext['restartPolicy'],
  state: { cancelled: boolean; manuallyStopped: boolean; restartCount: number },
  exitCode: number,
): boolean {
  if (state.cancelled) return false;
  switch (policy.name) {
    case 'always':
      return true;
    case 'unless-stopped':
      return !state.manuallyStopped;
    case 'on-failure':
      return exitCode !== 0 && (policy.maximumRetryCount === 0 || state.restartCount < policy.maximumRetryCount);
    case 'no':
      return false;
  }
}

/** §4 back-off: 100 ms, doubled per restart, capped at 60 s; back to 100 ms after a run of ≥ 10 s. */
export function nextBackoff(previousMs: number, ranMs: number): number {
  if (ranMs >= 10_000 || previousMs === 0) return 100;
  return Math.min(previousMs * 2, 60_000);
}

/** One Docker event as the §2.3 tables write it: `kill signal=15`, `die exitCode=143`, `network connect`. */
export function summarize(message: DockerEventMessage): string {
  if (message.Type === 'network') return `network ${message.Action}`;
  const a = message.Actor.Attributes;
  if (message.Action === 'kill') return `kill signal=${a.signal ?? '?'}`;
  if (message.Action === 'die') return `die exitCode=${a.exitCode ?? '?'}`;
  return message.Action;
}

/** One acceptable result of a command: its events in order and the status after it. */
export interface Alternative {
  events: string[];
  status: DockerStatus;
  /** ExitCode after, when the table fixes it. */
  exitCode?: number;
}

const die = (code: number) => ['network disconnect', `die exitCode=${code}`];
const startEvents = ['network connect', 'start'];

/**
 * §2.3: the events (in order) and resulting status of an accepted command or process
 * event from `status`. `restarts` says whether the restart policy restarts after a
 * process exit (see `policyRestarts`). `[unpause]` of a paused container is modelled right
 * after the first signal unless it is SIGKILL (the same choice as test/machines/transitionTable).
 */
export function expectedAlternatives(
  status: DockerStatus,
  context: ContainerContext,
  event: ContainerEvent,
  restarts: (exitCode: number) => boolean,
): Alternative[] | undefined {
  const paused = status === 'paused';
  // No `unpause` after a SIGKILL: runc thaws and the process dies first (issue 14, real engine).
  const signal = (n: number, i: number) => (i === 0 && paused && n !== 9 ? [`kill signal=${n}`, 'unpause'] : [`kill signal=${n}`]);
  const stopPhase = (timeout: number | undefined): { events: string[]; exitCode?: number } => {
    if (status === 'restarting') return { events: ['stop'] };
    if (status === 'created' || status === 'exited') return { events: [] };
    const s = expectedStop(context.process, timeout);
    return { events: [...s.signals.flatMap(signal), ...die(s.exitCode), 'stop'], exitCode: s.exitCode };
  };
  switch (event.type) {
    case 'start':
      return [{ events: startEvents, status: 'running', exitCode: 0 }];
    case 'restart':
      return [{ events: [...stopPhase(event.timeoutSeconds).events, ...startEvents, 'restart'], status: 'running', exitCode: 0 }];
    case 'stop': {
      const phase = stopPhase(event.timeoutSeconds);
      return [{ events: phase.events, status: 'exited', exitCode: phase.exitCode ?? context.exitCode }];
    }
    case 'kill': {
      // §2.3 restarting row: no signal is sent, no event, the pending restart is cancelled.
      if (status === 'restarting') return [{ events: [], status: 'exited', exitCode: context.exitCode }];
      const n = parseSignal(event.signal) ?? SIGKILL;
      return possibleKillExits(context.process, n).map((code) =>
        code === null
          ? { events: signal(n, 0), status: 'running' as const, exitCode: 0 }
          : { events: [...signal(n, 0), ...die(code)], status: 'exited' as const, exitCode: code },
      );
    }
    case 'pause':
      return [{ events: ['pause'], status: 'paused', exitCode: 0 }];
    case 'unpause':
      return [{ events: ['unpause'], status: 'running', exitCode: 0 }];
    case 'remove':
      // rm -f on a live process: SIGKILL (resuming a paused one), die 137, destroy; restarting: destroy only.
      if (status === 'running' || status === 'paused') return [{ events: [...signal(SIGKILL, 0), ...die(137), 'destroy'], status: 'removed' }];
      return [{ events: ['destroy'], status: 'removed' }];
    case 'exit':
    case 'oom': {
      const code = event.type === 'exit' ? event.exitCode : 137;
      const events = [...(event.type === 'oom' ? ['oom'] : []), ...die(code)];
      return [{ events, status: restarts(code) ? 'restarting' : 'exited', exitCode: code }];
    }
    case 'probe':
    case 'daemon.restore':
      return [{ events: [], status, exitCode: context.exitCode }];
    case 'update':
      return [{ events: ['update'], status, exitCode: context.exitCode }];
    default:
      return undefined;
  }
}

/** §5 `handleProbeResult`: the health after one probe (and whether a `health_status` event is due). */
export function expectedProbe(
  context: ContainerContext,
  now: number,
): { status: 'starting' | 'healthy' | 'unhealthy'; failingStreak: number; exitCode: number } | null {
  const hc = context.healthcheck;
  const health = context.health;
  if (!hc || !health) return null;
  if (context.probePassing) return { status: 'healthy', failingStreak: 0, exitCode: 0 };
  const inStartPeriod = context.startedAt !== null && now - context.startedAt < hc.startPeriodMs;
  if (health.status === 'starting' && inStartPeriod) return { status: health.status, failingStreak: health.failingStreak, exitCode: 1 };
  const failingStreak = health.failingStreak + 1;
  return { status: failingStreak >= hc.retries ? 'unhealthy' : health.status, failingStreak, exitCode: 1 };
}
