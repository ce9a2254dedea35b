/**
 * Bench 2 — system scale, the architecture side (runs in a worker thread, one per size:
 * see systemScale.ts). Builds an architecture of N containers (N services × 1 replica,
 * `up: true`, `SimulatedClock`) and answers the coordinator's requests: one timed sample
 * of random commands (start/stop/pause/unpause/restart/kill on random containers, seeded
 * PRNG) at a time. Its own V8 heap, so its GC is its own.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { createActor, SimulatedClock, type AnyActorRef } from 'xstate';
import { bareMachine } from './machineThroughput';
import { createArchitecture, type Architecture, type ContainerEvent } from '../../machines';
import { scaleSpec } from './scaleSpec';
import { gc, heapUsed, median, nowNs, timeOnce } from '../lib/measure';
import { mulberry32 } from '../../test/support/prng';

const COMMANDS: ContainerEvent[] = [
  { type: 'start' },
  { type: 'stop' },
  { type: 'pause' },
  { type: 'unpause' },
  { type: 'restart' },
  { type: 'kill' },
];

/** Precomputed command stream (the PRNG is not timed). */
function commandStream(arch: Architecture, length: number, seed: number): { names: string[]; events: ContainerEvent[] } {
  const containerNames = arch.containers.map((c) => c.name);
  const rnd = mulberry32(seed);
  const names: string[] = new Array(length);
  const events: ContainerEvent[] = new Array(length);
  for (let i = 0; i < length; i++) {
    names[i] = containerNames[Math.floor(rnd() * containerNames.length)]!;
    events[i] = COMMANDS[Math.floor(rnd() * COMMANDS.length)]!;
  }
  return { names, events };
}

function runStream(arch: Architecture, stream: { names: string[]; events: ContainerEvent[] }): number {
  const { names, events } = stream;
  return timeOnce(() => {
    for (let i = 0; i < names.length; i++) arch.send(names[i]!, events[i]!);
  });
}

/** `clock.increment(50)` (what the page's SimulationClock does every 50 ms) with the architecture's timers pending. */
function tickCost(clock: SimulatedClock): number {
  const ticks: number[] = [];
  for (let i = 0; i < 25; i++) ticks.push(timeOnce(() => clock.increment(50)));
  return median(ticks.slice(5));
}

export type WorkerRequest =
  | { cmd: 'sample'; commands: number; seed: number }
  | { cmd: 'finish'; teardown: boolean };

export interface SetupReply {
  n: number;
  setupMs: number;
  bytesPerContainerAfterUp: number;
  pendingTimers: number;
  tickNs: number;
}
export interface SampleReply {
  nsPerCommand: number;
  gcNsPerCommand: number;
}
export interface FinishReply {
  bytesPerContainerSteady: number;
  teardownMs: number | null;
  outcomes: Record<string, number>;
}

async function serve(n: number): Promise<void> {
  const port = parentPort!;
  let gcNs = 0;
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcNs += e.duration * 1e6;
  });
  obs.observe({ entryTypes: ['gc'] });
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

  // Warm the JIT (a fresh isolate) on a small architecture first, so setup is not compile time.
  const warm = createArchitecture(scaleSpec(50), { clock: new SimulatedClock(), up: true });
  runStream(warm, commandStream(warm, 2000, 4242));
  warm.stop();
  gc();
  const heap0 = heapUsed();
  const t0 = nowNs();
  const clock = new SimulatedClock();
  const arch = createArchitecture(scaleSpec(n), { clock, up: true });
  const setupMs = (nowNs() - t0) / 1e6;
  if (arch.containers.length !== n) throw new Error(`expected ${n} containers, got ${arch.containers.length}`);
  const running = arch.containers.filter((c) => arch.status(c.name) === 'running').length;
  if (running !== n) throw new Error(`expected ${n} running after up, got ${running}`);
  gc();
  const setup: SetupReply = {
    n,
    setupMs,
    bytesPerContainerAfterUp: (heapUsed() - heap0) / n,
    pendingTimers: (clock as unknown as { timeouts: Map<unknown, unknown> }).timeouts.size,
    tickNs: tickCost(clock),
  };
  port.postMessage(setup);

  port.on('message', async (req: WorkerRequest) => {
    if (req.cmd === 'sample') {
      const stream = commandStream(arch, req.commands, req.seed);
      await settle();
      gcNs = 0;
      const ns = runStream(arch, stream);
      await settle();
      port.postMessage({ nsPerCommand: ns / req.commands, gcNsPerCommand: gcNs / req.commands } satisfies SampleReply);
      return;
    }
    const outcomes: Record<string, number> = {};
    for (const e of arch.getLog()) outcomes[e.outcome] = (outcomes[e.outcome] ?? 0) + 1;
    gc();
    const bytesPerContainerSteady = (heapUsed() - heap0) / n;
    // XState's stop is O(N²) in children (resolveStop copies the children object per child):
    // the coordinator only asks for it on sizes where that stays short.
    const teardownMs = req.teardown ? timeOnce(() => arch.stop()) / 1e6 : null;
    obs.disconnect();
    port.postMessage({ bytesPerContainerSteady, teardownMs, outcomes } satisfies FinishReply);
  });
}

/** start → pause → unpause → stop: each actor's next event is always a real transition. */
const BARE_CYCLE = [{ type: 'start' }, { type: 'pause' }, { type: 'unpause' }, { type: 'stop' }] as const;

/**
 * The control: N bare XState actors (bench 1's `bareMachine`: no context, no actions),
 * one random actor per event, timed like the architecture. What any design with one
 * XState actor per container pays for N alone (memory and cache, GC of the snapshots).
 */
async function serveBare(n: number): Promise<void> {
  const port = parentPort!;
  let gcNs = 0;
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcNs += e.duration * 1e6;
  });
  obs.observe({ entryTypes: ['gc'] });
  const clock = new SimulatedClock();
  const t0 = nowNs();
  const actors: AnyActorRef[] = Array.from({ length: n }, () => createActor(bareMachine, { clock }).start());
  const next = new Uint8Array(n);
  const setupMs = (nowNs() - t0) / 1e6;
  port.postMessage({ n, setupMs, bytesPerContainerAfterUp: 0, pendingTimers: 0, tickNs: 0 } satisfies SetupReply);
  port.on('message', async (req: WorkerRequest) => {
    if (req.cmd === 'sample') {
      const rnd = mulberry32(req.seed);
      const picks = Array.from({ length: req.commands }, () => Math.floor(rnd() * n));
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      gcNs = 0;
      const ns = timeOnce(() => {
        for (let i = 0; i < picks.length; i++) {
          const a = picks[i]!;
          actors[a]!.send(BARE_CYCLE[next[a]!]!);
          next[a] = (next[a]! + 1) & 3;
        }
      });
      port.postMessage({ nsPerCommand: ns / req.commands, gcNsPerCommand: gcNs / req.commands } satisfies SampleReply);
      return;
    }
    obs.disconnect();
    port.postMessage({ bytesPerContainerSteady: 0, teardownMs: null, outcomes: {} } satisfies FinishReply);
  });
}

if (parentPort && workerData?.bench === 'scale') {
  if (workerData.control === 'bare') void serveBare(workerData.n as number);
  else void serve(workerData.n as number);
}
