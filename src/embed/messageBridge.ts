/**
 * The window wiring of the postMessage protocol (`protocol.ts`): listens to `message`
 * events, answers to the sender's origin, keeps the senders that spoke to it as
 * subscribers of state notifications (batched per animation frame), forwards unused
 * navigation keys from a framed embed to its parent, and hears reveal.js's
 * `slide:start` / `slide:stop` from the parent frame. The checks of a request
 * (`messageHandling.ts`, zod) are loaded with the first request, not with the page.
 */
import { revealCall } from './keyboard';
import {
  createStateBatcher,
  isOriginAllowed,
  isProtocolRequest,
  keyMessage,
  stateMessage,
  type ContainerStates,
  type OutMessage,
  type ProtocolTarget,
} from './protocol';

export interface MessageBridgeOptions {
  window: Window;
  target: ProtocolTarget;
  /** Origins allowed besides the page's own (read on every message: attributes may change). */
  allowOrigins: () => readonly string[];
  /** This embed's id, for messages with a `target`. */
  embedId?: () => string | null;
  /** Subscribes to "the state may have changed"; returns an unsubscribe function. */
  onChange: (listener: () => void) => () => void;
  /** Reads the state map (once per frame at most). */
  read: () => ContainerStates;
  /** reveal.js told this frame its slide was shown (`'slide:start'`) or hidden (`'slide:stop'`). */
  onSlide?: (state: 'start' | 'stop') => void;
  /**
   * Resolves once the target can act on messages (its story and saved state loaded):
   * messages that come earlier wait for it, in order, so a deck's first `step` is not
   * refused while the story loads.
   */
  ready?: Promise<void>;
}

export interface MessageBridge {
  /**
   * Hands a key to the parent frame: reveal.js's postMessage call for it
   * (`'{"method":"next"}'`, see `revealCall`), and `{ type: 'key', key }` for other
   * hosts (only to an allowed origin). Returns false when the embed is not in a frame.
   */
  forwardKey(key: string, shiftKey?: boolean): boolean;
  dispose(): void;
}

type Handling = typeof import('./messageHandling');

/** Posts a protocol message, or a reveal.js API call (a JSON string). */
function post(target: MessageEventSource, message: OutMessage | string, origin: string): void {
  try {
    (target as Window).postMessage(message, origin);
  } catch {
    // A closed window or an origin that cannot be targeted: nothing to tell.
  }
}

/** Attaches the protocol to `options.window`. */
export function attachMessageBridge(options: MessageBridgeOptions): MessageBridge {
  const win = options.window;
  const ownOrigin = win.location.origin;
  const subscribers = new Map<MessageEventSource, string>();
  const raf = win.requestAnimationFrame?.bind(win);
  const batcher = createStateBatcher({
    schedule: raf
      ? { request: (cb) => raf(() => cb()), cancel: (h) => win.cancelAnimationFrame(h as number) }
      : { request: (cb) => win.setTimeout(cb, 16), cancel: (h) => win.clearTimeout(h as number) },
    read: options.read,
    publish: (containers) => {
      if (subscribers.size === 0) return;
      const message = stateMessage(containers);
      for (const [source, origin] of subscribers) post(source, message, origin);
    },
  });

  // Requests wait, in order, for the target (`ready`) and for the request checks (loaded
  // with the first request); once both are there, requests are handled as they come.
  let handling: Handling | null = null;
  let loading: Promise<void> | null = null;
  const loadHandling = (): Promise<void> => {
    loading ??= import('./messageHandling').then(
      (module) => {
        handling = module;
      },
      (cause: unknown) => {
        loading = null; // a chunk that did not arrive (offline) is tried again with the next request
        throw cause;
      },
    );
    return loading;
  };
  let live = false;
  let waiting: Promise<void> = Promise.resolve(options.ready);
  let disposed = false;

  const onMessage = (event: MessageEvent) => {
    // reveal.js posts these plain strings to every frame of a slide, from any origin; they carry no data.
    if ((event.data === 'slide:start' || event.data === 'slide:stop') && event.source === win.parent && win.parent !== win) {
      options.onSlide?.(event.data === 'slide:start' ? 'start' : 'stop');
      return;
    }
    // Other libraries' messages: nothing to answer, nothing to load.
    if (!isProtocolRequest(event.data)) return;
    if (live) {
      handle(event);
      return;
    }
    const queued = waiting
      .then(loadHandling)
      .then(() => {
        if (!disposed) handle(event);
      })
      // The target never became ready or the checks could not be loaded: this request gets no answer.
      .catch(() => undefined);
    waiting = queued;
    void queued.then(() => {
      // The last queued request is done: the next ones need not wait.
      if (waiting === queued && handling !== null) live = true;
    });
  };
  const handle = (event: MessageEvent) => {
    if (!handling) return;
    const result = handling.handleMessage(event.data, event.origin, {
      ownOrigin,
      allowOrigins: options.allowOrigins(),
      target: options.target,
      embedId: options.embedId?.() ?? null,
    });
    if (result.kind !== 'answered' || !event.source) return;
    if (result.subscribe) subscribers.set(event.source, event.origin);
    if (result.reply) post(event.source, result.reply, event.origin);
    if (result.sendState) batcher.forceNext();
  };
  win.addEventListener('message', onMessage);
  const unsubscribe = options.onChange(() => batcher.markDirty());

  return {
    forwardKey(key, shiftKey = false) {
      const parent = win.parent;
      if (!parent || parent === win) return false;
      // reveal.js's own API: a plain deck moves with no code of its own. The call says
      // only "next" or "prev", so it goes to the parent's origin when the browser tells
      // it (Chromium, Safari), else to any origin (Firefox has no ancestorOrigins).
      const call = revealCall(key, shiftKey);
      if (call) post(parent, JSON.stringify(call), win.location.ancestorOrigins?.[0] ?? '*');
      const message = keyMessage(key);
      const known = subscribers.get(parent);
      if (known) {
        post(parent, message, known);
        return true;
      }
      // The parent's origin when the browser tells (Chromium, Safari), else every allowed one:
      // the browser delivers only to the one that matches, so nothing leaks elsewhere.
      const allowed = options.allowOrigins();
      const ancestor = win.location.ancestorOrigins?.[0];
      const candidates = ancestor ? [ancestor] : [ownOrigin, ...allowed];
      for (const origin of candidates) if (isOriginAllowed(origin, ownOrigin, allowed)) post(parent, message, origin);
      return true;
    },
    dispose() {
      disposed = true;
      win.removeEventListener('message', onMessage);
      unsubscribe();
      batcher.dispose();
      subscribers.clear();
    },
  };
}
