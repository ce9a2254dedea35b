/**
 * Handling one request of the postMessage protocol (`protocol.ts`, docs/contracts.md §5):
 * its shape checked with zod, its origin and target, what it does to a `ProtocolTarget`,
 * and the reply. Pure. `messageBridge.ts` loads this module with the first request of
 * the protocol, so zod is not part of the embed's first load.
 */
import type { ComposeAction, ContainerEvent } from '../../machines';
import { z } from '../model/validation/zod';
import { asContainerEvent, composeEventSchema, containerEventSchema } from './containerEventSchema';
import {
  MESSAGE_SOURCE,
  isOriginAllowed,
  isProtocolRequest,
  type CommandResult,
  type ContainerStates,
  type MessageId,
  type ProtocolTarget,
  type ReplyMessage,
} from './protocol';

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
  if (!isProtocolRequest(data)) return { kind: 'foreign' };
  const record = data as Record<string, unknown>;
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
