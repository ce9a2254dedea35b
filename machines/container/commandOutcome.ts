/**
 * What Docker's daemon answers to a command in a given state, before anything runs.
 * Source: docs/docker-behaviour.md §2.3 (the table) and §2.4 (v29 wording): moby
 * `daemon/start.go` `validateState`, `daemon/stop.go`, `daemon/kill.go`, `daemon/pause.go`,
 * `daemon/unpause.go`, `daemon/delete.go` `cleanupContainer`, and the router's prefixes
 * in `daemon/server/router/container/container_routes.go`.
 */
import { isValidExitCode } from './exitCode';
import { isValidContainerName } from './ids';
import { parseRestartPolicy } from './restartPolicy';
import { signalNumber } from './signals';
import { CONTAINER_EVENT_TYPES, type ContainerContext, type ContainerEvent, type DockerStatus } from './types';

/** The daemon's answer: accepted (`ok`), 304 Not Modified (`no-op`), or an error. */
export type CommandOutcome =
  | { kind: 'ok' }
  | { kind: 'no-op'; httpStatus: 304; message: string }
  | { kind: 'error'; httpStatus: 400 | 404 | 409 | 500; message: string };

/** What the outcome needs to know about a container. */
export interface CommandSubject {
  status: DockerStatus;
  id: string;
  name: string;
  /** Whether a health check is configured (for the `probe` knob). Default false. */
  hasHealthcheck?: boolean;
  /** Current simulated probe result (for the `probe` knob). */
  probePassing?: boolean;
}

/** The subject of a container in `status` with context `context` (what the machine's guard and `commandError` both ask about). */
export function commandSubject(context: ContainerContext, status: DockerStatus): CommandSubject {
  return { status, id: context.id, name: context.name, hasHealthcheck: context.healthcheck !== null, probePassing: context.probePassing };
}

const OK: CommandOutcome = { kind: 'ok' };

const KNOWN_TYPES: ReadonlySet<string> = new Set(CONTAINER_EVENT_TYPES);

function noop(message: string): CommandOutcome {
  return { kind: 'no-op', httpStatus: 304, message };
}

function error(httpStatus: 400 | 404 | 409 | 500, message: string): CommandOutcome {
  return { kind: 'error', httpStatus, message };
}

/**
 * The daemon's answer to `event` for a container in `subject.status`. Pure; never throws.
 * Messages are the daemon's text (the CLI prints them after `Error response from daemon: `).
 * Process events (`exit`, `oom`) are not commands; they are refused with a plain reason
 * when no process can exit (not running, frozen by pause, or in restart back-off).
 */
export function commandOutcome(subject: CommandSubject, event: ContainerEvent): CommandOutcome {
  const { status, id, name } = subject;
  // Events can arrive untyped (postMessage, saved stories): answer, never throw.
  const type = (event as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !KNOWN_TYPES.has(type)) {
    return error(400, `unknown command: ${typeof type === 'string' ? type : JSON.stringify(type ?? null)}`);
  }
  const isRunning = status === 'running' || status === 'paused' || status === 'restarting';

  if (status === 'removed') {
    // docker/cli `rm -f` ignores a missing container (`errdefs.IsNotFound` → continue).
    if (event.type === 'remove' && event.force) return noop(`No such container: ${name}`);
    // The kill route wraps every error of the backend, "No such container" too
    // (moby `daemon/server/router/container/container_routes.go` `postContainersKill`).
    if (event.type === 'kill') return error(404, `cannot kill container: ${name}: No such container: ${name}`);
    return error(404, `No such container: ${name}`);
  }

  switch (event.type) {
    case 'start':
      if (status === 'paused') return error(409, 'cannot start a paused container, try unpause instead');
      if (isRunning) return noop('container is already running');
      if (status === 'dead' || status === 'removing') return error(409, 'container is marked for removal and cannot be started');
      return OK;
    case 'stop':
      return isRunning ? OK : noop('container is already stopped');
    case 'kill': {
      if (signalNumber(event.signal) === undefined) return error(400, `Invalid signal: ${event.signal}`);
      return isRunning ? OK : error(409, `cannot kill container: ${name}: container ${id} is not running`);
    }
    case 'pause':
      if (!isRunning) return error(409, `container ${id} is not running`);
      if (status === 'paused') return error(409, `container ${id} is already paused`);
      if (status === 'restarting') return error(409, `Container ${id} is restarting, wait until the container is running`);
      return OK;
    case 'unpause':
      return status === 'paused' ? OK : error(500, `Container ${id} is not paused`);
    case 'restart':
      if (status === 'dead' || status === 'removing') {
        return error(500, `Cannot restart container ${name}: container is marked for removal and cannot be started`);
      }
      return OK;
    case 'remove':
      if (status === 'removing') return error(409, `removal of container ${name} is already in progress`);
      if (event.force || !isRunning) return OK;
      if (status === 'paused') {
        return error(409, `cannot remove container "${name}": container is paused and must be unpaused first`);
      }
      return error(409, `cannot remove container "${name}": container is ${status}: stop the container before removing or force remove`);
    case 'probe':
      if (event.result !== 'pass' && event.result !== 'fail') return error(400, `invalid probe result: ${String(event.result)}`);
      if (!subject.hasHealthcheck) return error(409, `container ${name} has no healthcheck configured`);
      return (event.result === 'pass') === (subject.probePassing ?? true)
        ? noop(`the probe already ${event.result === 'pass' ? 'passes' : 'fails'}`)
        : OK;
    case 'update':
      try {
        parseRestartPolicy(event.restartPolicy);
        return OK;
      } catch (e) {
        return error(400, (e as Error).message);
      }
    case 'rename': {
      // moby `daemon/rename.go` `ContainerRename` and `daemon/names.go` `reserveName`.
      const newName = typeof event.name === 'string' ? event.name.replace(/^\//, '') : '';
      if (newName === '') return error(400, 'Neither old nor new names may be empty');
      if (!isValidContainerName(newName)) {
        return error(400, `Invalid container name (${newName}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
      }
      if (newName === name) return error(400, 'Renaming a container with the same name as its current name');
      return OK;
    }
    case 'daemon.restore':
      if (status === 'restarting' || (status === 'running' && subject.hasHealthcheck)) return OK;
      return noop('no background timer to re-arm');
    case 'exit':
    case 'oom':
      if (event.type === 'exit' && !isValidExitCode(event.exitCode)) {
        return error(400, `invalid exit code: ${String(event.exitCode)} (0 to 255)`);
      }
      if (status === 'running') return OK;
      if (status === 'paused') return error(409, `the processes of ${name} are frozen (paused) and cannot exit`);
      if (status === 'restarting') return error(409, `${name} has no process: it is waiting to restart`);
      return error(409, `${name} has no running process`);
  }
}

/**
 * A short reason for a disabled control, in Docker's terms ("already running",
 * "cannot remove a paused container: unpause and stop it first, or force remove").
 * `null` when the command would be accepted and change something.
 */
export function commandHint(subject: CommandSubject, event: ContainerEvent): string | null {
  const outcome = commandOutcome(subject, event);
  if (outcome.kind === 'ok') return null;
  const { status } = subject;
  if (status === 'removed') return 'the container was removed: create or run a new one';
  switch (event.type) {
    case 'start':
      return status === 'paused' ? 'cannot start a paused container, try unpause instead' : 'already running';
    case 'stop':
      return 'already stopped';
    case 'kill':
    case 'pause':
      if (status === 'paused') return 'already paused';
      if (status === 'restarting') return 'restarting: wait until the container is running';
      return 'not running';
    case 'unpause':
      return 'not paused';
    case 'remove':
      return status === 'paused'
        ? 'cannot remove a paused container: unpause and stop it first, or force remove'
        : `cannot remove a ${status} container: stop it first, or force remove`;
    default:
      return outcome.message;
  }
}
