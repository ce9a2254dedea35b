/**
 * The postMessage protocol of the embed (docs/contracts.md §5), pure: message shapes (zod),
 * who may talk (origins), what each message does to a `ProtocolTarget`, the replies, and
 * the batching of state notifications (at most one per animation frame, whatever the
 * number of commands). The window wiring is in `messageBridge.ts`.
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
import { z } from '../model/validation/zod';
import { asContainerEvent, composeEventSchema, containerEventSchema } from './containerEventSchema';

/** The `source` of every message of this protocol. */
export const MESSAGE_SOURCE = 'container-lifecycle';

/** Container name → Docker status (`inspectState().Status`). */
export type ContainerStates = Record<string, string>;

type MessageId = string | number;

export interface StateMessage {
  source: typeof MESSAGE_SOURCE;
  type: 'state';
  containers: ContainerStates;
}

interface ReplyMessage {
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

const idSchema = z.union([z.string().check(z.maxLength(200)), z.number()]);
const base = {
  source: z.literal(MESSAGE_SOURCE),
  id: z.optional(idSchema),
  /** For pages with several `<container-lifecycle>` elements: the `id` of the one addressed. */
  target: z.optional(z.string().check(z.maxLength(200))),
};

const sendSchema = z.strictObject({
  ...base,
  type: z.literal('send'),
  container: z.string().check(z.minLength(1, { message: 'container is empty' }), z.maxLength(255)),
  event: z.unknown(),
});
const simpleSchema = z.strictObject({ ...base, type: z.enum(['step', 'back', 'reset', 'getState']) });

type InMessage =
  | { type: 'send'; container: string; event: ContainerEvent; id?: MessageId; target?: string }
  | { type: 'compose'; action: ComposeAction; id?: MessageId; target?: string }
  | { type: 'step' | 'back' | 'reset' | 'getState'; id?: MessageId; target?: string };

export type ParseResult =
  /** Not a message of this protocol (another library's, or one of our own outgoing ones): ignore silently. */
  | { kind: 'foreign' }
  | { kind: 'invalid'; id: MessageId | null; error: string }
  | { kind: 'valid'; message: InMessage };

function firstProblem(error: z.core.$ZodError, prefix = ''): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid message';
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  if (issue.code === 'unrecognized_keys') return `${path ? `${path}: ` : ''}unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return `${path ? `${path}: ` : ''}${issue.message}`;
}

/** Reads a message's shape. Never throws. */
export function parseMessage(data: unknown): ParseResult {
  try {
    return parseShape(data);
  } catch {
    // Only objects made in this window (not structured clones) can throw while being read.
    return { kind: 'foreign' };
  }
}

function parseShape(data: unknown): ParseResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { kind: 'foreign' };
  const record = data as Record<string, unknown>;
  if (record.source !== MESSAGE_SOURCE || OUTGOING_TYPES.has(record.type)) return { kind: 'foreign' };
  const rawId = idSchema.safeParse(record.id);
  const id = rawId.success ? rawId.data : null;
  const invalid = (error: string): ParseResult => ({ kind: 'invalid', id, error });
  if (record.type === 'send') {
    const parsed = sendSchema.safeParse(data);
    if (!parsed.success) return invalid(firstProblem(parsed.error));
    const { container, event, id: messageId, target } = parsed.data;
    const extra = { ...(messageId !== undefined ? { id: messageId } : {}), ...(target !== undefined ? { target } : {}) };
    const eventType = typeof event === 'object' && event !== null ? (event as { type?: unknown }).type : undefined;
    if (eventType === 'compose') {
      const compose = composeEventSchema.safeParse(event);
      if (!compose.success) return invalid(firstProblem(compose.error, 'event'));
      return { kind: 'valid', message: { type: 'compose', action: compose.data.action, ...extra } };
    }
    const machineEvent = containerEventSchema.safeParse(event);
    if (!machineEvent.success) return invalid(firstProblem(machineEvent.error, 'event'));
    return { kind: 'valid', message: { type: 'send', container, event: asContainerEvent(machineEvent.data), ...extra } };
  }
  const parsed = simpleSchema.safeParse(data);
  if (!parsed.success) {
    if (typeof record.type !== 'string') return invalid('type: expected send, step, back, reset or getState');
    return invalid(firstProblem(parsed.error));
  }
  return { kind: 'valid', message: parsed.data };
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

export interface ProtocolContext {
  ownOrigin: string;
  allowOrigins: readonly string[];
  target: ProtocolTarget;
  /** This embed's id (a custom element's `id` attribute); messages with another `target` are not for it. */
  embedId?: string | null;
}

export type HandleResult =
  | { kind: 'ignored'; reason: 'foreign' | 'origin' | 'target' | 'invalid-without-id' }
  | {
      kind: 'answered';
      /** The reply to post to the sender, when the message had an id. */
      reply: ReplyMessage | null;
      /** The message was valid: the sender now gets state notifications. */
      subscribe: boolean;
      /** Send the sender the state at the next frame even if nothing changed (`getState`). */
      sendState: boolean;
    };

function reply(id: MessageId, result: CommandResult, containers?: ContainerStates): ReplyMessage {
  const message: ReplyMessage = { source: MESSAGE_SOURCE, type: 'reply', id, ok: result.ok };
  if (!result.ok) message.error = result.error;
  if (containers) message.containers = containers;
  return message;
}

function run(action: () => CommandResult): CommandResult {
  try {
    return action();
  } catch (cause) {
    return { ok: false, error: `internal error: ${cause instanceof Error ? cause.message : String(cause)}` };
  }
}

/** Handles one incoming message: checks origin and shape, acts, and says what to answer. Never throws. */
export function handleMessage(data: unknown, origin: string, context: ProtocolContext): HandleResult {
  const parsed = parseMessage(data);
  if (parsed.kind === 'foreign') return { kind: 'ignored', reason: 'foreign' };
  if (!isOriginAllowed(origin, context.ownOrigin, context.allowOrigins)) return { kind: 'ignored', reason: 'origin' };
  if (parsed.kind === 'invalid') {
    if (parsed.id === null) return { kind: 'ignored', reason: 'invalid-without-id' };
    return { kind: 'answered', reply: reply(parsed.id, { ok: false, error: parsed.error }), subscribe: false, sendState: false };
  }
  const { message } = parsed;
  if (message.target !== undefined && message.target !== (context.embedId ?? undefined)) return { kind: 'ignored', reason: 'target' };
  const { target } = context;
  let result: CommandResult;
  let containers: ContainerStates | undefined;
  switch (message.type) {
    case 'send':
      result = run(() => target.send(message.container, message.event));
      break;
    case 'compose':
      result = run(() => target.compose(message.action));
      break;
    case 'step':
      result = run(() => target.step());
      break;
    case 'back':
      result = run(() => target.back());
      break;
    case 'reset':
      result = run(() => target.reset());
      break;
    case 'getState':
      result = run(() => {
        containers = target.getState();
        return { ok: true };
      });
      break;
  }
  return {
    kind: 'answered',
    reply: message.id !== undefined ? reply(message.id, result, containers) : null,
    subscribe: true,
    sendState: message.type === 'getState',
  };
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
