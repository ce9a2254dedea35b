/**
 * `containerMachine`: one Docker container's lifecycle (Docker Engine v29), XState v5.
 *
 * Top-level states are the lesson's five (`created`, `running`, `paused`, `stopped`,
 * `removed`); Docker's `restarting` lives in `running.restarting` because Docker counts
 * it as running (`Running: true`). A transition exists only where Docker changes
 * something, so `snapshot.can(event)` is false for errors and 304 no-ops; `commandError`
 * gives the daemon's words. Every transition emits Docker's events in Docker's order
 * (docs/docker-behaviour.md §2.3). Time comes from the actor's clock (see `clock.ts`).
 */
import { and, assign, enqueueActions, setup } from 'xstate';
import { actorNow } from './clock';
import { randomContainerId } from './ids';
import {
  backoffCancelled,
  chain,
  EXIT_SIGKILL,
  emitOnly,
  markManuallyStopped,
  oomKilled,
  paused,
  processExited,
  signalsSent,
  startProcess,
  type Step,
} from './lifecycleSteps';
import { nextProbeDelay, normaliseHealthcheck, runProbe } from './health';
import { killOutcome, normaliseProcess, stopOutcome } from './processModel';
import { commandOutcome, commandSubject } from './commandOutcome';
import { parseRestartPolicy, shouldRestart } from './restartPolicy';
import { SIGKILL, signalNumber } from './signals';
import type { ContainerContext, ContainerEvent, ContainerInput, DockerEventEmitted, DockerStatus } from './types';

/** Id of the delayed `health.probe` event, so leaving `running.up` cancels it. */
const PROBE_TIMER = 'health-probe';
/** Id of the delayed `exit` of a one-shot process. */
const COMPLETION_TIMER = 'process-completes';

/** The health monitor's tick: internal, raised by the machine itself (not a Docker command). */
type InternalEvent = { type: 'health.probe' };
type MachineEvent = ContainerEvent | InternalEvent;

type StepBuilder = (args: { context: ContainerContext; event: MachineEvent; now: number }) => Step;

/** What `enqueueActions` hands a step runner (only the parts used here). */
interface EnqueueArgs {
  context: ContainerContext;
  event: MachineEvent;
  self: unknown;
  enqueue: { assign: (update: () => ContainerContext) => void; emit: (event: DockerEventEmitted) => void };
}

/** Runs a pure step inside `enqueueActions`: assign the new context, emit its events in order. */
function run(build: StepBuilder) {
  return ({ context, event, self, enqueue }: EnqueueArgs): void => {
    const step = build({ context, event, now: actorNow(self) });
    enqueue.assign(() => step.context);
    for (const message of step.messages) enqueue.emit({ type: 'docker.event', message });
  };
}

/** Exit code of a process event (`oom` is a SIGKILL from the kernel). */
function exitCodeOf(event: MachineEvent): number {
  return event.type === 'exit' ? event.exitCode : EXIT_SIGKILL;
}

function signalOf(event: MachineEvent): number {
  return event.type === 'kill' ? (signalNumber(event.signal) ?? SIGKILL) : SIGKILL;
}

function stopTimeout(event: MachineEvent): number | undefined {
  return event.type === 'stop' || event.type === 'restart' ? event.timeoutSeconds : undefined;
}

/** `docker stop` on a live process (running or paused): signals, exit, `stop` event. */
function stopLive(paused: boolean): StepBuilder {
  return ({ context, event, now }) => {
    const outcome = stopOutcome(context.process, stopTimeout(event));
    return chain(
      context,
      markManuallyStopped,
      signalsSent(now, outcome.signals, paused),
      processExited(now, outcome.exitCode, false),
      emitOnly('stop', now),
    );
  };
}

/** `docker kill -s SIG` on a live process: `kill`, then `die` if the signal is fatal. */
function killLive(paused: boolean): StepBuilder {
  return ({ context, event, now }) => {
    const signal = signalOf(event);
    const exitCode = killOutcome(context.process, signal);
    const died = exitCode === null ? [] : [processExited(now, exitCode, false)];
    return chain(context, markManuallyStopped, signalsSent(now, [signal], paused), ...died);
  };
}

/** `docker stop` in restart back-off: cancel the pending restart; event `stop` only (kill.go, compose monitor.go). */
const stopRestarting: StepBuilder = ({ context, now }) =>
  chain(context, markManuallyStopped, backoffCancelled, emitOnly('stop', now));

/** `docker restart`: the stop phase (if live), then a manual start, then event `restart` (moby `daemon/restart.go`). */
function restartAfter(stopPhase: StepBuilder): StepBuilder {
  return (args) => {
    const stopped = stopPhase(args);
    const started = chain(stopped.context, startProcess(args.now, true), emitOnly('restart', args.now));
    return { context: started.context, messages: [...stopped.messages, ...started.messages] };
  };
}

/** `docker rm -f` on a live container: SIGKILL (resuming a paused task), die 137, destroy (delete.go). */
function forceRemoveLive(paused: boolean): StepBuilder {
  return ({ context, now }) =>
    chain(context, signalsSent(now, [SIGKILL], paused), processExited(now, EXIT_SIGKILL, false), emitOnly('destroy', now));
}

/** The process ended by itself (`exit`) or by the OOM killer (`oom`, event before `die`). */
function processDied(restarting: boolean): StepBuilder {
  return ({ context, event, now }) => {
    const oom = event.type === 'oom' ? [oomKilled(now)] : [];
    const exitedAt = (event.type === 'exit' || event.type === 'oom') && Number.isFinite(event.exitedAt) ? event.exitedAt! : now;
    return chain(context, ...oom, processExited(now, exitCodeOf(event), restarting, exitedAt));
  };
}

/**
 * Settings of a container that exists, in any state but `removed` (which is final and
 * accepts nothing): the health probe knob, `docker update --restart` and `docker rename`.
 */
function existingContainer(status: DockerStatus) {
  return {
    probe: { guard: ok(status, 'probeChanges'), actions: 'setProbe' },
    update: { guard: ok(status, 'validUpdate'), actions: 'updateRestartPolicy' },
    rename: { guard: ok(status, 'validRename'), actions: 'rename' },
  } as const;
}

/** Names of the `accepted` guard that say which of Docker's rules decides (the state chart shows them). */
type AcceptedGuard = 'accepted' | 'isForced' | 'validSignal' | 'validExitCode' | 'validUpdate' | 'validRename' | 'probeChanges' | 'hasHealthcheck';

/** The guard `accepted` (under the name of its deciding rule) for a state whose Docker status is `status`. */
function ok(status: DockerStatus, name: AcceptedGuard = 'accepted') {
  return { type: name, params: { status } } as const;
}

/**
 * Docker accepts the command in this state and it changes something: the daemon's
 * answer (`commandOutcome`) is `ok`. Every command transition asks this guard, so
 * `snapshot.can(event)`, `commandError` and what the machine does cannot disagree.
 * `status` is the Docker status of the state the transition leaves.
 */
function accepted({ context, event }: { context: ContainerContext; event: MachineEvent }, { status }: { status: DockerStatus }): boolean {
  return event.type !== 'health.probe' && commandOutcome(commandSubject(context, status), event).kind === 'ok';
}

export const containerMachine = setup({
  types: {
    context: {} as ContainerContext,
    events: {} as MachineEvent,
    input: {} as ContainerInput,
    emitted: {} as DockerEventEmitted,
  },
  guards: {
    // One rule (`accepted`), named after what decides in each place: `docker rm -f`
    // (force) vs plain `docker rm`, a signal Docker can parse, an exit code 0-255, a
    // restart policy Docker accepts, a probe result that changes, a health check to re-arm.
    accepted,
    isForced: accepted,
    validSignal: accepted,
    validExitCode: accepted,
    validUpdate: accepted,
    validRename: accepted,
    probeChanges: accepted,
    hasHealthcheck: accepted,
    /** The signal kills the process (see `killOutcome`). */
    signalIsFatal: ({ context, event }) => event.type === 'kill' && killOutcome(context.process, signalOf(event)) !== null,
    /** moby `RestartManager.ShouldRestart` for this exit (restart policy, count, cancel). */
    policyRestarts: ({ context, event }) => shouldRestart(context, exitCodeOf(event)),
  },
  delays: {
    /** The restart manager's current back-off (100 ms doubling, cap 60 s). */
    restartBackoff: ({ context }) => context.restartDelayMs,
  },
  actions: {
    start: enqueueActions(run(({ context, now }) => startProcess(now, true)(context))),
    /** `docker restart` on created/exited: a start, then `restart` (TestContainerRestartStoppedContainer). */
    restartIdle: enqueueActions(run(({ context, now }) => chain(context, startProcess(now, true), emitOnly('restart', now)))),
    /** The back-off timer fired: a policy start, `start` but no `restart` event. */
    policyStart: enqueueActions(run(({ context, now }) => startProcess(now, false)(context))),
    pause: enqueueActions(run(({ context, now }) => paused(now)(context))),
    /**
     * Arms the timers of a live process, when it has them: the next health probe (moby
     * `daemon/health.go` monitor loop) and a one-shot process's own `exit` after its run
     * time. One action, and nothing queued for a container without either, because entry
     * actions run on every start at scale.
     */
    armTimers: enqueueActions(({ context, self, enqueue }) => {
      if (context.healthcheck) {
        enqueue.raise({ type: 'health.probe' }, { id: PROBE_TIMER, delay: nextProbeDelay(context, actorNow(self)) });
      }
      const { completesAfterMs, completionExitCode } = context.process;
      if (completesAfterMs > 0) {
        enqueue.raise({ type: 'exit', exitCode: completionExitCode }, { id: COMPLETION_TIMER, delay: completesAfterMs });
      }
    }),
    /** Cancels what `armTimers` armed (leaving `running.up`). */
    disarmTimers: enqueueActions(({ context, enqueue }) => {
      if (context.healthcheck) enqueue.cancel(PROBE_TIMER);
      if (context.process.completesAfterMs > 0) enqueue.cancel(COMPLETION_TIMER);
    }),
    /** The health monitor's timer fired: run the probe (see `health.ts`). */
    probe: enqueueActions(run(({ context, now }) => runProbe(now)(context))),
    /** moby `daemon/update.go`: the new policy applies to the restart manager at once; event `update`. */
    updateRestartPolicy: enqueueActions(
      run(({ context, event, now }) =>
        event.type === 'update'
          ? emitOnly('update', now)({ ...context, restartPolicy: parseRestartPolicy(event.restartPolicy) })
          : { context, messages: [] },
      ),
    ),
    /** moby `daemon/rename.go`: new name, same ID and state; event `rename` (name=NEW, oldName=/OLD). */
    rename: enqueueActions(
      run(({ context, event, now }) => {
        if (event.type !== 'rename') return { context, messages: [] };
        const renamed = { ...context, name: event.name.replace(/^\//, '') };
        return emitOnly('rename', now, { oldName: `/${context.name}` })(renamed);
      }),
    ),
    setProbe: assign({ probePassing: ({ event }) => (event.type === 'probe' ? event.result === 'pass' : true) }),
    unpause: enqueueActions(run(({ context, now }) => emitOnly('unpause', now)(context))),
    destroy: enqueueActions(run(({ context, now }) => emitOnly('destroy', now)(context))),
    stopRunning: enqueueActions(run(stopLive(false))),
    stopPaused: enqueueActions(run(stopLive(true))),
    /** `docker stop` in back-off: cancels the pending restart; event `stop` only. */
    stopRestarting: enqueueActions(run(stopRestarting)),
    killRunning: enqueueActions(run(killLive(false))),
    killPaused: enqueueActions(run(killLive(true))),
    /** `docker kill` in back-off: no signal to send, no event (kill.go "currently restarting"). */
    killRestarting: enqueueActions(run(({ context }) => chain(context, markManuallyStopped, backoffCancelled))),
    restartRunning: enqueueActions(run(restartAfter(stopLive(false)))),
    restartPaused: enqueueActions(run(restartAfter(stopLive(true)))),
    restartRestarting: enqueueActions(run(restartAfter(stopRestarting))),
    /** `docker rm -f` on a live container: SIGKILL, die 137, destroy (delete.go ForceRemove). */
    forceRemoveRunning: enqueueActions(run(forceRemoveLive(false))),
    forceRemovePaused: enqueueActions(run(forceRemoveLive(true))),
    processDied: enqueueActions(run(processDied(false))),
    processDiedRestarting: enqueueActions(run(processDied(true))),
  },
}).createMachine({
  id: 'container',
  context: ({ input }) => ({
    id: input.id ?? randomContainerId(),
    name: input.name,
    image: input.image,
    labels: input.labels ?? {},
    network: input.network ?? 'bridge',
    restartPolicy: parseRestartPolicy(input.restartPolicy),
    healthcheck: normaliseHealthcheck(input.healthcheck),
    health: null,
    probePassing: true,
    process: normaliseProcess(input.process),
    pid: 0,
    exitCode: 0,
    error: '',
    oomKilled: false,
    startedAt: null,
    finishedAt: null,
    exitedAt: null,
    restartCount: 0,
    restartDelayMs: 0,
    manuallyStopped: false,
    restartCancelled: false,
    startCount: 0,
  }),
  initial: 'created',
  states: {
    /** `docker create` done: never started (StartedAt zero). */
    created: {
      // No `create` event here: whoever creates the container emits it (the architecture
      // actor), since nobody can listen to an actor before it starts.
      on: {
        ...existingContainer('created'),
        start: { guard: ok('created'), target: 'running', actions: 'start' },
        restart: { guard: ok('created'), target: 'running', actions: 'restartIdle' },
        remove: { guard: ok('created'), target: 'removed', actions: 'destroy' },
      },
    },
    /** Docker's `Running: true` without `Paused`: a live process (`up`) or restart back-off. */
    running: {
      initial: 'up',
      // `probe` and `update` answer the same in `up` and in `restarting` (Docker asks only
      // whether the container exists), so they sit on the parent, once.
      on: existingContainer('running'),
      states: {
        up: {
          // The health monitor runs while the process is up, and only for a container with a
          // health check: no timer otherwise (a timer per container would cost every start and
          // stop, and every clock tick, at scale). Re-entering re-arms it.
          entry: 'armTimers',
          exit: 'disarmTimers',
          on: {
            'health.probe': { target: 'up', reenter: true, actions: 'probe' },
            'daemon.restore': { guard: ok('running', 'hasHealthcheck'), target: 'up', reenter: true },
            pause: { guard: ok('running'), target: '#container.paused', actions: 'pause' },
            stop: { guard: ok('running'), target: '#container.stopped', actions: 'stopRunning' },
            kill: [
              { guard: and([ok('running'), 'signalIsFatal']), target: '#container.stopped', actions: 'killRunning' },
              { guard: ok('running', 'validSignal'), actions: 'killRunning' },
            ],
            restart: { guard: ok('running'), target: 'up', reenter: true, actions: 'restartRunning' },
            remove: { guard: ok('running', 'isForced'), target: '#container.removed', actions: 'forceRemoveRunning' },
            exit: [
              { guard: and([ok('running', 'validExitCode'), 'policyRestarts']), target: 'restarting', actions: 'processDiedRestarting' },
              { guard: ok('running', 'validExitCode'), target: '#container.stopped', actions: 'processDied' },
            ],
            oom: [
              { guard: and([ok('running'), 'policyRestarts']), target: 'restarting', actions: 'processDiedRestarting' },
              { guard: ok('running'), target: '#container.stopped', actions: 'processDied' },
            ],
          },
        },
        /** Docker's `restarting`: no process (Pid 0) until the back-off timer fires. */
        restarting: {
          after: { restartBackoff: { target: 'up', actions: 'policyStart' } },
          on: {
            'daemon.restore': { guard: ok('restarting'), target: 'restarting', reenter: true },
            stop: { guard: ok('restarting'), target: '#container.stopped', actions: 'stopRestarting' },
            kill: { guard: ok('restarting', 'validSignal'), target: '#container.stopped', actions: 'killRestarting' },
            restart: { guard: ok('restarting'), target: 'up', actions: 'restartRestarting' },
            remove: { guard: ok('restarting', 'isForced'), target: '#container.removed', actions: 'destroy' },
          },
        },
      },
    },
    /** `docker pause`: cgroup freezer; Docker's `Running` and `Paused` both true. */
    paused: {
      on: {
        ...existingContainer('paused'),
        unpause: { guard: ok('paused'), target: 'running', actions: 'unpause' },
        stop: { guard: ok('paused'), target: 'stopped', actions: 'stopPaused' },
        kill: [
          { guard: and([ok('paused'), 'signalIsFatal']), target: 'stopped', actions: 'killPaused' },
          // The task is resumed after any signal; the process survives this one.
          { guard: ok('paused', 'validSignal'), target: 'running', actions: 'killPaused' },
        ],
        restart: { guard: ok('paused'), target: 'running', actions: 'restartPaused' },
        remove: { guard: ok('paused', 'isForced'), target: 'removed', actions: 'forceRemovePaused' },
      },
    },
    /** Docker's `exited`: the process ended; the writable layer is kept. */
    stopped: {
      on: {
        ...existingContainer('exited'),
        start: { guard: ok('exited'), target: 'running', actions: 'start' },
        restart: { guard: ok('exited'), target: 'running', actions: 'restartIdle' },
        remove: { guard: ok('exited'), target: 'removed', actions: 'destroy' },
      },
    },
    /** `destroy` was emitted: the container no longer exists. */
    removed: { type: 'final' },
  },
});
