/**
 * Timing by parts for bench 1: where does a containerMachine command go? Variants of the
 * machine built with `containerMachine.provide(...)` (machines/ untouched) and of the
 * bare machine, plus the pure step functions alone. Interleaved samples, medians.
 * Usage: node bench/profile.mjs machineParts
 */
import { assign, createActor, createMachine, emit, enqueueActions, SimulatedClock, type AnyActorRef, type AnyStateMachine } from 'xstate';
import { containerMachine } from '../../machines';
import { actorNow } from '../../machines/container/clock';
import { networkId } from '../../machines/container/dockerEvents';
import { chain, emitOnly, markManuallyStopped, paused, processExited, signalsSent, startProcess } from '../../machines/container/lifecycleSteps';
import { stopOutcome } from '../../machines/container/processModel';
import type { ContainerContext } from '../../machines/container/types';
import { median, nowNs } from '../lib/measure';
import { bareMachine } from '../suites/machineThroughput';

const CYCLE = [{ type: 'start' }, { type: 'pause' }, { type: 'unpause' }, { type: 'stop' }] as const;
const ACTION_NAMES = [
  'start', 'restartIdle', 'policyStart', 'pause', 'probe', 'setProbe', 'unpause', 'destroy', 'stopRunning', 'stopPaused',
  'stopRestarting', 'killRunning', 'killPaused', 'killRestarting', 'restartRunning', 'restartPaused', 'restartRestarting',
  'forceRemoveRunning', 'forceRemovePaused', 'processDied', 'processDiedRestarting',
];

type Stepper = (c: ContainerContext, now: number) => { context: ContainerContext; messages: unknown[] };
const steps: Record<'start' | 'pause' | 'unpause' | 'stopRunning', Stepper> = {
  start: (c, now) => startProcess(now, true)(c),
  pause: (c, now) => paused(now)(c),
  unpause: (c, now) => emitOnly('unpause', now)(c),
  stopRunning: (c, now) => {
    const o = stopOutcome(c.process, undefined);
    return chain(c, markManuallyStopped, signalsSent(now, o.signals, false), processExited(now, o.exitCode, false), emitOnly('stop', now));
  },
};

const noop = Object.fromEntries(ACTION_NAMES.map((n) => [n, () => {}]));
/** Real steps, new context assigned, events built but NOT emitted. */
const noEmit = Object.fromEntries(
  Object.entries(steps).map(([n, step]) => [
    n,
    enqueueActions(({ context, self, enqueue }: { context: ContainerContext; self: unknown; enqueue: { assign: (f: () => ContainerContext) => void } }) => {
      const s = step(context, actorNow(self));
      enqueue.assign(() => s.context);
    }),
  ]),
);
/** Real steps through a plain `assign` (no enqueueActions, no emit). */
const plainAssign = Object.fromEntries(
  Object.entries(steps).map(([n, step]) => [n, assign(({ context, self }: { context: ContainerContext; self: unknown }) => step(context, actorNow(self)).context)]),
);
/** Only a context clone (no domain work). */
const cloneOnly = Object.fromEntries(ACTION_NAMES.map((n) => [n, assign(({ context }: { context: ContainerContext }) => ({ ...context }))]));

const bareWithAfter = createMachine({
  id: 'bareAfter',
  initial: 'created',
  states: {
    created: { on: { start: 'running' } },
    running: {
      initial: 'up',
      states: { up: { after: { 2147483647: { guard: () => false, target: 'up', reenter: true } } } },
      on: { pause: 'paused', stop: 'stopped' },
    },
    paused: { on: { unpause: 'running', stop: 'stopped' } },
    stopped: { on: { start: 'running' } },
    removed: { type: 'final' },
  },
});

const bareNested = createMachine({
  id: 'bareNested',
  initial: 'created',
  states: {
    created: { on: { start: 'running' } },
    running: { initial: 'up', states: { up: {} }, on: { pause: 'paused', stop: 'stopped' } },
    paused: { on: { unpause: 'running', stop: 'stopped' } },
    stopped: { on: { start: 'running' } },
    removed: { type: 'final' },
  },
});

/** The bare machine, but carrying a context: `small` = one counter, `container` = containerMachine's initial context. */
function bareWithContext(kind: 'small' | 'container', ctx: object) {
  const bump = assign(({ context }: { context: Record<string, unknown> }) => (kind === 'small' ? { n: (context.n as number) + 1 } : { ...context, startCount: (context.startCount as number) + 1 }));
  return createMachine({
    id: `bareCtx-${kind}`,
    context: kind === 'small' ? { n: 0 } : ctx,
    initial: 'created',
    states: {
      created: { on: { start: { target: 'running', actions: bump } } },
      running: { on: { pause: { target: 'paused', actions: bump }, stop: { target: 'stopped', actions: bump } } },
      paused: { on: { unpause: { target: 'running', actions: bump }, stop: { target: 'stopped', actions: bump } } },
      stopped: { on: { start: { target: 'running', actions: bump } } },
      removed: { type: 'final' },
    },
  } as never) as unknown as AnyStateMachine;
}

const containerCtx = createActor(containerMachine, { input: { name: 'x', image: 'nginx:alpine' } }).getSnapshot().context;

/** As shipped, but one emit per transition carrying all its messages (a batched-emit design). */
const batchedEmit = Object.fromEntries(
  Object.entries(steps).map(([n, step]) => [
    n,
    enqueueActions(({ context, self, enqueue }: { context: ContainerContext; self: unknown; enqueue: { assign: (f: () => ContainerContext) => void; emit: (e: never) => void } }) => {
      const s = step(context, actorNow(self));
      enqueue.assign(() => s.context);
      enqueue.emit({ type: 'docker.events', messages: s.messages } as never);
    }),
  ]),
);

/** The bare machine with the container context: `assign` + one `emit` as an action list, or the same through `enqueueActions`. */
function bareAssignEmit(kind: 'list' | 'enqueue', ctx: object) {
  const update = ({ context }: { context: Record<string, unknown> }) => ({ ...context, startCount: (context.startCount as number) + 1 });
  const acts =
    kind === 'list'
      ? [assign(update as never), emit({ type: 'docker.event' } as never)]
      : enqueueActions((({ context, enqueue }: { context: Record<string, unknown>; enqueue: { assign: (f: unknown) => void; emit: (e: unknown) => void } }) => {
          const next = update({ context });
          enqueue.assign(() => next);
          enqueue.emit({ type: 'docker.event' });
        }) as never);
  const t = (target: string) => ({ target, actions: acts });
  return createMachine({
    id: `bareAE-${kind}`,
    context: ctx,
    initial: 'created',
    states: {
      created: { on: { start: t('running') } },
      running: { on: { pause: t('paused'), stop: t('stopped') } },
      paused: { on: { unpause: t('running'), stop: t('stopped') } },
      stopped: { on: { start: t('running') } },
      removed: { type: 'final' },
    },
  } as never) as unknown as AnyStateMachine;
}

const variants: Array<[string, AnyStateMachine]> = [
  ['A bare 5-state machine', bareMachine],
  ['A1 bare + assign on a 1-field context', bareWithContext('small', {})],
  ['A2 bare + assign on the container context (21 fields)', bareWithContext('container', containerCtx)],
  ['A3 A2 + one emit, as an action list [assign, emit]', bareAssignEmit('list', containerCtx)],
  ['A4 A2 + one emit, through enqueueActions', bareAssignEmit('enqueue', containerCtx)],
  ['B0 bare + nested running.up', bareNested],
  ['B bare + nested running.up + after-timer', bareWithAfter],
  ['C containerMachine, actions = no-op', containerMachine.provide({ actions: noop as never })],
  ['D containerMachine, actions = assign({...context})', containerMachine.provide({ actions: cloneOnly as never })],
  ['E containerMachine, real steps via plain assign, no emit', containerMachine.provide({ actions: plainAssign as never })],
  ['F containerMachine, real steps via enqueueActions, no emit', containerMachine.provide({ actions: noEmit as never })],
  ['F2 as shipped but ONE emit per transition (batched)', containerMachine.provide({ actions: batchedEmit as never })],
  ['G containerMachine as shipped', containerMachine],
];

function actors(machine: AnyStateMachine, count: number): AnyActorRef[] {
  const clock = new SimulatedClock();
  return Array.from({ length: count }, (_, i) =>
    createActor(machine, { clock, input: { name: `c${i}`, image: 'nginx:alpine', process: { onStopSignal: 'graceful', shutdownMs: 200, exitCode: 0 } } }).start(),
  );
}

function sample(list: AnyActorRef[], cycles: number): number {
  const t0 = nowNs();
  for (let c = 0; c < cycles; c++) for (const e of CYCLE) for (const a of list) a.send(e);
  return (nowNs() - t0) / (cycles * CYCLE.length * list.length);
}

export function run(): void {
  const sets = variants.map(([name, m]) => ({ name, list: actors(m, 100), ns: [] as number[] }));
  for (let w = 0; w < 3; w++) for (const s of sets) sample(s.list, 50);
  for (let i = 0; i < 11; i++) for (const s of sets) s.ns.push(sample(s.list, 50));
  const base = median(sets[0]!.ns);
  console.log('variant                                                     ns/cmd   × bare');
  for (const s of sets) console.log(`${s.name.padEnd(58)} ${median(s.ns).toFixed(0).padStart(7)}  ${(median(s.ns) / base).toFixed(2).padStart(6)}`);

  // Pure domain work of the 4-command cycle, no XState.
  const ctx0 = actors(containerMachine, 1)[0]!.getSnapshot().context as ContainerContext;
  const pure = (withNetworkIdOnly = false): number => {
    const N = 20000;
    let c = ctx0;
    let sink = 0;
    const t0 = nowNs();
    for (let i = 0; i < N; i++) {
      if (withNetworkIdOnly) {
        sink += networkId(c.network).length;
        continue;
      }
      for (const k of ['start', 'pause', 'unpause', 'stopRunning'] as const) {
        const s = steps[k](c, i);
        c = s.context;
        sink += s.messages.length;
      }
    }
    if (sink < 0) console.log(sink);
    return (nowNs() - t0) / (withNetworkIdOnly ? N : N * 4);
  };
  for (let w = 0; w < 3; w++) {
    pure(); // warm-up
    pure(true);
  }
  const pureNs = median(Array.from({ length: 9 }, () => pure()));
  const netNs = median(Array.from({ length: 9 }, () => pure(true)));
  console.log(`\npure lifecycle steps (context + Docker event objects), avg per command: ${pureNs.toFixed(0)} ns`);
  console.log(`networkId(name) per call (2 calls per start/stop cycle = 0.5 per command): ${netNs.toFixed(0)} ns`);
}
