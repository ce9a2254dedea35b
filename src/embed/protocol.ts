/**
 * The postMessage protocol of the embed (docs/contracts.md §5), pure: the messages, who may
 * talk (origins), and the batching of state notifications (at most one per animation
 * frame, whatever the number of commands). Reading a request's shape (zod) and acting on
 * it is `messageHandling.ts`, loaded with the first request (it is not needed to show the
 * widget); the window wiring is `messageBridge.ts`.
 *
 * In:  `{ source: 'container-lifecycle', type: 'send', container, event }` (a machine
 *      event, or `{ type: 'compose', action }`), `{ source, type: 'step' | 'back' | 'reset' }`,
 *      `{ source, type: 'getState', id }`. Any message may carry an `id` (string or
 *      number): it is answered with `{ source, type: 'reply', id, ok, error? }`.
 * Out: `{ source, type: 'state', containers: { name: status } }` after changes, and the
 *      replies; always to the sender's origin, never `'*'`.
 * A message from an origin that is neither the page's own nor listed in `allow-origins`
 * is ignored. A message of the wrong shape is answered `ok: false` with the reason when
 * it has an id, otherwise ignored. Handling never throws and a refused message never
 * changes state.
 */
import type { ComposeAction, ContainerEvent } from '../../machines';

/** The `source` of every message of this protocol. */
export const MESSAGE_SOURCE = 'container-lifecycle';

/** Container name → Docker status (`inspectState().Status`). */
export type ContainerStates = Record<string, string>;

export type MessageId = string | number;

export interface StateMessage {
  source: typeof MESSAGE_SOURCE;
  type: 'state';
  containers: ContainerStates;
}

export interface ReplyMessage {
  source: typeof MESSAGE_SOURCE;
  type: 'reply';
  id: MessageId;
  ok: boolean;
  error?: string;
  /** Only in the reply to `getState`: the state now. */
  containers?: ContainerStates;
}

/** Sent by an embed in a frame for a navigation key it does not use (see README "Embedding"). */
export interface KeyMessage {
  source: typeof MESSAGE_SOURCE;
  type: 'key';
  key: string;
}

export type OutMessage = StateMessage | ReplyMessage | KeyMessage;

/** Message types this protocol sends: never treated as requests (two embeds must not answer each other forever). */
const OUTGOING_TYPES: ReadonlySet<unknown> = new Set(['state', 'reply', 'key']);

/**
 * Whether `data` is a request of this protocol (`source` is ours, not one of our outgoing
 * types): the rest is another library's traffic, ignored without loading the checks of
 * `messageHandling.ts`. Never throws.
 */
export function isProtocolRequest(data: unknown): boolean {
  try {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
    const record = data as Record<string, unknown>;
    return record.source === MESSAGE_SOURCE && !OUTGOING_TYPES.has(record.type);
  } catch {
    // Only objects made in this window (not structured clones) can throw while being read.
    return false;
  }
}

/** Whether `origin` may drive the embed: the page's own, or one listed in `allow-origins`. */
export function isOriginAllowed(origin: string, ownOrigin: string, allowOrigins: readonly string[]): boolean {
  if (origin === 'null' || origin === '') return false;
  return origin === ownOrigin || allowOrigins.includes(origin);
}

/** The outcome of one command. */
export type CommandResult = { ok: true } | { ok: false; error: string };

/** What the protocol drives: the embed (see `EmbedController`). */
export interface ProtocolTarget {
  send(container: string, event: ContainerEvent): CommandResult;
  compose(action: ComposeAction): CommandResult;
  step(): CommandResult;
  back(): CommandResult;
  reset(): CommandResult;
  getState(): ContainerStates;
}

/** A scheduler: `requestAnimationFrame` in a page, a fake in tests. */
export interface FrameScheduler {
  request(callback: () => void): unknown;
  cancel(handle: unknown): void;
}

export interface StateBatcher {
  /** Something may have changed: publish at the next frame if the state differs. */
  markDirty(): void;
  /** Publish at the next frame even if nothing changed. */
  forceNext(): void;
  dispose(): void;
}

/**
 * Batches state notifications: however many changes happen, the state map is built and
 * compared at most once per frame, and published only when it differs from the last one.
 */
export function createStateBatcher(options: {
  schedule: FrameScheduler;
  read: () => ContainerStates;
  publish: (containers: ContainerStates) => void;
}): StateBatcher {
  let handle: unknown = null;
  let forced = false;
  let last: ContainerStates | null = null;
  let disposed = false;
  const flush = () => {
    handle = null;
    if (disposed) return;
    const containers = options.read();
    if (forced || last === null || !sameStates(last, containers)) options.publish(containers);
    forced = false;
    last = containers;
  };
  const schedule = () => {
    if (handle === null && !disposed) handle = options.schedule.request(flush);
  };
  return {
    markDirty: schedule,
    forceNext() {
      forced = true;
      schedule();
    },
    dispose() {
      disposed = true;
      if (handle !== null) options.schedule.cancel(handle);
      handle = null;
    },
  };
}

function sameStates(a: ContainerStates, b: ContainerStates): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/** `{ source, type: 'state', containers }` */
export function stateMessage(containers: ContainerStates): StateMessage {
  return { source: MESSAGE_SOURCE, type: 'state', containers };
}

/** `{ source, type: 'key', key }` */
export function keyMessage(key: string): KeyMessage {
  return { source: MESSAGE_SOURCE, type: 'key', key };
}
