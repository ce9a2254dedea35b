/**
 * The postMessage protocol (docs/contracts.md §5), pure: origins, shapes, every message type,
 * reply shapes, and the per-frame batching of state notifications (also with 500
 * containers and 100 commands).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { createArchitecture, ecommerceScenario, type Architecture, type ArchitectureSpec, type ContainerEvent } from '../../machines';
import { handleMessage, parseMessage, type ProtocolContext } from '../../src/embed/messageHandling';
import {
  MESSAGE_SOURCE,
  createStateBatcher,
  isOriginAllowed,
  type CommandResult,
  type ContainerStates,
  type FrameScheduler,
  type ProtocolTarget,
} from '../../src/embed/protocol';

const OWN = 'https://embed.example';
const ALLOWED = 'https://slides.example';
const source = MESSAGE_SOURCE;

/** A target that records its calls over a real architecture (statuses like an embed). */
function recordingTarget(architecture: Architecture) {
  const calls: string[] = [];
  const target: ProtocolTarget = {
    send: (name: string, event: ContainerEvent): CommandResult => {
      calls.push(`send ${name} ${event.type}`);
      const entry = architecture.send(name, event);
      return entry.outcome === 'error' ? { ok: false, error: entry.message ?? 'refused' } : { ok: true };
    },
    compose: (action) => {
      calls.push(`compose ${action}`);
      return { ok: true };
    },
    step: () => (calls.push('step'), { ok: true }),
    back: () => (calls.push('back'), { ok: false, error: 'the story is at its first step' }),
    reset: () => (calls.push('reset'), { ok: true }),
    getState: () => {
      calls.push('getState');
      return statesOf(architecture);
    },
  };
  return { target, calls };
}

function statesOf(architecture: Architecture): ContainerStates {
  const out: ContainerStates = {};
  for (const c of architecture.containers) out[c.name] = architecture.status(c.name) ?? 'removed';
  return out;
}

const running: Architecture[] = [];
function architecture(spec: ArchitectureSpec = ecommerceScenario): Architecture {
  const clock = new SimulatedClock();
  clock.set(Date.UTC(2026, 0, 1));
  const a = createArchitecture(spec, { clock });
  running.push(a);
  return a;
}
afterEach(() => {
  for (const a of running.splice(0)) a.stop();
});

function context(target: ProtocolTarget, extra: Partial<ProtocolContext> = {}): ProtocolContext {
  return { ownOrigin: OWN, allowOrigins: [ALLOWED], target, ...extra };
}

describe('origins', () => {
  it('accepts the own origin always and others only when listed', () => {
    expect(isOriginAllowed(OWN, OWN, [])).toBe(true);
    expect(isOriginAllowed(ALLOWED, OWN, [ALLOWED])).toBe(true);
    expect(isOriginAllowed('https://evil.example', OWN, [ALLOWED])).toBe(false);
    expect(isOriginAllowed('null', 'null', [])).toBe(false);
  });

  it('ignores a message from another origin: no reply, no call, no state change', () => {
    const a = architecture();
    const { target, calls } = recordingTarget(a);
    const result = handleMessage({ source, type: 'send', container: 'redis', event: { type: 'pause' }, id: 1 }, 'https://evil.example', context(target));
    expect(result).toEqual({ kind: 'ignored', reason: 'origin' });
    expect(calls).toEqual([]);
    expect(a.status('redis')).toBe('running');
  });

  it('acts on a message from an allowed origin', () => {
    const a = architecture();
    const { target } = recordingTarget(a);
    const result = handleMessage({ source, type: 'send', container: 'redis', event: { type: 'pause' }, id: 'p1' }, ALLOWED, context(target));
    expect(result).toEqual({ kind: 'answered', reply: { source, type: 'reply', id: 'p1', ok: true }, subscribe: true, sendState: false });
    expect(a.status('redis')).toBe('paused');
  });
});

describe('message types and replies', () => {
  it('send: a machine event; Docker’s refusal is ok:false with Docker’s words', () => {
    const a = architecture();
    const { target } = recordingTarget(a);
    const ctx = context(target);
    expect(handleMessage({ source, type: 'send', container: 'order-service', event: { type: 'stop', timeoutSeconds: 2 }, id: 1 }, OWN, ctx)).toMatchObject({
      reply: { source, type: 'reply', id: 1, ok: true },
    });
    expect(a.status('order-service')).toBe('exited');
    const refused = handleMessage({ source, type: 'send', container: 'order-service', event: { type: 'pause' }, id: 2 }, OWN, ctx);
    expect(refused).toMatchObject({ kind: 'answered', reply: { id: 2, ok: false, error: expect.stringContaining('is not running') } });
    const missing = handleMessage({ source, type: 'send', container: 'nope', event: { type: 'start' }, id: 3 }, OWN, ctx);
    expect(missing).toMatchObject({ reply: { id: 3, ok: false, error: 'No such container: nope' } });
  });

  it('send with { type: "compose", action } runs a Compose action', () => {
    const { target, calls } = recordingTarget(architecture());
    const result = handleMessage({ source, type: 'send', container: 'ignored-for-compose', event: { type: 'compose', action: 'up' }, id: 'c' }, OWN, context(target));
    expect(result).toMatchObject({ reply: { id: 'c', ok: true } });
    expect(calls).toEqual(['compose up']);
  });

  it('step, back, reset: reply ok or the reason', () => {
    const { target, calls } = recordingTarget(architecture());
    const ctx = context(target);
    expect(handleMessage({ source, type: 'step', id: 1 }, OWN, ctx)).toMatchObject({ reply: { id: 1, ok: true } });
    expect(handleMessage({ source, type: 'back', id: 2 }, OWN, ctx)).toMatchObject({ reply: { id: 2, ok: false, error: 'the story is at its first step' } });
    expect(handleMessage({ source, type: 'reset', id: 3 }, OWN, ctx)).toMatchObject({ reply: { id: 3, ok: true } });
    expect(calls).toEqual(['step', 'back', 'reset']);
  });

  it('getState: the reply carries the state, and a state message is asked for', () => {
    const a = architecture();
    const { target } = recordingTarget(a);
    const result = handleMessage({ source, type: 'getState', id: 'g' }, OWN, context(target));
    expect(result).toEqual({
      kind: 'answered',
      reply: { source, type: 'reply', id: 'g', ok: true, containers: statesOf(a) },
      subscribe: true,
      sendState: true,
    });
  });

  it('a message without an id gets no reply but still acts', () => {
    const a = architecture();
    const { target } = recordingTarget(a);
    expect(handleMessage({ source, type: 'send', container: 'redis', event: { type: 'pause' } }, OWN, context(target))).toEqual({
      kind: 'answered',
      reply: null,
      subscribe: true,
      sendState: false,
    });
    expect(a.status('redis')).toBe('paused');
  });

  it('a target that throws becomes ok:false, never an exception', () => {
    const target = { ...recordingTarget(architecture()).target, step: () => { throw new Error('boom'); } };
    expect(handleMessage({ source, type: 'step', id: 9 }, OWN, context(target))).toMatchObject({ reply: { id: 9, ok: false, error: 'internal error: boom' } });
  });

  it('messages for another element (target) are not for this one', () => {
    const { target, calls } = recordingTarget(architecture());
    expect(handleMessage({ source, type: 'step', target: 'other' }, OWN, context(target, { embedId: 'mine' }))).toEqual({ kind: 'ignored', reason: 'target' });
    expect(handleMessage({ source, type: 'step', target: 'mine' }, OWN, context(target, { embedId: 'mine' }))).toMatchObject({ kind: 'answered' });
    expect(calls).toEqual(['step']);
  });
});

describe('wrong shapes', () => {
  const cases: Array<[string, unknown, string]> = [
    ['unknown type', { source, type: 'explode', id: 1 }, 'type'],
    ['missing type', { source, id: 1 }, 'type: expected send, step, back, reset or getState'],
    ['send without container', { source, type: 'send', event: { type: 'start' }, id: 1 }, 'container'],
    ['send with an unknown event', { source, type: 'send', container: 'redis', event: { type: 'teleport' }, id: 1 }, 'event.type: expected an event type'],
    ['send with a bad option', { source, type: 'send', container: 'redis', event: { type: 'stop', timeoutSeconds: 'now' }, id: 1 }, 'event.timeoutSeconds'],
    ['send with an extra key', { source, type: 'send', container: 'redis', event: { type: 'start', force: true }, id: 1 }, 'event: unknown key "force"'],
    ['compose with a bad action', { source, type: 'send', container: 'x', event: { type: 'compose', action: 'explode' }, id: 1 }, 'event.action: expected a Compose action'],
    ['an extra key', { source, type: 'step', id: 1, please: true }, 'unknown key "please"'],
    ['internal event', { source, type: 'send', container: 'redis', event: { type: 'daemon.restore' }, id: 1 }, 'event.type'],
  ];

  it.each(cases)('%s: ok:false with the reason, nothing changes', (_name, message, reason) => {
    const a = architecture();
    const { target, calls } = recordingTarget(a);
    const before = statesOf(a);
    const result = handleMessage(message, OWN, context(target));
    expect(result).toMatchObject({ kind: 'answered', reply: { source, type: 'reply', id: 1, ok: false, error: expect.stringContaining(reason) }, subscribe: false });
    expect(calls).toEqual([]);
    expect(statesOf(a)).toEqual(before);
  });

  it('without an id it is ignored silently', () => {
    const { target } = recordingTarget(architecture());
    expect(handleMessage({ source, type: 'send', container: 'redis' }, OWN, context(target))).toEqual({ kind: 'ignored', reason: 'invalid-without-id' });
  });

  it('ignores other libraries’ messages and our own outgoing ones (no ping-pong between embeds)', () => {
    const { target, calls } = recordingTarget(architecture());
    for (const data of [
      'slide:start',
      null,
      42,
      [source],
      { method: 'next' },
      { source: 'other', type: 'step', id: 1 },
      { source, type: 'reply', id: 1, ok: false },
      { source, type: 'state', containers: {} },
      { source, type: 'key', key: 'ArrowRight' },
    ]) {
      expect(handleMessage(data, OWN, context(target))).toEqual({ kind: 'ignored', reason: 'foreign' });
    }
    expect(calls).toEqual([]);
  });

  it('parseMessage never throws on hostile input', () => {
    const hostile = { source, type: 'send', container: 'redis', get event(): never { throw new Error('getter'); }, id: 1 };
    expect(() => parseMessage(Object.create(null))).not.toThrow();
    expect(() => handleMessage(hostile, OWN, context(recordingTarget(architecture()).target))).not.toThrow();
  });
});

/** A frame scheduler run by hand. */
function manualFrames(): FrameScheduler & { run(): void; pending(): number } {
  let queue: Array<() => void> = [];
  return {
    request: (cb) => {
      queue.push(cb);
      return cb;
    },
    cancel: (h) => {
      queue = queue.filter((cb) => cb !== h);
    },
    run() {
      const now = queue;
      queue = [];
      for (const cb of now) cb();
    },
    pending: () => queue.length,
  };
}

describe('state notifications', () => {
  it('at most one per frame, only when the state changed', () => {
    const frames = manualFrames();
    let state: ContainerStates = { a: 'running' };
    let reads = 0;
    const published: ContainerStates[] = [];
    const batcher = createStateBatcher({ schedule: frames, read: () => (reads++, { ...state }), publish: (s) => published.push(s) });
    batcher.markDirty();
    batcher.markDirty();
    expect(frames.pending()).toBe(1);
    frames.run();
    expect(published).toEqual([{ a: 'running' }]);
    state = { a: 'paused' };
    for (let i = 0; i < 50; i++) batcher.markDirty();
    frames.run();
    expect(published).toEqual([{ a: 'running' }, { a: 'paused' }]);
    batcher.markDirty(); // nothing changed
    frames.run();
    expect(published).toHaveLength(2);
    batcher.forceNext(); // getState: send even if unchanged
    frames.run();
    expect(published).toHaveLength(3);
    expect(reads).toBe(4);
    batcher.markDirty();
    batcher.dispose();
    expect(frames.pending()).toBe(0);
  });

  it('keeps up with 100 commands on 500 containers: one state map per frame', () => {
    const services = Array.from({ length: 500 }, (_, i) => ({ ...ecommerceScenario.services[7]!, name: `svc-${i}`, containerName: `svc-${i}`, dependsOn: [], healthcheck: undefined }));
    const spec: ArchitectureSpec = { ...ecommerceScenario, project: 'big', services, calls: [] };
    const a = architecture(spec);
    expect(a.containers).toHaveLength(500);
    const frames = manualFrames();
    let reads = 0;
    const published: ContainerStates[] = [];
    const batcher = createStateBatcher({ schedule: frames, read: () => (reads++, statesOf(a)), publish: (s) => published.push(s) });
    const unsubscribe = a.onLog(() => batcher.markDirty());
    const { target } = recordingTarget(a);
    const ctx = context(target);
    const start = performance.now();
    for (let i = 0; i < 100; i++) {
      const name = `svc-${(Math.floor(i / 2) * 7) % 500}`; // pause, then unpause, the same container
      const result = handleMessage({ source, type: 'send', container: name, event: { type: i % 2 === 0 ? 'pause' : 'unpause' }, id: i }, ALLOWED, ctx);
      expect(result).toMatchObject({ kind: 'answered', reply: { ok: true } });
    }
    frames.run();
    const elapsed = performance.now() - start;
    unsubscribe();
    expect(reads).toBe(1);
    expect(published).toHaveLength(1);
    expect(Object.keys(published[0]!)).toHaveLength(500);
    // 100 commands per second leaves 10 ms each; the whole batch must fit well inside one second.
    expect(elapsed).toBeLessThan(1000);
  });
});
