/**
 * Applies one recorded Docker event to a simulated container, through the machine.
 * The machine emits its own events; a recorded `kill` is only a signal (the `die` that
 * follows decides the exit), `restart` and `stop` after a `die` are bookkeeping.
 * What cannot happen in the container's current state is flagged, never forced.
 */
import { dockerStatus, isValidExitCode, type Architecture, type ContainerEvent } from '../../../machines';
import { containerKey } from '../events/containerKey';
import { toLifecycleIntent } from '../events/toMachineEvent';
import type { ParsedEvent } from '../events/types';
import { recordedContainer } from './recordedFacts';
import { replayService } from './replaySpec';

/** What happened to one recorded event. */
export interface ReplayOutcome {
  /** `applied`: changed a container; `info`: shown only; `flagged`: could not be applied (see `note`). */
  kind: 'applied' | 'info' | 'flagged';
  /** The container key (name or short ID), for container events. */
  container?: string;
  note?: string;
  /** For a `die`: the signal the `kill` recorded just before it sent (15 SIGTERM, 9 SIGKILL), which explains the exit. */
  signal?: number;
}

/**
 * Per-container memory between events: an `oom` waits for its `die`; the last signal a
 * `kill` event recorded explains the `die` after it.
 */
export type ReplayMemory = Map<string, { oomPending: boolean; lastSignal?: number | undefined }>;

/**
 * Applies `event` to `architecture`; pure with respect to anything but its arguments. A
 * container it creates gets the record's ID, labels and (from `networks`, by container ID)
 * network, never the simulation's.
 */
export function applyRecordedEvent(architecture: Architecture, event: ParsedEvent, memory: ReplayMemory, networks?: ReadonlyMap<string, string>): ReplayOutcome {
  if (event.message.Type !== 'container') return { kind: 'info' };
  const key = containerKey(event.message);
  const intent = toLifecycleIntent(event);
  const actor = architecture.containerActor(key);
  const status = actor ? dockerStatus(actor.getSnapshot()) : undefined;
  const exists = status !== undefined && status !== 'removed';
  const mem: { oomPending: boolean; lastSignal?: number | undefined } = memory.get(key) ?? { oomPending: false };
  memory.set(key, mem);

  const send = (command: ContainerEvent): void => {
    architecture.containerActor(key)?.send(command);
  };
  const flag = (note: string): ReplayOutcome => ({ kind: 'flagged', container: key, note });
  const applied = (note?: string): ReplayOutcome => ({ kind: 'applied', container: key, ...(note ? { note } : {}) });

  // A container first met after its creation (the log starts mid-life) is created on the fly.
  const ensure = (): string | undefined => {
    if (exists) return undefined;
    architecture.addService(replayService(event));
    architecture.create(key, 1, 'replay', recordedContainer(event, networks));
    return `${key} had no create event: created on the fly`;
  };

  if (event.baseAction === 'rename') return applyRename(architecture, event, key, exists);

  switch (intent.kind) {
    case 'create':
      if (exists) return flag(`create for ${key}, which already exists`);
      architecture.addService(replayService(event));
      architecture.create(key, 1, 'replay', recordedContainer(event, networks));
      return applied();
    case 'start': {
      const created = ensure();
      const now = dockerStatus(architecture.containerActor(key)!.getSnapshot());
      if (now === 'running' || now === 'restarting') return flag(`start for ${key}, which is already running`);
      if (now === 'paused') return flag(`start for ${key}, which is paused`);
      send({ type: 'start' });
      return applied(created);
    }
    case 'pause':
      if (status !== 'running') return flag(`pause for ${key}, which is ${status ?? 'unknown'}`);
      send({ type: 'pause' });
      return applied();
    case 'unpause':
      if (status !== 'paused') return flag(`unpause for ${key} with no pause before it (it is ${status ?? 'unknown'})`);
      send({ type: 'unpause' });
      return applied();
    case 'oom':
      if (!exists) return flag(`oom for ${key}, which does not exist`);
      mem.oomPending = true;
      return { kind: 'info', container: key, note: 'the main process dies next if it was the one killed' };
    case 'die': {
      if (!exists) return flag(`die for ${key}, which never started`);
      if (status === 'paused') {
        // Docker resumes a paused task before it can die; the recorded unpause may be missing.
        send({ type: 'unpause' });
      } else if (status !== 'running') {
        return flag(`die for ${key}, which is ${status}`);
      }
      if (mem.oomPending) {
        mem.oomPending = false;
        send({ type: 'oom' });
        return applied();
      }
      const code = isValidExitCode(intent.exitCode) ? intent.exitCode : 0;
      const signal = mem.lastSignal;
      mem.lastSignal = undefined;
      send({ type: 'exit', exitCode: code });
      if (intent.exitCode !== code) return applied('die without an exit code: recorded as 0');
      const outcome = applied(dieAfterSignal(signal, code));
      return signal !== undefined ? { ...outcome, signal } : outcome;
    }
    case 'destroy':
      if (!exists) return flag(`destroy for ${key}, which does not exist`);
      if (status === 'running' || status === 'paused' || status === 'restarting') {
        send({ type: 'remove', force: true });
        return applied(`destroy while ${status}: removed as by docker rm -f`);
      }
      send({ type: 'remove' });
      return applied();
    case 'restart':
      if (!exists) return flag(`restart for ${key}, which does not exist`);
      if (status === 'exited' || status === 'created') {
        send({ type: 'start' });
        return applied('restart with no start before it: started');
      }
      return { kind: 'info', container: key };
    case 'kill':
    case 'stop':
      if (!exists) return flag(`${intent.kind} for ${key}, which does not exist`);
      if (intent.kind === 'kill') mem.lastSignal = intent.signal;
      return { kind: 'info', container: key };
    default:
      return { kind: 'info', container: key };
  }
}

/**
 * `container rename … (name=NEW, oldName=/OLD)` (moby `daemon/rename.go`): the container
 * named OLD carries on, same ID and state, as NEW, so the log's later events for NEW
 * reach it. The event itself is the machine's own `rename` event.
 */
function applyRename(architecture: Architecture, event: ParsedEvent, key: string, exists: boolean): ReplayOutcome {
  const oldName = (event.message.Actor.Attributes.oldName ?? '').replace(/^\//, '');
  if (!oldName) return { kind: 'flagged', container: key, note: `rename of ${key} without an oldName attribute` };
  if (exists) return { kind: 'flagged', container: key, note: `rename of ${oldName} to ${key}, a name already in use` };
  const actor = architecture.containerActor(oldName);
  if (!actor || dockerStatus(actor.getSnapshot()) === 'removed') {
    return { kind: 'flagged', container: key, note: `rename of ${oldName}, which does not exist` };
  }
  const entry = architecture.rename(oldName, key, 'replay');
  return entry.outcome === 'error'
    ? { kind: 'flagged', container: key, note: entry.message ?? `rename of ${oldName} refused` }
    : { kind: 'applied', container: key };
}

/**
 * Why a process died, when the `kill` before its `die` says it: exit 0 (or any code but
 * 128+15) after SIGTERM is the process handling the stop signal, a graceful shutdown, not a
 * job that was done; 128+n after signal n is the signal's default action.
 */
function dieAfterSignal(signal: number | undefined, exitCode: number): string | undefined {
  if (signal === undefined) return undefined;
  if (signal === 15 && exitCode !== 143) {
    return `a graceful shutdown: the process handled the SIGTERM sent just before (kill signal=15) and exited ${exitCode}`;
  }
  if (exitCode === 128 + signal) return `killed by signal ${signal} (exit code 128+${signal})`;
  return undefined;
}
