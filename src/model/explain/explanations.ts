/**
 * What Docker did underneath a command, in the lesson's words. One place for every text,
 * short, and true to docs/docker-behaviour.md (section numbers in brackets). The event log
 * shows them when "Learn" is on; embeds can turn them off.
 */
import type { DockerEventMessage, LogEntry } from '../../../machines';
import { parseSignal } from '../events/signals';

/** An explanation: a title and one to three sentences. */
export interface Explanation {
  title: string;
  text: string;
}

const T = {
  create: {
    title: 'docker create',
    text: 'Docker prepared a container from the image: a new ID, a thin writable layer on top of the read-only image layers, and its configuration. No process runs yet: the status is Created.',
  },
  start: {
    title: 'docker start',
    text: 'Docker created the namespaces (PID, network, mount, UTS) and cgroups, attached the container to its network, and started the main process. Inside, it is PID 1; on the host it has an ordinary PID.',
  },
  pause: {
    title: 'docker pause',
    text: 'The cgroup freezer stopped every process of the container. Memory is kept and nothing is killed; Docker still counts it as running (Running and Paused are both true). Health checks stop and read unhealthy.',
  },
  unpause: {
    title: 'docker unpause',
    text: 'The cgroup freezer thawed the processes; they continue exactly where they were.',
  },
  stopGraceful: {
    title: 'docker stop: graceful',
    text: 'Docker sent SIGTERM (the stop signal) and waited. The process handled it, cleaned up and exited by itself with its own exit code, within the grace period (10 s by default).',
  },
  stopDefault: {
    title: 'docker stop: killed by SIGTERM',
    text: 'Docker sent SIGTERM. The process had no handler, so the default action killed it at once: exit code 128 + 15 = 143.',
  },
  stopForced: {
    title: 'docker stop: SIGKILL after the grace period',
    text: 'Docker sent SIGTERM and waited the grace period, but the process did not exit (a PID 1 without a handler ignores SIGTERM, or its shutdown was too slow). Docker then sent SIGKILL, which cannot be ignored: exit code 128 + 9 = 137.',
  },
  kill: {
    title: 'docker kill',
    text: 'Docker sent SIGKILL at once, with no grace period: the kernel ends the process immediately, exit code 137. A kill also cancels the restart policy for this run.',
  },
  killSignal: {
    title: 'docker kill -s',
    text: 'Docker sent the signal and returned. The process decides what to do with it: here it kept running (for example nginx reloads on SIGHUP).',
  },
  restart: {
    title: 'docker restart',
    text: 'A stop (SIGTERM, grace period, SIGKILL if needed) then a start: a new process with a new host PID, in the same container with the same writable layer. The restart count resets to 0.',
  },
  remove: {
    title: 'docker rm',
    text: "Docker deleted the container and its writable layer. The image stays: a new container can be created from it, with a new ID. Anything written inside the container and not in a volume is gone.",
  },
  removeForce: {
    title: 'docker rm -f',
    text: 'Docker killed the process with SIGKILL (exit 137), then deleted the container and its writable layer. The image stays.',
  },
  crash: {
    title: 'The process exited by itself',
    text: 'The main process ended with a non-zero exit code: a crash. The container stops with it, since a container lives as long as its main process.',
  },
  sigtermHandled: {
    title: 'Graceful shutdown after SIGTERM',
    text: 'The process received SIGTERM (the kill just before), handled it, cleaned up and exited by itself with its own exit code. That is a graceful shutdown, not a job that finished on its own.',
  },
  sigtermDefault: {
    title: 'Ended by SIGTERM',
    text: 'The process received SIGTERM (the kill just before) and had no handler, so the default action ended it: exit code 128 + 15 = 143.',
  },
  sigkill: {
    title: 'Killed by SIGKILL',
    text: 'The process received SIGKILL (the kill just before), which cannot be handled or ignored: the kernel ended it at once, exit code 128 + 9 = 137.',
  },
  exitClean: {
    title: 'The process finished',
    text: 'The main process ended with exit code 0: its work was done. The container stops with it.',
  },
  oom: {
    title: 'Out of memory',
    text: "The kernel's OOM killer ended the main process because the container used more memory than its cgroup allows: exit code 137 and OOMKilled true.",
  },
  restarting: {
    title: 'Restart policy',
    text: 'The restart policy says to start it again. Docker waits a back-off first: 100 ms, doubled after each quick exit, up to 1 minute; it resets after a run of 10 s. Meanwhile the status is restarting.',
  },
  policyStart: {
    title: 'Restarted by the restart policy',
    text: 'The back-off elapsed and Docker started the container again: a new process, the restart count went up by one.',
  },
  health: {
    title: 'Health check',
    text: 'Docker ran the health-check command inside the container. After enough failures in a row (retries) the status turns unhealthy; one success makes it healthy again. Docker itself does not restart an unhealthy container.',
  },
  refused: {
    title: "Docker refused",
    text: 'The daemon checked the container\'s state first and answered with an error; nothing changed.',
  },
  noop: {
    title: 'Nothing to do',
    text: 'The container was already in the state asked for: Docker answered 304 Not Modified and the CLI still printed the name.',
  },
} satisfies Record<string, Explanation>;

/** Every explanation by key (for a glossary or tests). */
export const EXPLANATIONS: Readonly<Record<keyof typeof T, Explanation>> = T;

const actions = (events: readonly DockerEventMessage[]) => events.filter((e) => e.Type === 'container').map((e) => e.Action);

/** What else explains an entry: for a recorded `die`, the signal the `kill` recorded just before it sent. */
export interface ExplainContext {
  signalBefore?: number | undefined;
}

/**
 * A die explained by the signal that caused it: the kill before it (in the entry, or
 * recorded just before it). `stopShaped`: the entry is a whole `docker stop` (its `stop`
 * event, or SIGTERM then SIGKILL), whose lessons name the grace period.
 */
function dieBySignal(signals: readonly number[], exitCode: number, stopShaped: boolean): Explanation | null {
  if (signals.includes(9)) return stopShaped ? T.stopForced : T.sigkill;
  if (!signals.includes(15)) return null;
  if (exitCode === 143) return stopShaped ? T.stopDefault : T.sigtermDefault;
  return stopShaped ? T.stopGraceful : T.sigtermHandled;
}

/**
 * The explanation for one log entry, chosen from its outcome, its CLI line and the Docker
 * events it produced (so a stop that ended in SIGKILL reads differently from a graceful
 * one). A recorded or live `die` is explained by what caused it: the signal sent before it
 * (`context.signalBefore`, or a `kill` in the same entry), never as a finished job when a
 * SIGTERM came first. Null when there is nothing to teach (e.g. a replayed exec event).
 */
export function explainEntry(entry: LogEntry, context: ExplainContext = {}): Explanation | null {
  if (entry.outcome === 'error') return entry.refusedBy ? null : T.refused;
  if (entry.outcome === 'no-op') return T.noop;
  const a = actions(entry.events);
  const kills = entry.events.filter((e) => e.Action === 'kill').map((e) => e.Actor.Attributes.signal);
  const die = entry.events.find((e) => e.Action === 'die');
  const exitCode = die ? Number(die.Actor.Attributes.exitCode) : undefined;
  const cli = entry.cli;

  if (a.includes('oom')) return T.oom;
  // rm -f kills only a running container: one already stopped is simply removed.
  if (/^docker rm /.test(cli)) return /^docker rm -f /.test(cli) && a.includes('kill') ? T.removeForce : T.remove;
  if (/^docker restart /.test(cli)) return T.restart;
  if (/^docker (stop|compose stop|compose down)/.test(cli) || (a.includes('stop') && a.includes('die'))) {
    if (kills.includes('9')) return T.stopForced;
    if (exitCode === 143) return T.stopDefault;
    return T.stopGraceful;
  }
  if (/^docker kill -s /.test(cli) && !die) return T.killSignal;
  if (/^docker kill/.test(cli)) return T.kill;
  if (/^docker pause/.test(cli)) return T.pause;
  if (/^docker unpause/.test(cli)) return T.unpause;
  if (/^docker create/.test(cli)) return T.create;
  if (/^docker (start|run)/.test(cli)) return T.start;
  if (entry.kind === 'daemon') {
    if (a.includes('start')) return T.policyStart;
    if (a.some((x) => x.startsWith('health_status') || x.startsWith('exec_'))) return T.health;
  }
  // A live engine's run of one command typed elsewhere (`# … engine: docker rm -f web`): its events say which.
  if (cli.startsWith('#') && a.includes('destroy')) return a.includes('die') ? T.removeForce : T.remove;
  if (cli.startsWith('#') && a.includes('restart') && a.includes('die')) return T.restart;
  // One recorded or live engine event (`# … container pause web`): what the command that makes it does.
  if (cli.startsWith('#') && a.length === 1) {
    const byEvent: Partial<Record<string, Explanation>> = { pause: T.pause, unpause: T.unpause, create: T.create, start: T.start, destroy: T.remove };
    const explained = byEvent[a[0]!];
    if (explained) return explained;
  }
  if (die && exitCode !== undefined) {
    const signals = kills.map((k) => parseSignal(k)).filter((n): n is number => n !== undefined);
    if (context.signalBefore !== undefined) signals.push(context.signalBefore);
    const bySignal = dieBySignal(signals, exitCode, signals.includes(15) && signals.includes(9));
    if (bySignal) return bySignal;
    // A crash followed by a restart policy's decision shows as die without stop.
    return exitCode === 0 ? T.exitClean : T.crash;
  }
  return null;
}

/** The restart-policy note to add after a crash when the container went to `restarting`. */
export function restartNote(): Explanation {
  return T.restarting;
}
