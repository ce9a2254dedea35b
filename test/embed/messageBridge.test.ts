/**
 * The window wiring of the postMessage protocol (src/embed/messageBridge.ts) across its lazy
 * boundary: a request's checks (messageHandling.ts) load with the first request, and the
 * target may not be ready yet; requests that come meanwhile are answered afterwards, all
 * of them, in the order they came, and later ones at once.
 */
import { describe, expect, it, vi } from 'vitest';
import { attachMessageBridge } from '../../src/embed/messageBridge';
import { MESSAGE_SOURCE, type CommandResult, type ProtocolTarget } from '../../src/embed/protocol';

const OWN = 'https://embed.example';

/** The part of a window the bridge uses, with messages dispatched by hand. */
function fakeWindow() {
  const events = new EventTarget();
  const win = Object.assign(events, {
    location: { origin: OWN },
    setTimeout: (cb: () => void) => setTimeout(cb, 0),
    clearTimeout: (h: number) => clearTimeout(h),
  }) as unknown as Window;
  Object.assign(win, { parent: win });
  return win;
}

/** A sender whose `postMessage` records what it was answered. */
function sender() {
  const received: unknown[] = [];
  return { received, source: { postMessage: (message: unknown) => received.push(message) } };
}

function post(win: Window, data: unknown, source: object, origin = OWN): void {
  win.dispatchEvent(Object.assign(new Event('message'), { data, origin, source }));
}

function recordingTarget() {
  const calls: string[] = [];
  const done = (call: string): CommandResult => (calls.push(call), { ok: true });
  const target: ProtocolTarget = {
    send: (name, event) => done(`send ${name} ${event.type}`),
    compose: (action) => done(`compose ${action}`),
    step: () => done('step'),
    back: () => done('back'),
    reset: () => done('reset'),
    getState: () => (calls.push('getState'), { web: 'running' }),
  };
  return { target, calls };
}

describe('the message bridge, before its request checks are loaded', () => {
  it('answers requests that came before the target was ready, in order, then later ones at once', async () => {
    const win = fakeWindow();
    const { target, calls } = recordingTarget();
    let becomeReady!: () => void;
    const ready = new Promise<void>((resolve) => (becomeReady = resolve));
    const bridge = attachMessageBridge({ window: win, target, allowOrigins: () => [], onChange: () => () => undefined, read: () => ({}), ready });
    const host = sender();

    post(win, { source: MESSAGE_SOURCE, type: 'step', id: 1 }, host.source);
    post(win, { source: MESSAGE_SOURCE, type: 'send', container: 'web', event: { type: 'teleport' }, id: 2 }, host.source);
    post(win, { source: 'another-library', type: 'step', id: 'x' }, host.source);
    post(win, { source: MESSAGE_SOURCE, type: 'send', container: 'web', event: { type: 'pause' }, id: 3 }, host.source);
    expect(calls).toEqual([]);
    becomeReady();

    await vi.waitFor(() => expect(host.received).toHaveLength(3));
    expect(calls).toEqual(['step', 'send web pause']);
    expect(host.received).toEqual([
      { source: MESSAGE_SOURCE, type: 'reply', id: 1, ok: true },
      expect.objectContaining({ source: MESSAGE_SOURCE, type: 'reply', id: 2, ok: false, error: expect.stringContaining('event') }),
      { source: MESSAGE_SOURCE, type: 'reply', id: 3, ok: true },
    ]);

    // Loaded and ready: the next request is answered before dispatch returns.
    await vi.waitFor(() => {
      const before = host.received.length;
      post(win, { source: MESSAGE_SOURCE, type: 'back', id: 4 }, host.source);
      expect(host.received.length).toBe(before + 1);
    });
    expect(host.received.at(-1)).toEqual({ source: MESSAGE_SOURCE, type: 'reply', id: 4, ok: true });
    bridge.dispose();
  });

  it('answers nothing after dispose, even a request that was waiting for the checks', async () => {
    const win = fakeWindow();
    const { target, calls } = recordingTarget();
    const bridge = attachMessageBridge({ window: win, target, allowOrigins: () => [], onChange: () => () => undefined, read: () => ({}) });
    const host = sender();
    post(win, { source: MESSAGE_SOURCE, type: 'reset', id: 1 }, host.source);
    bridge.dispose();
    // A later bridge on another window loads the same module: once it answers, the first had its chance.
    const other = fakeWindow();
    const second = attachMessageBridge({ window: other, target, allowOrigins: () => [], onChange: () => () => undefined, read: () => ({}) });
    const otherHost = sender();
    post(other, { source: MESSAGE_SOURCE, type: 'step', id: 9 }, otherHost.source);
    await vi.waitFor(() => expect(otherHost.received).toHaveLength(1));
    expect(host.received).toEqual([]);
    expect(calls).toEqual(['step']);
    second.dispose();
  });
});
